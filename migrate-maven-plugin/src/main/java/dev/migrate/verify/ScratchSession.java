package dev.migrate.verify;

import dev.migrate.database.HistoryLocation;
import dev.migrate.scratch.ScratchDatabase;
import dev.migrate.database.SnapshotSeries;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.database.Database;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.run.UncheckedRun;
import dev.migrate.database.Identifier;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.run.StatementObserver;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs plans in the scratch database, holds transactions around them where it can, and asks its
 * {@link ScratchObserver} to look. Plans run on a connection whose session is reset before each
 * plan (or right after the previous plan's last commit, in its round trip, where it can go there; or
 * on a new connection, where the database cannot reset one), so that nothing a revision
 * leaves in its session (temporary tables, settings) can make a check pass. The observer reads the
 * whole catalog at the start, after a plan of several revisions (the full cycle), after a rolled
 * back transaction and after a rebuild.
 */
final class ScratchSession implements AutoCloseable {

    /** What one look at the scratch database saw: its schema and the revisions its history lists. */
    record Observation(SchemaSnapshot snapshot, List<String> history) {
        Observation {
            // a history the series follows is immutable already, and compares by what changed: kept as it is
            history = history instanceof dev.migrate.database.HistoryIds ? history : List.copyOf(history);
        }
    }

    private final ScratchDatabase scratch;
    private final Identifier schema;
    private final Identifier table;
    /** Reads the catalog and the history table, nothing else. */
    private final ScratchObserver observer;
    /** Runs the plans; its session is reset before each. */
    private Database runner;
    /** Whether a transaction is held open on the runner (see {@link #hold}). */
    private boolean held;
    /** Whether the database was rebuilt once: from then on transactions are held (see {@link #hold}). */
    private boolean rebuilt;
    /**
     * Whether the runner's session is as a reset left it: only verify's own work ran on it since
     * (reading and seeding rows, which leave nothing in a session), so it needs no reset again.
     */
    private boolean clean;

    ScratchSession(ScratchDatabase scratch, Identifier schema, Identifier table) {
        this.scratch = scratch;
        this.schema = schema == null ? null : scratch.dialect().scratchSchema(schema);
        this.table = table;
        this.observer = new ScratchObserver(scratch, this.schema, table);
    }

    ScratchDatabase scratch() {
        return scratch;
    }

    /** Creates the schema (when one is configured) and the history table, as upgrade would. */
    void prepare() {
        try {
            UncheckedRun.createHistoryTable(runner(), schema, table);
        } catch (SQLException e) {
            throw failed("cannot create the history table", e);
        }
    }

    Observation observe() {
        try {
            // inside a held transaction only the runner's own connection sees what it did
            return observer.observe(held ? runner.connection() : null);
        } catch (SQLException e) {
            throw failed("cannot read the schema", e);
        }
    }

    /**
     * From here on, plans run in one transaction held open on the runner, observed from inside it,
     * until {@link #release}: a downgrade and re-upgrade that went wrong are then rolled back, and
     * the database is as after the upgrade again without being rebuilt. Only where DDL is
     * transactional, for a transactional revision, after a first observation; false where not,
     * and plans commit as before. Only once the database had to be rebuilt, too: a history with
     * one broken downgrade tends to have more, and a rebuild costs a hundred times what holding
     * costs (the observation queries are planned again in each held transaction, about 4 ms a
     * revision), which a history whose downgrades are right would pay for nothing.
     */
    boolean hold(Revision revision) {
        SnapshotSeries series = observer.series();
        if (!rebuilt || held || series == null || !revision.transactional() || !scratch.dialect().transactionalDdl()) {
            return false;
        }
        Database database = runner();
        clean = false;
        try {
            database.connection().setAutoCommit(false);
            series.holding(database.connection());
        } catch (SQLException e) {
            throw failed("cannot open a transaction", e);
        }
        held = true;
        return true;
    }

    /** Whether plans run in a transaction {@link #hold} opened. */
    boolean holding() {
        return held;
    }

    /**
     * Ends the transaction {@link #hold} opened: commits it when {@code keep}, else rolls it back
     * (the database is then as when it was opened, and the next observation reads everything,
     * since the snapshots in between saw what is undone). Nothing when no transaction is held.
     */
    void release(boolean keep) {
        if (!held) {
            return;
        }
        held = false;
        Connection connection = runner.connection();
        try {
            if (keep) {
                connection.commit();
            } else {
                connection.rollback();
                observer.readAllNext();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw failed(keep ? "cannot commit" : "cannot roll back", e);
        }
    }

    /**
     * Runs {@code revisions} in {@code direction} as one plan and returns its milliseconds.
     *
     * @throws dev.migrate.run.StatementFailedException when a statement fails
     */
    long run(Direction direction, List<Revision> revisions) {
        return run(direction, revisions, StatementObserver.NONE);
    }

    /** Work that reads or writes the scratch database outside a plan (seeding rows, comparing them). */
    interface Work {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on the connection that runs plans, in a freshly reset session, so it costs
     * no connection of its own; what it writes must be committed when it returns.
     */
    void use(String what, Work work) {
        try {
            // inside a held transaction, as it stands (a reset would end it); work whose statements may
            // fail on purpose guards them itself (a failed statement aborts the transaction)
            work.run(held ? runner.connection() : runner().connection());
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /** As {@link #run(Direction, List)}, telling {@code statements} about each statement. */
    long run(Direction direction, List<Revision> revisions, StatementObserver statements) {
        long started = System.nanoTime();
        if (revisions.size() > 1) {
            observer.readAllNext();
        }
        SnapshotSeries watching = observer.series();
        StatementObserver told = told(watching, statements);
        boolean done = false;
        try {
            if (held) {
                // what a plan before it left in the session goes, as far as it can inside the transaction
                scratch.dialect().resetSessionInTransaction(runner.connection());
                if (schema != null) {
                    runner.useSchema(schema, true);
                }
                UncheckedRun.runHeld(runner, schema, table, new Plan(direction, revisions), told);
                // the reset took the observer's settings for this transaction with it
                watching.holding(runner.connection());
            } else {
                Database database = runner();
                clean = false;
                // the reset the next use would make goes with the plan's last commit, where it can: the
                // session is then as a reset leaves it (where a schema is configured, the reset takes it too)
                clean = UncheckedRun.run(database, schema, table, new Plan(direction, revisions), told,
                        schema == null ? scratch.dialect().resetTexts() : List.of());
            }
            done = true;
        } catch (SQLException e) {
            throw failed("cannot write the history table", e);
        } finally {
            if (!done && watching != null) {
                watching.unknownChanges();
            }
            if (!done && held) {
                // a failed statement rolled the held transaction back: the database is as when it was opened
                held = false;
                observer.readAllNext();
                try {
                    runner.connection().setAutoCommit(true);
                } catch (SQLException e) {
                    // the next plan opens a new connection
                }
            }
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** {@code statements}, and the series told of each statement that ran (it follows changes by what ran). */
    private static StatementObserver told(SnapshotSeries watching,
            StatementObserver statements) {
        return watching == null ? statements
                : new StatementObserver() {
                    @Override
                    public void starting(Revision revision, Direction way, Connection connection)
                            throws SQLException {
                        statements.starting(revision, way, connection);
                    }

                    @Override
                    public void ran(Revision revision, Direction way, dev.migrate.sql.Statement statement,
                            Connection connection) throws SQLException {
                        watching.ran(statement.sql());
                        statements.ran(revision, way, statement, connection);
                    }

                    @Override
                    public boolean betweenStatements() {
                        // the series only notes what ran: with nothing else watching, a revision goes in one batch
                        return statements != StatementObserver.NONE && statements.betweenStatements();
                    }
                };
    }

    /** At most how many revisions {@link #runSharing} commits together. */
    private static final int SHARED = 100;

    /**
     * As {@link #run(Direction, List)}, but runs of consecutive transactional revisions that
     * {@code mayShare} are committed together, up to {@link #SHARED} at a time, where DDL is
     * transactional. PostgreSQL writes its log through to the disk at the commit of every
     * transaction that dropped a table, whatever {@code synchronous_commit} says: a downgrade to base
     * committed revision by revision waits for the disk once a revision. A group whose shared
     * transaction fails (a statement, or the commit) is rolled back, which leaves the database as
     * before it, and runs again as {@link #run(Direction, List)} runs it, each revision committing
     * alone: a failure is found and reported as it was, and one that came only from sharing a
     * transaction does not come back.
     *
     * @throws dev.migrate.run.StatementFailedException when a statement fails, as {@link #run(Direction, List)}
     */
    long runSharing(Direction direction, List<Revision> revisions, Predicate<Revision> mayShare) {
        if (held || !scratch.dialect().transactionalDdl() || revisions.size() < 2) {
            return run(direction, revisions);
        }
        long started = System.nanoTime();
        List<Revision> alone = new ArrayList<>();
        int i = 0;
        while (i < revisions.size()) {
            int end = i;
            while (end < revisions.size() && end - i < SHARED && revisions.get(end).transactional()
                    && mayShare.test(revisions.get(end))) {
                end++;
            }
            if (end - i < 2) {
                alone.add(revisions.get(i));
                i++;
                continue;
            }
            if (!alone.isEmpty()) {
                run(direction, alone);
                alone = new ArrayList<>();
            }
            List<Revision> group = revisions.subList(i, end);
            if (!shared(direction, group)) {
                run(direction, group);
            }
            i = end;
        }
        if (!alone.isEmpty()) {
            run(direction, alone);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Runs {@code group} in one transaction and commits it; false, with everything rolled back, when that failed. */
    private boolean shared(Direction direction, List<Revision> group) {
        observer.readAllNext();
        SnapshotSeries watching = observer.series();
        Database database = runner();
        clean = false;
        Connection connection = database.connection();
        boolean committed = false;
        try {
            connection.setAutoCommit(false);
            UncheckedRun.runHeld(database, schema, table, new Plan(direction, group), told(watching,
                    StatementObserver.NONE));
            connection.commit();
            committed = true;
        } catch (SQLException | dev.migrate.run.StatementFailedException e) {
            // run again revision by revision, below
        } finally {
            if (!committed) {
                try {
                    connection.rollback();
                } catch (SQLException e) {
                    // the next plan resets the session, or opens a new connection
                }
                if (watching != null) {
                    watching.unknownChanges();
                }
                observer.readAllNext();
            }
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // as above
            }
        }
        return committed;
    }

    /** The history table's schema and name as the catalog stores them (the schema is the connection's current one). */
    HistoryLocation.Stored historyLocation() {
        String[] current = new String[1];
        use("cannot read the current schema", connection -> current[0] = connection.getSchema());
        return new HistoryLocation(null, table).stored(scratch.dialect(), current[0]);
    }

    /** A new, empty scratch database with {@code applied} upgraded in it. */
    void rebuild(List<Revision> applied) {
        held = false;
        rebuilt = true;
        close();
        observer.readAllNext();
        scratch.rebuild();
        prepare();
        if (!applied.isEmpty()) {
            run(Direction.UP, applied);
        }
    }

    @Override
    public void close() {
        observer.close();
        if (runner != null) {
            runner.close();
            runner = null;
        }
    }

    /** The runner, its session as a new connection's. */
    private Database runner() {
        if (runner != null && clean) {
            return runner;
        }
        if (runner != null) {
            try {
                if (scratch.dialect().resetSession(runner.connection())) {
                    if (schema != null) {
                        runner.useSchema(schema, true);
                    }
                    clean = true;
                    return runner;
                }
            } catch (SQLException e) {
                // a revision may have ended its own session: a new connection replaces it
            }
            runner.close();
        }
        runner = open(scratch, schema);
        clean = true;
        return runner;
    }

    /** A new connection to {@code scratch}, in {@code schema} when one is configured. */
    static Database open(ScratchDatabase scratch, Identifier schema) {
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
