package dev.migrate.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Reads, on the session that runs a revision and inside its transaction, which table locks it holds
 * and whether a table's storage was replaced (a rewrite). One per database
 * ({@link Dialect#lockSampler()}); databases without a lock view have {@link #UNSUPPORTED}.
 */
public interface LockSampler {

    /** The storage identity of a table (PostgreSQL's relfilenode) and the locks this session holds on it. */
    record TableState(String table, long storage, List<LockMode> locks) {
        public TableState {
            locks = List.copyOf(locks);
        }
    }

    /** For databases the plugin cannot ask about locks. */
    LockSampler UNSUPPORTED = new LockSampler() {
        @Override
        public boolean supported() {
            return false;
        }

        @Override
        public Map<Long, TableState> tables(Connection connection, String historySchema, String historyTable) {
            return Map.of();
        }

        @Override
        public Map<Long, TableState> sample(Connection connection, Map<Long, TableState> tables) {
            return Map.of();
        }
    };

    boolean supported();

    /**
     * How long a lock a statement takes is held, for messages: until the revision commits where DDL
     * is transactional; a database whose DDL commits on its own says so.
     */
    default String heldUntil() {
        return "until the revision commits";
    }

    /**
     * Extensions that bring no table of their own: with only these installed, the tables a schema
     * snapshot shows (which leaves an extension's objects to the extension) are every table there is.
     */
    default java.util.Set<String> extensionsWithoutTables() {
        return java.util.Set.of();
    }

    /** The user's tables now (not the history table), by their catalog id. */
    Map<Long, TableState> tables(Connection connection, String historySchema, String historyTable) throws SQLException;

    /**
     * The user's tables now whose name, in lower case, is one of {@code names}, in any schema. The
     * default lists them all and keeps those; a catalog that can look them up reads only them.
     */
    default Map<Long, TableState> tables(Connection connection, String historySchema, String historyTable,
            java.util.Set<String> names) throws SQLException {
        Map<Long, TableState> all = new java.util.HashMap<>(tables(connection, historySchema, historyTable));
        all.values().removeIf(state -> !names.contains(
                state.table().substring(state.table().indexOf('.') + 1).toLowerCase(java.util.Locale.ROOT)));
        return all;
    }

    /** The state of {@code tables} as this session sees it now, by catalog id; a dropped table is absent. */
    Map<Long, TableState> sample(Connection connection, Map<Long, TableState> tables) throws SQLException;
}
