package dev.migrate.database.h2;

import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.LockTimeoutException;
import dev.migrate.database.MigrationLock;
import dev.migrate.common.Log;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * H2 has no advisory locks: the lock is a row lock ({@code SELECT ... FOR UPDATE}) on a one-row
 * table, held in an open transaction on a connection of its own. A crashed holder's transaction
 * ends with its connection or process, so it can never be left behind.
 */
final class H2Lock implements MigrationLock {

    private static final int LOCK_TIMEOUT_ERROR = 50200;
    private static final int DUPLICATE_KEY_ERROR = 23505;
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final Connection connection;

    private H2Lock(Connection connection) {
        this.connection = connection;
    }

    static H2Lock acquire(Connection connection, String lockTable, Duration timeout, Log listener) {
        try {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + lockTable + " (id INT PRIMARY KEY)");
                // a plain read decides, so a held lock row never blocks this step
                statement.execute("INSERT INTO " + lockTable + " (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM "
                        + lockTable + ")");
            } catch (SQLException e) {
                if (e.getErrorCode() != DUPLICATE_KEY_ERROR) {
                    throw e;
                }
                // another run inserted the row at the same moment: just as good
            }
            connection.setAutoCommit(false);
            long deadline = System.nanoTime() + timeout.toNanos();
            long nextReport = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCK_TIMEOUT 500");
                while (true) {
                    try {
                        statement.executeQuery("SELECT id FROM " + lockTable + " WHERE id = 1 FOR UPDATE").close();
                        return new H2Lock(connection);
                    } catch (SQLException e) {
                        if (e.getErrorCode() != LOCK_TIMEOUT_ERROR) {
                            throw e;
                        }
                    }
                    long now = System.nanoTime();
                    if (now - deadline >= 0) {
                        throw new LockTimeoutException("gave up waiting for the migration lock (" + lockTable
                                + ") after " + timeout.toSeconds() + " s: another migrate run on this H2 database holds"
                                + " it. Wait for it to finish, stop it, or raise migrate.lockTimeout.");
                    }
                    if (now - nextReport >= 0) {
                        listener.info("Waiting for the migration lock (" + lockTable + "), held by another migrate run"
                                + " on this H2 database");
                        nextReport = now + REPORT_EVERY.toNanos();
                    }
                }
            }
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DatabaseUnavailableException("cannot take the migration lock (" + lockTable + "): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
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
