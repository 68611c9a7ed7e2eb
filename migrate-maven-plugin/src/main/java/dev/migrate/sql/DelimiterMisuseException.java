package dev.migrate.sql;

/**
 * A client {@code DELIMITER} line the {@code mysql}/{@code mariadb} client would not take as the
 * file's author meant it: no separator, a backslash in it, or a statement still open before it.
 */
public final class DelimiterMisuseException extends UnsplittableSqlException {

    public DelimiterMisuseException(String message, int line) {
        super(message, line);
    }
}
