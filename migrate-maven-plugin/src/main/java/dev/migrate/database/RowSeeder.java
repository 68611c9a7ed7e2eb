package dev.migrate.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Fills a database's tables with generated rows, so that verify runs each upgrade on tables that
 * hold data as production tables do. One per database ({@link Dialect#rowSeeder()}): the catalog
 * each reads its tables from differs; the values and the order of filling are shared.
 */
public interface RowSeeder {

    /** A seeder for databases whose catalog the plugin cannot read: it sees no tables. */
    RowSeeder UNSUPPORTED = new RowSeeder() {
        @Override
        public boolean supported() {
            return false;
        }

        @Override
        public List<SeedTable> tables(Connection connection, String historySchema, String historyTable) {
            return List.of();
        }

        @Override
        public List<String> seed(Connection connection, List<SeedTable> tables, Map<String, Long> counts, int rows) {
            return List.of();
        }

        @Override
        public List<Unemptied> empty(Connection connection, List<SeedTable> tables) {
            return List.of();
        }
    };

    /**
     * A table that {@link #empty} left holding its rows.
     *
     * @param table the table as {@link SeedTable#display()} names it
     * @param reason the first line of why the database refused to empty it
     */
    record Unemptied(String table, String reason) {
    }

    /** Whether this database's tables can be seeded at all. */
    boolean supported();

    /** The user's tables (every schema but the system's), without the history table. */
    List<SeedTable> tables(Connection connection, String historySchema, String historyTable) throws SQLException;

    /**
     * The user's tables whose name is one of {@code names} (in any schema; names come in lower case and,
     * where they were quoted, also as written, so a catalog may look them up exactly). The
     * default reads them all and keeps those; a catalog that can look them up reads only them.
     */
    default List<SeedTable> tables(Connection connection, String historySchema, String historyTable,
            java.util.Set<String> names) throws SQLException {
        return tables(connection, historySchema, historyTable).stream()
                .filter(table -> names.contains(table.name().toLowerCase(java.util.Locale.ROOT))).toList();
    }

    /**
     * Gives every table of {@code tables} that {@code counts} (rows per {@link SeedTable#display()})
     * shows empty {@code rows} generated rows, referenced tables first, and updates {@code counts}.
     *
     * @return one note per table that could not be filled, saying why
     */
    List<String> seed(Connection connection, List<SeedTable> tables, Map<String, Long> counts, int rows)
            throws SQLException;

    /**
     * Deletes every row of {@code tables}, whatever refers to what. A table the schema's own trigger
     * or rule keeps from being emptied is left as it is, and the others are emptied still.
     *
     * @return the tables that could not be emptied, each with why
     */
    List<Unemptied> empty(Connection connection, List<SeedTable> tables) throws SQLException;
}
