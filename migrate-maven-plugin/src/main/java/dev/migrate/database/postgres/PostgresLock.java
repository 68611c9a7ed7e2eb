package dev.migrate.database.postgres;

import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.LockTimeoutException;
import dev.migrate.database.MigrationLock;
import dev.migrate.common.Log;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * A session-level advisory lock, taken with {@code pg_try_advisory_lock} polled in autocommit mode
 * on a connection of its own. Polling rather than blocking keeps the waiting session out of any
 * transaction, so a non-transactional {@code CREATE INDEX CONCURRENTLY} in the running holder never
 * waits for a waiter (the classic deadlock); and PostgreSQL drops the lock the moment the holder's
 * connection dies.
 */
public final class PostgresLock implements MigrationLock {

    /** 'migr': the advisory-lock class of the run lock. */
    static final int RUN_LOCK_CLASS = 0x6D696772;
    /** 'migs': held by the connection that runs revisions, so a later run can wait for an orphan. */
    static final int WORK_LOCK_CLASS = 0x6D696773;

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final Connection connection;
    private final int key;

    private PostgresLock(Connection connection, int key) {
        this.connection = connection;
        this.key = key;
    }

    static PostgresLock acquire(Connection connection, String lockName, Duration timeout, Log listener) {
        try {
            int key = keyOf(connection, lockName);
            waitFor(connection, RUN_LOCK_CLASS, key, timeout, listener, "the migration lock of " + lockName,
                    "another migrate run");
            return new PostgresLock(connection, key);
        } catch (RuntimeException | SQLException e) {
            closeQuietly(connection);
            throw e instanceof RuntimeException runtime ? runtime : new DatabaseUnavailableException(
                    "cannot take the migration lock: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the work lock on the connection that will run revisions. If a killed run's server
     * session still works on an interrupted statement, this waits until the server has ended it.
     */
    public static void holdWorkLock(Connection connection, String lockName, Duration timeout, Log listener)
            throws SQLException {
        waitFor(connection, WORK_LOCK_CLASS, keyOf(connection, lockName), timeout, listener,
                "the end of a previous run's database session", "a previous migrate run's session (its client is gone;"
                        + " PostgreSQL ends it when its current statement notices)");
    }

    /**
     * The lock key of the history table {@code lockName} as written ({@code table} or
     * {@code schema.table}, plain identifiers): derived from the table as this database resolves the
     * name (the database, the schema the connection's search path gives an unqualified name, names
     * folded to lower case), so that every spelling of one table takes one lock. {@code connection}
     * must not have changed its search path: a new connection resolves as the run's own did before
     * it chose its schema.
     */
    static int keyOf(Connection connection, String lockName) throws SQLException {
        String[] parts = lockName.toLowerCase(Locale.ROOT).split("\\.");
        String table = parts[parts.length - 1];
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_catalog.current_database(),"
                        + " pg_catalog.current_schema()")) {
            rs.next();
            String schema = parts.length > 1 ? parts[0] : rs.getString(2);
            return keyOf(rs.getString(1), schema == null ? "" : schema, table);
        }
    }

    /** A 32-bit key from the resolved names, through SHA-256 so that similar names do not collide more. */
    static int keyOf(String database, String schema, String table) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((database + "\u0000" + schema + "\u0000" + table)
                    .getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void waitFor(Connection connection, int lockClass, int key, Duration timeout,
            Log listener, String what, String holderKind) throws SQLException {
        connection.setAutoCommit(true);
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = 0;
        try (PreparedStatement attempt = connection.prepareStatement("SELECT pg_catalog.pg_try_advisory_lock(?, ?)")) {
            attempt.setInt(1, lockClass);
            attempt.setInt(2, key);
            while (true) {
                try (ResultSet rs = attempt.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                long now = System.nanoTime();
                String holder = holder(connection, lockClass, key);
                if (now - deadline >= 0) {
                    throw new LockTimeoutException("gave up waiting for " + what + " after " + timeout.toSeconds()
                            + " s; it is held by " + holderKind + ": " + holder + ". Wait for that run to finish, stop it,"
                            + " or raise migrate.lockTimeout.");
                }
                if (now - nextReport >= 0) {
                    listener.info("Waiting for " + what + ", held by " + holderKind + ": " + holder);
                    nextReport = now + REPORT_EVERY.toNanos();
                }
                sleep();
            }
        }
    }

    /** Who holds the lock: pid, application, client address and since when, from pg_stat_activity. */
    private static String holder(Connection connection, int lockClass, int key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT a.pid, a.application_name,"
                + " pg_catalog.host(a.client_addr), a.backend_start, a.state FROM pg_catalog.pg_locks l"
                + " JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
                + " AND l.classid::bigint = ? AND l.objid::bigint = ?"
                + " AND l.database = (SELECT oid FROM pg_catalog.pg_database"
                + " WHERE datname = pg_catalog.current_database())")) {
            query.setLong(1, lockClass & 0xFFFFFFFFL);
            query.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return "a session that just let go";
                }
                String address = rs.getString(3);
                return "pid " + rs.getInt(1) + ", application '" + rs.getString(2) + "', client "
                        + (address == null ? "local socket" : address) + ", connected since " + rs.getTimestamp(4)
                        + ", " + rs.getString(5);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException("interrupted while waiting for the migration lock");
        }
    }

    @Override
    public void close() {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_catalog.pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, RUN_LOCK_CLASS);
            unlock.setInt(2, key);
            unlock.execute();
        } catch (SQLException e) {
            // closing the connection below releases the lock all the same
        } finally {
            closeQuietly(connection);
        }
    }

    /** Closes the lock's own connection; what it held (the lock, an open transaction) goes with it. */
    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the server releases what a closed connection held
        }
    }
}
