package dev.migrate.database;

import dev.migrate.schema.DbObject;
import dev.migrate.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Snapshots that read the whole catalog each time (where no change log exists), handed out as the
 * previous snapshot patched with what differs: neighbouring snapshots then share their full maps,
 * and comparing them costs what changed.
 */
public final class FullReadSeries implements SnapshotSeries {

    /** Reads one whole snapshot through a connection. */
    @FunctionalInterface
    public interface Read {
        SchemaSnapshot read(Connection connection) throws SQLException;
    }

    private final Read reader;
    private SchemaSnapshot current;

    public FullReadSeries(Read reader) {
        this.reader = reader;
    }

    @Override
    public SchemaSnapshot next(Connection connection, boolean full) throws SQLException {
        SchemaSnapshot now = reader.read(connection);
        if (full || current == null) {
            current = now;
            return now;
        }
        Map<DbObject, String> objectChanges = new HashMap<>();
        now.forEachObject((object, definition) -> {
            if (!definition.equals(current.definition(object))) {
                objectChanges.put(object, definition);
            }
        });
        current.forEachObject((object, definition) -> {
            if (now.definition(object) == null) {
                objectChanges.put(object, null);
            }
        });
        Map<DbObject, List<String>> orderChanges = new HashMap<>();
        now.forEachColumnOrder((table, columns) -> {
            if (!columns.equals(current.columnsOf(table))) {
                orderChanges.put(table, columns);
            }
        });
        current.forEachColumnOrder((table, columns) -> {
            if (now.columnsOf(table) == null) {
                orderChanges.put(table, null);
            }
        });
        if (!objectChanges.isEmpty() || !orderChanges.isEmpty()) {
            current = current.patched(objectChanges, orderChanges);
        }
        return Objects.requireNonNull(current);
    }
}
