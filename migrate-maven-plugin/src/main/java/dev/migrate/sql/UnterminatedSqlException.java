package dev.migrate.sql;

/** A string, quoted identifier, dollar quote or comment is never closed. */
public final class UnterminatedSqlException extends UnsplittableSqlException {

    public UnterminatedSqlException(String what, int line) {
        super(what + " opened on line " + line + " is never closed; close it before the end of the section", line);
    }
}
