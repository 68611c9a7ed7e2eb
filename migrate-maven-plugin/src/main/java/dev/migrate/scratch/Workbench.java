package dev.migrate.scratch;

import dev.migrate.database.Database;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.Dialect;
import dev.migrate.database.HistoryLocation;
import dev.migrate.database.Identifier;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.run.UncheckedRun;
import dev.migrate.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A scratch database brought to a known state by the plugin's own upgrade, read as a snapshot:
 * "apply revisions, take a snapshot" for autogenerate and check. Brings the revisions back after a
 * rebuild. Where a schema is a database of its own (MySQL), the scratch database itself stands in
 * for the history table's schema (see {@link Dialect#scratchSchema}).
 */
public final class Workbench implements AutoCloseable {

    private final ScratchDatabase scratch;
    private final HistoryLocation history;
    private List<Revision> applied = List.of();
    private UnaryOperator<SchemaSnapshot> filter = UnaryOperator.identity();

    /**
     * A workbench on {@code scratch} whose history table lives at {@code history}; with a null
     * schema there, the connection's default schema is used.
     */
    public Workbench(ScratchDatabase scratch, HistoryLocation history) {
        this.scratch = scratch;
        this.history = history.schema() == null ? history
                : new HistoryLocation(scratch.dialect().scratchSchema(history.schema()), history.table());
    }

    /** Applies {@code leftOut} to every snapshot read from now on (objects the caller leaves out of its comparison). */
    public Workbench leaving(UnaryOperator<SchemaSnapshot> leftOut) {
        this.filter = leftOut;
        return this;
    }

    public Dialect dialect() {
        return scratch.dialect();
    }

    /** How the log names the scratch database. */
    public String description() {
        return scratch.description();
    }

    /** Upgrades {@code revisions} (in this order) in the scratch database. */
    public void upgrade(List<Revision> revisions) {
        applied = List.copyOf(revisions);
        try (Database database = open()) {
            UncheckedRun.createHistoryTable(database, history.schema(), history.table());
            if (!revisions.isEmpty()) {
                UncheckedRun.run(database, history.schema(), history.table(),
                        new Plan(Direction.UP, revisions));
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot build the revisions in " + scratch.description() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The scratch database's schema, the history table left out. */
    public SchemaSnapshot snapshot() throws SQLException {
        try (Connection connection = connection()) {
            return read(connection);
        }
    }

    /** A new connection to the scratch database, in the history table's schema; the caller closes it. */
    public Connection connection() {
        return open().connection();
    }

    /** The schema {@code connection} (to the scratch database) sees, the history table left out. */
    public SchemaSnapshot read(Connection connection) throws SQLException {
        return filter.apply(readSnapshot(connection, dialect(), history.table()));
    }

    /** A snapshot of the database {@code connection} is on, leaving out the history table {@code table}. */
    public static SchemaSnapshot readSnapshot(Connection connection, Dialect dialect, Identifier table)
            throws SQLException {
        return dialect.snapshotReader().read(connection, connection.getSchema(), dialect.fold(table));
    }

    /** Whether DDL rolls back here, so an attempt can be undone by a rollback. */
    public boolean transactional() {
        return dialect().transactionalDdl();
    }

    /** A new, empty scratch database with the revisions upgraded so far upgraded again. */
    public void rebuild() {
        scratch.rebuild();
        upgrade(applied);
    }

    /** A connection to the scratch database, in the history table's schema (created when missing). */
    public Database open() {
        Database database = scratch.connect();
        if (history.schema() != null) {
            database.useSchema(history.schema(), true);
        }
        return database;
    }

    @Override
    public void close() {
        scratch.close();
    }
}
