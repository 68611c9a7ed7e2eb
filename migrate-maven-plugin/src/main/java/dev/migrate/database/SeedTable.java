package dev.migrate.database;

import java.util.List;
import java.util.Set;

/**
 * What the row seeder knows about one table: its columns with their catalog types, the column sets
 * that must hold distinct values, and the foreign keys whose parents must be filled first.
 *
 * @param schema the table's schema as the catalog stores it
 * @param name the table's name as the catalog stores it
 * @param columns the columns in physical order
 * @param unique column sets of the primary key, unique constraints and unique indexes
 * @param key the primary key's columns (or the first unique set's), empty when the table has none
 * @param foreignKeys the table's foreign keys
 * @param id the catalog's id of the table, which a rename or a move to another schema keeps (PostgreSQL's
 *     OID); 0 where the catalog has none, and the table is known by its name only
 * @param quote the character that quotes an identifier in this database's SQL: {@code "} (standard SQL)
 *     or {@code `} (MySQL and MariaDB, whose double quotes write strings)
 */
public record SeedTable(String schema, String name, List<Column> columns, List<Set<String>> unique, List<String> key,
        List<ForeignKey> foreignKeys, long id, char quote) {

    public SeedTable(String schema, String name, List<Column> columns, List<Set<String>> unique, List<String> key,
            List<ForeignKey> foreignKeys) {
        this(schema, name, columns, unique, key, foreignKeys, 0);
    }

    public SeedTable(String schema, String name, List<Column> columns, List<Set<String>> unique, List<String> key,
            List<ForeignKey> foreignKeys, long id) {
        this(schema, name, columns, unique, key, foreignKeys, id, '"');
    }

    public SeedTable {
        columns = List.copyOf(columns);
        unique = unique.stream().map(Set::copyOf).toList();
        key = List.copyOf(key);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /**
     * How messages name it: {@code schema.table}; on MySQL and MariaDB (backtick quotes) the table
     * alone, as their schema is the database, which in verify is a scratch database the user never named.
     */
    public String display() {
        return quote == '`' ? name : schema + "." + name;
    }

    /** The name as SQL writes it, quoted so that any catalog name works. */
    public String quoted() {
        return quote(schema) + "." + quote(name);
    }

    /** {@code identifier} quoted as this table's database writes it. */
    public String quote(String identifier) {
        String mark = String.valueOf(quote);
        return mark + identifier.replace(mark, mark + mark) + mark;
    }

    boolean isUnique(String column) {
        return unique.stream().anyMatch(set -> set.contains(column));
    }

    /** The sorts of values the seeder knows how to write. */
    public enum Kind { INTEGER, DECIMAL, FLOAT, TEXT, DATE, TIME, TIMESTAMP, INTERVAL, BOOLEAN, UUID, JSON, ENUM, ARRAY,
        BYTES, INET, OTHER }

    /**
     * One column.
     *
     * @param name its name
     * @param type the type SQL casts values to (a domain keeps its own name)
     * @param kind what sort of values it takes (a domain's base type; an array's element kind is {@code element})
     * @param element for arrays, the kind of their elements; otherwise null
     * @param notNull whether it refuses nulls
     * @param generated whether the database fills it itself (identity, serial, generated): left to its default
     * @param length the maximum length of a text column, 0 when unlimited
     * @param precision a numeric column's precision, 0 when unlimited
     * @param scale a numeric column's scale
     * @param labels an enum column's values, in order
     */
    public record Column(String name, String type, Kind kind, Kind element, boolean notNull, boolean generated,
            int length, int precision, int scale, List<String> labels) {

        public Column {
            labels = List.copyOf(labels);
        }
    }

    /** A foreign key: {@code columns} of this table refer to {@code referencedColumns} of another. */
    public record ForeignKey(List<String> columns, String referencedSchema, String referencedTable,
            List<String> referencedColumns) {

        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }
}
