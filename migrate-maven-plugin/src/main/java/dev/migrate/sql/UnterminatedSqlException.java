package dev.migrate.sql;

import dev.migrate.common.MigrateException;

/** A string, quoted identifier, dollar quote or comment is never closed. */
public final class UnterminatedSqlException extends MigrateException {

    private final int line;

    public UnterminatedSqlException(String what, int line) {
        super(what + " opened on line " + line + " is never closed; close it before the end of the section");
        this.line = line;
    }

    /** The line where the unterminated construct begins. */
    public int line() {
        return line;
    }
}
