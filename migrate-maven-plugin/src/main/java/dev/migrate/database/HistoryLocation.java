package dev.migrate.database;

import java.util.Objects;

/**
 * Where the history table lives, as configured: its schema (null for the connection's default)
 * and its name, both already checked against the product's reserved words.
 *
 * @param schema the schema that holds the history table and becomes the connection's current one, or null
 * @param table the history table's name
 */
public record HistoryLocation(Identifier schema, Identifier table) {

    public HistoryLocation {
        Objects.requireNonNull(table, "table");
    }

    /** The history table's name as the plugin writes it into SQL. */
    public String qualifiedName() {
        return schema == null ? table.name() : schema.name() + "." + table.name();
    }

    /** The history table as a product's catalog stores it, in the schema {@code currentSchema}. */
    public Stored stored(Dialect product, String currentSchema) {
        return new Stored(currentSchema, product.fold(table));
    }

    /**
     * The history table's schema and name as the catalog stores them, for code that reads the
     * catalog and must leave the history table out.
     *
     * @param schema the schema as the catalog names it
     * @param table the table as the catalog names it
     */
    public record Stored(String schema, String table) {
    }
}
