package dev.migrate.sql;

import dev.migrate.common.MigrateException;

/** SQL text the target database's client could not split into statements, at a known line. */
public abstract class UnsplittableSqlException extends MigrateException {

    private final int line;

    protected UnsplittableSqlException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The line where the problem begins. */
    public int line() {
        return line;
    }
}
