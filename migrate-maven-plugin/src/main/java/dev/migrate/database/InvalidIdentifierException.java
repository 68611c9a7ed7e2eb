package dev.migrate.database;

import dev.migrate.common.MigrateException;

/** A configured schema or history-table name is not a plain SQL identifier. */
public final class InvalidIdentifierException extends MigrateException {

    public InvalidIdentifierException(String name) {
        super("'" + name + "' is not a plain SQL identifier: use letters, digits and '_', starting with a letter or '_',"
                + " at most 63 characters (check migrate.table and migrate.schema)");
    }
}
