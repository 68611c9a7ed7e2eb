package dev.migrate.database.mysql;

import dev.migrate.common.Log;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.LockTimeoutException;
import dev.migrate.database.MigrationLock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A named user lock ({@code GET_LOCK}) on a connection of its own. The server releases it the moment
 * the holder's connection ends, however the holder died. The name is server-wide, so it carries
 * the database and the history table: two databases on one server migrate independently.
 */
final class MysqlLock implements MigrationLock {

    /** MySQL refuses lock names longer than 64 characters. */
    private static final int MAX_NAME = 64;
    /** How long one GET_LOCK call blocks before the wait is reported again. */
    private static final int WAIT_SECONDS = 1;
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final Connection connection;
    private final String name;

    private MysqlLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /** Takes the lock on {@code connection}, the lock's own, which the lock closes when it is released. */
    static MysqlLock acquire(Connection connection, String historyName, String what, Duration timeout, Log log) {
        try {
            String name = lockName(connection, historyName, what);
            waitFor(connection, name, timeout, log, what);
            return new MysqlLock(connection, name);
        } catch (RuntimeException | SQLException e) {
            closeQuietly(connection);
            throw e instanceof RuntimeException runtime ? runtime : new DatabaseUnavailableException(
                    "cannot take the migration lock: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the work lock on the connection that runs revisions, so that a run whose client was
     * killed while the server still executes its statement (an {@code ALTER TABLE} copying a big
     * table goes on to its end) is waited for rather than run beside.
     */
    static void holdWorkLock(Connection connection, String historyName, Duration timeout, Log log)
            throws SQLException {
        waitFor(connection, lockName(connection, historyName, "work"), timeout, log, "work");
    }

    /** {@code migrate:<kind>:<database>.<table>}, hashed when longer than the server accepts. */
    static String lockName(Connection connection, String historyName, String kind) throws SQLException {
        String qualified = historyName.contains(".") ? historyName : currentDatabase(connection) + "." + historyName;
        String name = "migrate:" + kind + ":" + qualified;
        return name.length() <= MAX_NAME ? name : "migrate:" + kind + ":" + sha256(qualified).substring(0, 40);
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT DATABASE()");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            String database = rs.getString(1);
            if (database == null) {
                throw new DatabaseUnavailableException("no database is selected: name it in migrate.url"
                        + " (jdbc:mariadb://host:3306/<database>) or in migrate.schema", null);
            }
            return database;
        }
    }

    private static void waitFor(Connection connection, String name, Duration timeout, Log log, String what)
            throws SQLException {
        connection.setAutoCommit(true);
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = 0;
        String description = "work".equals(what) ? "the end of a previous run's database session (" + name + ")"
                : "the migration lock (" + name + ")";
        try (PreparedStatement attempt = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            attempt.setString(1, name);
            while (true) {
                long left = deadline - System.nanoTime();
                attempt.setInt(2, (int) Math.max(0, Math.min(WAIT_SECONDS, Math.ceil(left / 1e9))));
                try (ResultSet rs = attempt.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        return;
                    }
                }
                long now = System.nanoTime();
                String holder = holder(connection, name);
                if (now - deadline >= 0) {
                    throw new LockTimeoutException("gave up waiting for " + description + " after "
                            + timeout.toSeconds() + " s; it is held by another migrate run: " + holder + ". Wait for"
                            + " that run to finish, stop it (KILL <connection id>), or raise migrate.lockTimeout.");
                }
                if (now - nextReport >= 0) {
                    log.info("Waiting for " + description + ", held by another migrate run: " + holder);
                    nextReport = now + REPORT_EVERY.toNanos();
                }
            }
        }
    }

    /**
     * Who holds the lock: its connection id, and from the process list (where this user may see
     * it) the user, client host and how long the connection has been in its current state.
     */
    static String holder(Connection connection, String name) throws SQLException {
        long id;
        try (PreparedStatement query = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
                if (rs.wasNull()) {
                    return "a connection that just let go";
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT user, host, command, time, state"
                + " FROM information_schema.processlist WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return "connection id " + id + " (its details need the PROCESS privilege)";
                }
                String state = rs.getString(5);
                return "connection id " + id + ", user " + rs.getString(1) + ", client " + rs.getString(2) + ", "
                        + rs.getString(3) + (state == null || state.isBlank() ? "" : " (" + state + ")") + " for "
                        + rs.getLong(4) + " s";
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            unlock.setString(1, name);
            unlock.execute();
        } catch (SQLException e) {
            // closing the connection below releases the lock all the same
        } finally {
            closeQuietly(connection);
        }
    }

    /** Closes the lock's own connection; the server releases the lock with it. */
    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the server releases what a closed connection held
        }
    }
}
