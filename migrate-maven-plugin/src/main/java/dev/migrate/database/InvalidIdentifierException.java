package dev.migrate.database;

import dev.migrate.common.MigrateException;

/** A configured schema or history-table name is not a plain SQL identifier, or is a reserved word. */
public final class InvalidIdentifierException extends MigrateException {

    public InvalidIdentifierException(String name) {
        super("'" + name + "' is not a plain SQL identifier: use letters, digits and '_', starting with a letter or '_',"
                + " at most 63 characters (check migrate.table and migrate.schema)");
    }

    private InvalidIdentifierException(String message, boolean unused) {
        super(message);
    }

    /** {@code name}, set by {@code parameter}, is a word {@code database} reserves. */
    static InvalidIdentifierException reservedWord(String name, String parameter, String database) {
        return new InvalidIdentifierException(parameter + " is '" + name + "', a reserved word in " + database
                + ", which the plugin's SQL cannot use as a name unquoted; choose another name, e.g. " + parameter
                + "=" + name.toLowerCase(java.util.Locale.ROOT) + "_" + (parameter.endsWith("schema") ? "data"
                : "history"), true);
    }
}
