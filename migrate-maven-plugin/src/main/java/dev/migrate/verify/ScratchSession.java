package dev.migrate.verify;

import dev.migrate.database.SnapshotReader;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.database.Database;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.run.MigrationRun;
import dev.migrate.database.Identifier;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs plans in the scratch database and observes it, each plan on a connection of its own, so
 * that nothing a revision leaves in its session (temporary tables, settings) can make a check
 * pass. A plan runs on the connection that made the observation before it (which has only read
 * the catalog), and each observation opens a new one: one connection per phase.
 */
final class ScratchSession implements AutoCloseable {

    /** What one look at the scratch database saw: its schema and the revisions its history lists. */
    record Observation(SchemaSnapshot snapshot, List<String> history) {
        Observation {
            history = List.copyOf(history);
        }
    }

    private final ScratchDatabase scratch;
    private final Identifier schema;
    private final Identifier table;
    private final SnapshotReader reader;
    /** The connection of the last observation, which the next plan runs on; null when used. */
    private Database idle;

    ScratchSession(ScratchDatabase scratch, Identifier schema, Identifier table) {
        this.scratch = scratch;
        this.schema = schema;
        this.table = table;
        this.reader = scratch.dialect().snapshotReader();
    }

    ScratchDatabase scratch() {
        return scratch;
    }

    /** Creates the schema (when one is configured) and the history table, as upgrade would. */
    void prepare() {
        try (Database database = open()) {
            MigrationRun.createHistoryTable(database, schema, table);
        } catch (SQLException e) {
            throw failed("cannot create the history table", e);
        }
    }

    Observation observe() {
        close();
        Database database = open();
        try {
            String currentSchema = database.connection().getSchema();
            String folded = scratch.dialect().fold(table);
            SchemaSnapshot snapshot = reader.read(database.connection(), currentSchema, folded);
            // the history table exists since prepare(): read it without the metadata lookup read() makes
            List<String> history = new ArrayList<>();
            try (Statement statement = database.connection().createStatement();
                    ResultSet rows = statement.executeQuery("SELECT revision FROM "
                            + MigrationRun.historyTableName(schema, table) + " ORDER BY revision")) {
                while (rows.next()) {
                    history.add(rows.getString(1).trim());
                }
            }
            idle = database;
            return new Observation(snapshot, history);
        } catch (SQLException e) {
            database.close();
            throw failed("cannot read the schema", e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Runs {@code revisions} in {@code direction} as one plan and returns its milliseconds.
     *
     * @throws dev.migrate.run.StatementFailedException when a statement fails
     */
    long run(Direction direction, List<Revision> revisions) {
        long started = System.nanoTime();
        Database fresh = idle != null ? idle : open();
        idle = null;
        try (Database database = fresh) {
            MigrationRun.runUnchecked(database, schema, table, new Plan(direction, revisions));
        } catch (SQLException e) {
            throw failed("cannot write the history table", e);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Work that reads or writes the scratch database outside a plan (seeding rows, comparing them). */
    interface Work {
        void run(java.sql.Connection connection) throws SQLException;
    }

    /** Runs {@code work} on the connection the next plan will use, so it costs no connection of its own. */
    void use(String what, Work work) {
        if (idle == null) {
            idle = open();
        }
        try {
            work.run(idle.connection());
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /** As {@link #run(Direction, List)}, telling {@code observer} about each statement. */
    long run(Direction direction, List<Revision> revisions, dev.migrate.run.StatementObserver observer) {
        long started = System.nanoTime();
        Database fresh = idle != null ? idle : open();
        idle = null;
        try (Database database = fresh) {
            MigrationRun.runUnchecked(database, schema, table, new Plan(direction, revisions), observer);
        } catch (SQLException e) {
            throw failed("cannot write the history table", e);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The history table's schema and name as the catalog stores them (the schema is the connection's current one). */
    String[] historyLocation() {
        String[] location = new String[2];
        use("cannot read the current schema", connection -> location[0] = connection.getSchema());
        location[1] = scratch.dialect().fold(table);
        return location;
    }

    /** A new, empty scratch database with {@code applied} upgraded in it. */
    void rebuild(List<Revision> applied) {
        close();
        scratch.rebuild();
        prepare();
        if (!applied.isEmpty()) {
            run(Direction.UP, applied);
        }
    }

    @Override
    public void close() {
        if (idle != null) {
            idle.close();
            idle = null;
        }
    }

    private Database open() {
        Database database = scratch.connect();
        if (schema != null) {
            database.useSchema(schema, true);
        }
        return database;
    }

    private DatabaseUnavailableException failed(String what, SQLException e) {
        return new DatabaseUnavailableException("migrate:verify " + what + " in its scratch database ("
                + scratch.description() + "): " + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
    }
}
