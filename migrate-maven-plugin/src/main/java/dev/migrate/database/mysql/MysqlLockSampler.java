package dev.migrate.database.mysql;

import dev.migrate.database.LockMode;
import dev.migrate.database.LockSampler;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What MySQL and MariaDB tell about a statement's effect on a table, read on the work session after
 * it. Every DDL statement commits on its own, so its metadata lock is gone when it returns: what is
 * left to see is whether it rebuilt the table (its InnoDB table id changed, {@link MysqlTableIds})
 * and whether it did so by copying the rows ({@code Handler_write} grew: {@code ALGORITHM=COPY}
 * writes every row through the handler, an in-place rebuild does not). A copy blocks writes for
 * as long as it takes and is reported as EXCLUSIVE (reads go on, as under MySQL's
 * {@code SHARED_NO_WRITE} metadata lock); an in-place rebuild lets reads and writes go on and is
 * reported as SHARE UPDATE EXCLUSIVE; an instant or in-place change without rebuild is not
 * reported. Where MariaDB's {@code metadata_lock_info} plugin is installed, the metadata locks the
 * session still holds (inside a transaction of data changes, or after {@code LOCK TABLES}) are
 * read too. Without the PROCESS privilege the table ids are hidden and rebuilds cannot be seen.
 */
final class MysqlLockSampler implements LockSampler {

    private static final String TABLES = "SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'";

    /** Every relation's name, from the database's folder alone: no table's definition is opened. */
    private static final String NAMES = "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()";

    private static final String HANDLER_WRITE = "SHOW SESSION STATUS LIKE 'Handler_write'";

    private static final String METADATA_LOCKS = "SELECT table_name, lock_mode FROM information_schema.metadata_lock_info"
            + " WHERE thread_id = CONNECTION_ID() AND table_schema = DATABASE()";

    /** Handler writes of this session when last sampled. */
    private long handlerWrites;
    private boolean metadataLocksVisible = true;

    @Override
    public boolean supported() {
        return true;
    }

    @Override
    public String heldUntil() {
        return "while the statement runs (the server commits each DDL statement on its own)";
    }

    @Override
    public Map<Long, TableState> tables(Connection connection, String historySchema, String historyTable)
            throws SQLException {
        String database = MysqlTableIds.currentDatabase(connection);
        Map<Long, TableState> tables = new HashMap<>();
        if (database == null) {
            return tables;
        }
        Map<String, Long> ids = MysqlTableIds.read(connection, database);
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(TABLES)) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!name.equals(historyTable)) { // by name alone, as the row seeder
                    long id = ids.getOrDefault(name, 0L);
                    tables.put(id != 0 ? id : byName(name), new TableState(name, id, List.of()));
                }
            }
        }
        handlerWrites = handlerWrites(connection);
        return tables;
    }

    /**
     * Only the tables named, as the default keeps them, at the cost of the names: the relations
     * are listed by name, which opens no table, and only those named are asked whether they are base
     * tables and for their ids. Asking every relation for its type opens every definition (a tenth
     * of a second at 600 relations, before each upgrade verify runs).
     */
    @Override
    public Map<Long, TableState> tables(Connection connection, String historySchema, String historyTable,
            Set<String> names) throws SQLException {
        String database = MysqlTableIds.currentDatabase(connection);
        Map<Long, TableState> tables = new HashMap<>();
        if (database == null) {
            return tables;
        }
        List<Object> named = new ArrayList<>();
        for (String[] row : MysqlQueries.rows(connection, NAMES, List.of(), 1)) {
            if (!row[0].equals(historyTable) && names.contains(row[0].toLowerCase(Locale.ROOT))) {
                named.add(row[0]);
            }
        }
        if (!named.isEmpty()) {
            Map<String, Long> ids = MysqlTableIds.read(connection, database, named.stream().map(String::valueOf).toList(),
                    List.of());
            String sql = TABLES + " AND table_name IN (" + String.join(", ", Collections.nCopies(named.size(), "?")) + ")";
            for (String[] row : MysqlQueries.rows(connection, sql, named, 1)) {
                long id = ids.getOrDefault(row[0], 0L);
                tables.put(id != 0 ? id : byName(row[0]), new TableState(row[0], id, List.of()));
            }
        }
        handlerWrites = handlerWrites(connection);
        return tables;
    }

    /** A key for a table whose id the server does not show: negative, so that it meets no InnoDB id. */
    private static long byName(String name) {
        return -1L - (name.hashCode() & 0x7fffffffL);
    }

    /**
     * Each table where it is now: by its id (a rename keeps it), else by its name (a rebuild gave it
     * a new id, which becomes its storage); absent when it is gone.
     */
    @Override
    public Map<Long, TableState> sample(Connection connection, Map<Long, TableState> tables) throws SQLException {
        Map<Long, TableState> now = new HashMap<>();
        if (tables.isEmpty()) {
            return now;
        }
        String database = MysqlTableIds.currentDatabase(connection);
        // the ids of the tables followed, wherever a rename took them, and the ids their names hold now
        Map<String, Long> ids = MysqlTableIds.read(connection, database,
                tables.values().stream().map(TableState::table).toList(),
                tables.values().stream().map(TableState::storage).filter(id -> id != 0).toList());
        Map<Long, String> names = new HashMap<>();
        ids.forEach((name, id) -> names.put(id, name));
        long writes = handlerWrites(connection);
        boolean copied = writes > handlerWrites;
        handlerWrites = writes;
        Map<String, List<LockMode>> held = metadataLocks(connection);
        for (Map.Entry<Long, TableState> entry : tables.entrySet()) {
            TableState before = entry.getValue();
            String name = names.get(before.storage());
            long storage = before.storage();
            if (name == null || before.storage() == 0) {
                name = exists(connection, before.table()) ? before.table() : null;
                storage = name == null ? 0 : ids.getOrDefault(name, 0L);
            }
            if (name == null) {
                continue;
            }
            List<LockMode> locks = new ArrayList<>(held.getOrDefault(name, List.of()));
            if (storage != before.storage() && before.storage() != 0) {
                locks.add(copied ? LockMode.EXCLUSIVE : LockMode.SHARE_UPDATE_EXCLUSIVE);
            }
            now.put(entry.getKey(), new TableState(name, storage, locks));
        }
        return now;
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (java.sql.PreparedStatement query = connection.prepareStatement(TABLES + " AND table_name = ?")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long handlerWrites(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(HANDLER_WRITE)) {
            return rs.next() ? rs.getLong(2) : 0;
        }
    }

    /** The metadata locks this session holds, by table; none where the plugin that shows them is not installed. */
    private Map<String, List<LockMode>> metadataLocks(Connection connection) {
        Map<String, List<LockMode>> locks = new HashMap<>();
        if (!metadataLocksVisible) {
            return locks;
        }
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(METADATA_LOCKS)) {
            while (rs.next()) {
                Optional<LockMode> mode = mode(rs.getString(2));
                if (mode.isPresent()) {
                    locks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(mode.get());
                }
            }
        } catch (SQLException e) {
            metadataLocksVisible = false;
        }
        return locks;
    }

    /** A metadata lock as the PostgreSQL level that blocks the same: SHARED_NO_WRITE lets reads on, and so on. */
    static Optional<LockMode> mode(String metadataLock) {
        return Optional.ofNullable(switch (metadataLock.replace("MDL_", "")) {
            case "SHARED", "SHARED_HIGH_PRIO", "SHARED_READ" -> LockMode.ACCESS_SHARE;
            case "SHARED_WRITE" -> LockMode.ROW_EXCLUSIVE;
            case "SHARED_UPGRADABLE" -> LockMode.SHARE_UPDATE_EXCLUSIVE;
            case "SHARED_READ_ONLY" -> LockMode.SHARE;
            case "SHARED_NO_WRITE" -> LockMode.EXCLUSIVE;
            case "SHARED_NO_READ_WRITE", "EXCLUSIVE" -> LockMode.ACCESS_EXCLUSIVE;
            default -> null;
        });
    }
}
