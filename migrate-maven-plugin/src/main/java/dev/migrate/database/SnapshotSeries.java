package dev.migrate.database;

import dev.migrate.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Snapshots of one database taken one after another, each compared with the one before: where the
 * database can tell what changed in between, only that is read again and the previous snapshot
 * patched; otherwise every snapshot reads the whole catalog.
 */
@FunctionalInterface
public interface SnapshotSeries {

    /**
     * The schema now. With {@code full}, or when what changed since the previous snapshot cannot
     * be told, the whole catalog is read (and a new series of changes starts there).
     *
     * @param connection the same database's connection; it runs no revisions between two calls
     */
    SchemaSnapshot next(Connection connection, boolean full) throws SQLException;

    /**
     * The revision ids the history table lists now, sorted, as of the last {@link #next}; null
     * where this series does not follow the history table, and the caller reads it.
     */
    default List<String> history(Connection connection) throws SQLException {
        return null;
    }

    /**
     * {@code sql} ran in the database since the last {@link #next}; a series that follows changes
     * by the names statements use reads what they name (the default follows nothing this way).
     */
    default void ran(String sql) {
    }

    /**
     * The next snapshots are read on {@code connection}, inside the transaction open there (see
     * {@code ScratchSession.hold}), until it ends: set up what the series sets on its own connection.
     */
    default void holding(Connection connection) throws SQLException {
    }

    /** Something ran that was not told through {@link #ran} (a statement that failed, say). */
    default void unknownChanges() {
    }
}
