package dev.migrate.database.postgres;

import dev.migrate.database.LockMode;
import dev.migrate.database.LockSampler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code pg_locks} and {@code pg_class.relfilenode} on the work session itself: a table
 * rewritten inside an open transaction shows its new relfilenode only to that transaction, and
 * the session's own locks are those with its {@code pg_backend_pid()}.
 */
final class PostgresLockSampler implements LockSampler {

    private static final String TABLES = "SELECT c.oid, n.nspname || '.' || c.relname, c.relfilenode"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'"
            + " AND n.nspname <> '" + PostgresChangeLog.SCHEMA + "'"
            + " AND NOT (n.nspname = ? AND c.relname = ?)";

    private static final String SAMPLE = "SELECT c.oid, n.nspname || '.' || c.relname, c.relfilenode,"
            + " (SELECT pg_catalog.array_agg(l.mode::text) FROM pg_catalog.pg_locks l"
            + " WHERE l.relation = c.oid AND l.granted"
            + "   AND l.pid = pg_catalog.pg_backend_pid())"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.oid::int8 = ANY (?)";

    @Override
    public boolean supported() {
        return true;
    }

    /** The procedural language every new database has. */
    @Override
    public java.util.Set<String> extensionsWithoutTables() {
        return java.util.Set.of("plpgsql");
    }

    @Override
    public Map<Long, TableState> tables(Connection connection, String historySchema, String historyTable)
            throws SQLException {
        Map<Long, TableState> tables = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(TABLES)) {
            statement.setString(1, historySchema);
            statement.setString(2, historyTable);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tables.put(rs.getLong(1), new TableState(rs.getString(2), rs.getLong(3), List.of()));
                }
            }
        }
        return tables;
    }

    @Override
    public Map<Long, TableState> tables(Connection connection, String historySchema, String historyTable,
            java.util.Set<String> names) throws SQLException {
        Map<Long, TableState> tables = new HashMap<>();
        if (names.isEmpty()) {
            return tables;
        }
        // only the tables the revision names, looked up through pg_class's name index: the cost of what the
        // revision names, not of the schema (names come both in lower case and as quoted)
        try (PreparedStatement statement = connection.prepareStatement(TABLES + " AND c.relname = ANY (?::name[])")) {
            statement.setString(1, historySchema);
            statement.setString(2, historyTable);
            statement.setArray(3, connection.createArrayOf("text", names.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tables.put(rs.getLong(1), new TableState(rs.getString(2), rs.getLong(3), List.of()));
                }
            }
        }
        return tables;
    }

    @Override
    public Map<Long, TableState> sample(Connection connection, Map<Long, TableState> tables) throws SQLException {
        Map<Long, TableState> now = new HashMap<>();
        if (tables.isEmpty()) {
            return now;
        }
        try (PreparedStatement statement = connection.prepareStatement(SAMPLE)) {
            statement.setArray(1, connection.createArrayOf("int8", tables.keySet().toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    List<LockMode> locks = new ArrayList<>();
                    java.sql.Array modes = rs.getArray(4);
                    if (modes != null) {
                        Arrays.stream((Object[]) modes.getArray()).map(String::valueOf).map(LockMode::parse)
                                .flatMap(java.util.Optional::stream).forEach(locks::add);
                    }
                    now.put(rs.getLong(1), new TableState(rs.getString(2), rs.getLong(3), locks));
                }
            }
        }
        return now;
    }
}
