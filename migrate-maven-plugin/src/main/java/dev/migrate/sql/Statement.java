package dev.migrate.sql;

import java.util.Objects;

/**
 * One SQL statement as it is sent to the server.
 *
 * @param sql the text psql would send: leading blank lines and line comments dropped, no
 *     terminating semicolon, trailing whitespace trimmed
 * @param line the 1-based line in the file on which the statement starts
 */
public record Statement(String sql, int line) {

    public Statement {
        Objects.requireNonNull(sql, "sql");
    }
}
