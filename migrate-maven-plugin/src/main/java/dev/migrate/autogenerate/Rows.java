package dev.migrate.autogenerate;

import dev.migrate.schema.DbObject;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.scratch.Workbench;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A table's rows as sorted text, for comparing the data a squash leaves with the chain's. Columns
 * filled by a value computed when the row is written (a default or a call such as a timestamp or a
 * random UUID) differ between any two runs, so of them only whether they hold a value is compared.
 */
final class Rows {

    /**
     * A default that is a constant: a quoted string, a number, NULL, TRUE or FALSE, in
     * parentheses or with a cast; anything else (a function, CURRENT_TIMESTAMP) is computed.
     */
    private static final Pattern CONSTANT = Pattern.compile(
            "\\(*\\s*(?:'(?:[^']|'')*'|[-+]?\\d+(?:\\.\\d+)?|null|true|false)\\s*\\)*(?:\\s*::\\s*[\\w .\"\\[\\]()]+)*\\)*",
            Pattern.CASE_INSENSITIVE);

    private Rows() {
    }

    /**
     * The columns of {@code table} (as the data statements name it, maybe schema-qualified) whose
     * default in {@code snapshot} is computed when a row is written, lower case.
     */
    static Set<String> computedDefaults(SchemaSnapshot snapshot, String table) {
        String name = unquote(table.substring(table.lastIndexOf('.') + 1));
        Set<String> columns = new TreeSet<>();
        snapshot.forEachObject((object, definition) -> {
            if (object.kind() == DbObject.Kind.DEFAULT && object.owner() != null
                    && unquote(object.owner()).equalsIgnoreCase(name) && definition != null
                    && !CONSTANT.matcher(definition.strip()).matches()) {
                columns.add(object.name().toLowerCase(Locale.ROOT));
            }
        });
        return columns;
    }

    private static String unquote(String name) {
        String stripped = name.strip();
        return stripped.length() > 1 && (stripped.startsWith("\"") || stripped.startsWith("`"))
                ? stripped.substring(1, stripped.length() - 1) : stripped;
    }

    /**
     * The rows the chain left in each of {@code tables} (those its data statements wrote), by
     * table; a table that is gone at the range's end is left out, and so are the statements that
     * wrote it: their data went with it.
     */
    static Map<String, List<String>> readAll(Workbench end, Set<String> tables, Map<String, Set<String>> computed)
            throws SQLException {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection connection = end.connection()) {
            for (String table : tables) {
                List<String> read = read(connection, table, computed.getOrDefault(table, Set.of()));
                if (read != null) {
                    rows.put(table, read);
                }
            }
        }
        return rows;
    }

    /** The rows, sorted; null when the table cannot be read (it does not exist). */
    static List<String> read(Connection connection, String table) {
        return read(connection, table, Set.of());
    }

    /**
     * The columns of each of {@code tables} whose values differ between two runs of the same chain,
     * read on {@code one} and {@code other} (each column's values compared as a sorted list, so the
     * rows' order does not matter), lower case, without the columns already {@code leftOut}: values
     * computed as the rows were written (a random UUID, the time). A table with none is not listed.
     */
    static Map<String, Set<String>> varying(Connection one, Connection other, Set<String> tables,
            Map<String, Set<String>> leftOut) {
        Map<String, Set<String>> varying = new TreeMap<>();
        for (String table : tables) {
            Map<String, List<String>> a = byColumn(one, table);
            Map<String, List<String>> b = byColumn(other, table);
            Set<String> columns = new TreeSet<>();
            for (Map.Entry<String, List<String>> column : a.entrySet()) {
                if (!column.getValue().equals(b.get(column.getKey()))
                        && !leftOut.getOrDefault(table, Set.of()).contains(column.getKey())) {
                    columns.add(column.getKey());
                }
            }
            if (!columns.isEmpty()) {
                varying.put(table, columns);
            }
        }
        return varying;
    }

    /** Each column's values (lower case name), sorted, null as a value of its own; empty when unreadable. */
    private static Map<String, List<String>> byColumn(Connection connection, String table) {
        Map<String, List<String>> values = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = result.getMetaData().getColumnCount();
            List<List<String>> byPosition = new ArrayList<>();
            for (int c = 1; c <= columns; c++) {
                List<String> column = new ArrayList<>();
                values.put(result.getMetaData().getColumnName(c).toLowerCase(Locale.ROOT), column);
                byPosition.add(column);
            }
            while (result.next()) {
                for (int c = 1; c <= columns; c++) {
                    String value = result.getString(c);
                    byPosition.get(c - 1).add(value == null ? "\0null" : value);
                }
            }
        } catch (SQLException e) {
            return Map.of();
        }
        values.values().forEach(Collections::sort);
        return values;
    }

    /**
     * The rows, sorted; a column {@code left out} (lower case names) shows only whether it holds a
     * value ({@code ?}) or not ({@code null}). Null when the table cannot be read.
     */
    static List<String> read(Connection connection, String table, Set<String> leftOut) {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = result.getMetaData().getColumnCount();
            boolean[] kept = new boolean[columns + 1];
            for (int c = 1; c <= columns; c++) {
                kept[c] = !leftOut.contains(result.getMetaData().getColumnName(c).toLowerCase(Locale.ROOT));
            }
            while (result.next()) {
                StringBuilder row = new StringBuilder("(");
                for (int c = 1; c <= columns; c++) {
                    String value = result.getString(c);
                    row.append(row.length() > 1 ? ", " : "").append(kept[c] || value == null ? value : "?");
                }
                rows.add(row.append(')').toString());
            }
        } catch (SQLException e) {
            return null;
        }
        Collections.sort(rows);
        return rows;
    }
}
