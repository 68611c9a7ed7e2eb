package dev.migrate.verify;

import dev.migrate.database.Database;
import dev.migrate.database.Identifier;
import dev.migrate.database.SnapshotSeries;
import dev.migrate.run.UncheckedRun;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.scratch.ScratchDatabase;
import dev.migrate.verify.ScratchSession.Observation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks at the scratch database for the {@link ScratchSession}: its schema and the revisions its
 * history lists. It reads on a connection of its own that never runs a revision, and only what
 * changed since the previous look where the database can tell; the whole catalog is read at the
 * start and whenever the session says the changes are unknown.
 */
final class ScratchObserver implements AutoCloseable {

    private final ScratchDatabase scratch;
    private final Identifier schema;
    private final Identifier table;
    private Database observer;
    private SnapshotSeries series;
    private boolean readAll = true;

    ScratchObserver(ScratchDatabase scratch, Identifier schema, Identifier table) {
        this.scratch = scratch;
        this.schema = schema;
        this.table = table;
    }

    /**
     * One look, on the observer's own connection, or on {@code held} (the runner's, inside a held
     * transaction, where only it sees what it did) when that is not null. A failed look closes the
     * observer; the next one opens it again and reads everything.
     */
    Observation observe(Connection held) throws SQLException {
        try {
            if (observer == null) {
                observer = ScratchSession.open(scratch, schema);
                // only a database verify made itself gets the bookkeeping an incremental snapshot needs
                series = scratch.dialect().snapshotReader().series(observer.connection().getSchema(),
                        scratch.dialect().fold(table), scratch.canRebuild());
            }
            Connection on = held != null ? held : observer.connection();
            SchemaSnapshot snapshot = series.next(on, readAll);
            readAll = false;
            List<String> history = series.history(on);
            if (history == null) {
                history = new ArrayList<>();
                // the history table exists since prepare(): read it without the metadata lookup read() makes
                try (Statement statement = on.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT revision FROM "
                                + UncheckedRun.historyTableName(schema, table) + " ORDER BY revision")) {
                    while (rows.next()) {
                        history.add(rows.getString(1).trim());
                    }
                }
            }
            return new Observation(snapshot, history);
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    /** The next look reads the whole catalog: what the looks before it saw may be undone or unknown. */
    void readAllNext() {
        readAll = true;
    }

    /** What follows the changes between looks, or null before the first look. */
    SnapshotSeries series() {
        return series;
    }

    @Override
    public void close() {
        if (observer != null) {
            observer.close();
            observer = null;
            series = null;
            readAll = true;
        }
    }
}
