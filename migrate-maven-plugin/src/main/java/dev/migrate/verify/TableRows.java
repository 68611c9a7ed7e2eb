package dev.migrate.verify;

import dev.migrate.database.SeedTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one table as one read found them: its columns, each row's values by the row's key,
 * and every row.
 */
record TableRows(SeedTable table, List<String> columns, Map<String, List<String>> rows, List<List<String>> all,
        boolean keyed) {

    /** Tables larger than this (filled by a data migration) are not compared row by row. */
    static final int MAX_ROWS = 10_000;

    static List<String> project(List<String> row, List<Integer> positions) {
        return positions.stream().map(row::get).toList();
    }

    /**
     * The rows of {@code table}, or null when it does not exist (any more). Inside a transaction (a
     * held downgrade) a failed read would abort it: only the read is undone.
     */
    static TableRows readIfThere(Connection connection, SeedTable table) throws SQLException {
        java.sql.Savepoint point = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            TableRows rows = read(connection, table);
            if (point != null) {
                connection.releaseSavepoint(point);
            }
            return rows;
        } catch (SQLException e) {
            if (point != null) {
                connection.rollback(point);
            }
            if (e.getSQLState() != null && (e.getSQLState().equals("42P01") || e.getSQLState().startsWith("42S0"))) {
                return null;
            }
            throw e;
        }
    }

    static TableRows read(Connection connection, SeedTable table) throws SQLException {
        List<String> columns = new ArrayList<>();
        Map<String, List<String>> keyed = new HashMap<>();
        List<List<String>> all = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(MAX_ROWS + 1);
            try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table.quoted())) {
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                }
                List<Integer> key = table.key().stream().map(columns::indexOf).toList();
                boolean hasKey = !key.isEmpty() && !key.contains(-1);
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(rs.getString(i));
                    }
                    all.add(row);
                    if (hasKey) {
                        keyed.put(project(row, key).toString(), row);
                    }
                }
                return new TableRows(table, columns, keyed, all, hasKey);
            }
        }
    }
}
