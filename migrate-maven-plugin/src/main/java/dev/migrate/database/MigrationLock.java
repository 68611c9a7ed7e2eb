package dev.migrate.database;

import dev.migrate.run.HistoryTable;
import dev.migrate.MigrationListener;
import java.time.Duration;

/**
 * One migrating run at a time per history table. Held on a connection of its own, never the one
 * running revisions, and released by the database itself when the holder's connection dies.
 */
public interface MigrationLock extends AutoCloseable {

    /**
     * Waits for the lock of {@code history}'s table, up to {@code timeout}, logging who holds it.
     *
     * @param connector opens a new connection to the same database
     * @throws LockTimeoutException when the lock is still held after {@code timeout}
     */
    static MigrationLock acquire(java.util.function.Supplier<Database> connector, HistoryTable history,
            Duration timeout, MigrationListener listener) {
        return switch (history.database().dialect()) {
            case POSTGRESQL -> PostgresLock.acquire(connector.get(), history.qualifiedName(), timeout, listener);
            case H2 -> H2Lock.acquire(connector.get(), history.qualifiedName() + "_lock", timeout, listener);
            case OTHER -> {
                listener.warn("No migration lock on this database: make sure only one migrate run moves it at a time");
                yield () -> { };
            }
        };
    }

    @Override
    void close();
}
