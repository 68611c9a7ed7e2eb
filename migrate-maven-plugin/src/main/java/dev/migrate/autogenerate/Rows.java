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
 * filled by a default computed when the row is written (a timestamp, a random UUID) differ between
 * any two runs, so they are left out of the comparison.
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

    /** The rows without the columns {@code left out} (lower case names), sorted; null when the table cannot be read. */
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
                    if (kept[c]) {
                        row.append(row.length() > 1 ? ", " : "").append(result.getString(c));
                    }
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
