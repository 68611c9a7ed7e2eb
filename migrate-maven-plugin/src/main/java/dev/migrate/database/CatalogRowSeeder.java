package dev.migrate.database;

import dev.migrate.database.SeedTable.Column;
import dev.migrate.database.SeedTable.ForeignKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The filling both seeders share: tables in foreign-key order, one multi-row INSERT per table with
 * distinct values only where a unique set needs them, foreign keys pointing at the parent's rows,
 * and the next value profile when a check constraint refuses a row. Each dialect reads its catalog.
 */
public abstract class CatalogRowSeeder implements RowSeeder {

    @Override
    public final List<SeedTable> tables(Connection connection, String historySchema, String historyTable)
            throws SQLException {
        return read(connection, historySchema, historyTable, null);
    }

    @Override
    public final List<SeedTable> tables(Connection connection, String historySchema, String historyTable,
            java.util.Set<String> names) throws SQLException {
        return names.isEmpty() ? List.of() : read(connection, historySchema, historyTable, names);
    }

    /**
     * The user's tables without the history table, only those whose name is one of {@code names}
     * (lower case, any schema), or every one when {@code names} is null.
     */
    protected abstract List<SeedTable> read(Connection connection, String historySchema, String historyTable,
            java.util.Set<String> names) throws SQLException;

    @Override
    public boolean supported() {
        return true;
    }

    @Override
    public List<String> seed(Connection connection, List<SeedTable> tables, Map<String, Long> counts, int rows)
            throws SQLException {
        List<String> notes = new ArrayList<>();
        Map<String, SeedTable> byName = new LinkedHashMap<>();
        tables.forEach(table -> byName.put(table.schema() + "." + table.name(), table));
        try (Statement statement = connection.createStatement()) {
            for (SeedTable table : parentsFirst(tables, byName)) {
                if (counts.getOrDefault(table.display(), 0L) > 0) {
                    continue;
                }
                String problem = fill(statement, table, rows);
                if (problem == null) {
                    counts.put(table.display(), (long) rows);
                } else {
                    notes.add("table " + table.display() + " holds no generated rows: " + problem);
                }
            }
        }
        return notes;
    }

    /** A row of defaults only, for a table whose every column the database fills itself. */
    protected String defaultRow(SeedTable table) {
        return "INSERT INTO " + table.quoted() + " DEFAULT VALUES";
    }

    /** Inserts {@code rows} rows into {@code table}; returns why it could not, or null. */
    private String fill(Statement statement, SeedTable table, int rows) throws SQLException {
        List<Column> columns = table.columns().stream().filter(column -> !column.generated()).toList();
        if (columns.isEmpty()) {
            try {
                for (int i = 0; i < rows; i++) {
                    statement.execute(defaultRow(table));
                }
                return null;
            } catch (SQLException e) {
                return firstLine(e);
            }
        }
        Map<String, List<List<String>>> parents = new HashMap<>();
        for (ForeignKey key : table.foreignKeys()) {
            parents.put(key.columns().toString(), parentRows(statement, table, key));
        }
        String problem = null;
        for (int profile = 0; profile < SyntheticValues.PROFILES; profile++) {
            List<String> values = new ArrayList<>();
            for (int row = 0; row < rows && problem == null; row++) {
                List<String> literals = new ArrayList<>();
                for (Column column : columns) {
                    String literal = value(table, column, row, profile, parents);
                    if (literal == null) {
                        problem = "column " + column.name() + " (" + column.kind().name().toLowerCase() + ") cannot"
                                + " take " + rows + " distinct values";
                        break;
                    }
                    literals.add(literal);
                }
                values.add("(" + String.join(", ", literals) + ")");
            }
            if (problem != null) {
                return problem;
            }
            String sql = "INSERT INTO " + table.quoted() + " (" + columns.stream().map(c -> table.quote(c.name()))
                    .collect(Collectors.joining(", ")) + ") VALUES " + String.join(", ", values);
            try {
                statement.execute(sql);
                return null;
            } catch (SQLException e) {
                problem = firstLine(e);
                if (profile + 1 < SyntheticValues.PROFILES) {
                    problem = null;
                }
            }
        }
        return problem;
    }

    /** A column's literal in row {@code row}: the parent's key for a foreign key, a generated value otherwise. */
    private String value(SeedTable table, Column column, int row, int profile,
            Map<String, List<List<String>>> parents) {
        int index = valueNumber(table, column, table.isUnique(column.name()), row);
        for (ForeignKey key : table.foreignKeys()) {
            int at = key.columns().indexOf(column.name());
            if (at < 0) {
                continue;
            }
            List<List<String>> candidates = parents.get(key.columns().toString());
            boolean self = key.referencedSchema().equals(table.schema()) && key.referencedTable().equals(table.name());
            if (self || candidates.isEmpty()) {
                return column.notNull() ? null : "NULL";
            }
            String parentValue = candidates.get(index % candidates.size()).get(at);
            return parentValue == null ? "NULL" : SyntheticValues.cast(column, parentValue);
        }
        return literal(column, index, profile);
    }

    /**
     * Which generated value row {@code row} of {@code column} takes: its own where a unique set
     * needs distinct values, otherwise one of two, so that a later unique index over the column
     * fails here as it may on real data that repeats values.
     */
    protected int valueNumber(SeedTable table, Column column, boolean unique, int row) {
        return unique ? row : row % 2;
    }

    /** The literal of value number {@code index} of {@code column} in {@code profile}. */
    protected String literal(Column column, int index, int profile) {
        return SyntheticValues.literal(column, index, profile);
    }

    private static List<List<String>> parentRows(Statement statement, SeedTable table, ForeignKey key)
            throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        String columns = key.referencedColumns().stream().map(table::quote).collect(Collectors.joining(", "));
        String sql = "SELECT " + columns + " FROM " + table.quote(key.referencedSchema()) + "."
                + table.quote(key.referencedTable()) + " ORDER BY " + columns;
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next() && rows.size() < 100) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= key.referencedColumns().size(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Runs {@code sql}; returns null, or the first line of why the database refused it (a trigger or
     * rule of the schema's own). Inside a transaction it runs under a savepoint, so that a refusal
     * leaves the transaction usable; a lost connection is thrown, not noted.
     */
    protected static String attempt(Connection connection, Statement statement, String sql) throws SQLException {
        java.sql.Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw e;
            }
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            return firstLine(e);
        }
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        }
        return null;
    }

    /**
     * Runs {@code delete} (the statement that empties one table) for each table of {@code tables};
     * returns the tables that were refused, the others are emptied still.
     */
    protected static List<Unemptied> emptyEach(Connection connection, Statement statement, List<SeedTable> tables,
            java.util.function.Function<SeedTable, String> delete) throws SQLException {
        List<Unemptied> refused = new ArrayList<>();
        for (SeedTable table : tables) {
            String problem = attempt(connection, statement, delete.apply(table));
            if (problem != null) {
                refused.add(new Unemptied(table.display(), problem));
            }
        }
        return refused;
    }

    /** Referenced tables before the tables that refer to them; cycles are broken where they close. */
    private static List<SeedTable> parentsFirst(List<SeedTable> tables, Map<String, SeedTable> byName) {
        List<SeedTable> ordered = new ArrayList<>();
        Map<String, Boolean> visiting = new HashMap<>();
        for (SeedTable table : tables) {
            visit(table, byName, visiting, ordered);
        }
        return ordered;
    }

    private static void visit(SeedTable table, Map<String, SeedTable> byName, Map<String, Boolean> state,
            List<SeedTable> ordered) {
        if (state.containsKey(table.display())) {
            return;
        }
        state.put(table.display(), Boolean.TRUE);
        for (ForeignKey key : table.foreignKeys()) {
            SeedTable parent = byName.get(key.referencedSchema() + "." + key.referencedTable());
            if (parent != null) {
                visit(parent, byName, state, ordered);
            }
        }
        ordered.add(table);
    }

    public static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        return message.lines().findFirst().orElse(message);
    }
}
