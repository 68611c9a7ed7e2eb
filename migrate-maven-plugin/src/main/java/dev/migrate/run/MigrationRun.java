package dev.migrate.run;

import dev.migrate.common.Redaction;
import dev.migrate.database.Database;
import dev.migrate.database.DatabaseTarget;
import dev.migrate.database.Dialect;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.Identifier;
import dev.migrate.database.MigrationLock;
import dev.migrate.graph.Plan;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.UnknownAppliedRevisionException;
import dev.migrate.history.AppliedRevision;
import dev.migrate.history.HistoryCheck;
import dev.migrate.history.Status;
import dev.migrate.revision.Revision;
import dev.migrate.run.RunChecks.Checked;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The one owner of a run against the configured database: the migration lock, reading the history
 * and holding it against the files, finishing a revision that stopped halfway, running or recording
 * the plan, and every write to the history table. Every check that can refuse a run happens before
 * the lock is taken and before anything is written.
 */
public final class MigrationRun implements AutoCloseable {

    /** Whether a run executes revisions or only records them ({@code stamp}). */
    public enum Mode { RUN, STAMP }

    /** What a run did: the plan it ran (or recorded) and where the database stands afterwards. */
    public record Result(Plan plan, Status after) {
    }

    /** A move's result, and how long it took once the revision files were read. */
    public record Timed(Result result, Duration took) {
    }

    /** Plans a run from the graph and the ids the history counts as applied. */
    public interface Planner extends BiFunction<RevisionGraph, Set<String>, Plan> {
    }

    private final DatabaseTarget target;
    private final Identifier schema;
    private final Identifier table;
    private final Duration lockTimeout;
    private final RunListener listener;
    private PlanRunner.Checkpoints checkpoints = PlanRunner.Checkpoints.NONE;
    /** The run's connection and the lock's, opening since {@link #connectingAhead}; null otherwise. */
    private Opening runConnection;
    private Opening lockConnection;

    /** A run against {@code target}, waiting up to {@code lockTimeout} for another run's migration lock. */
    public MigrationRun(DatabaseTarget target, Duration lockTimeout, RunListener listener) {
        this.target = target;
        this.schema = target.history().schema();
        this.table = target.history().table();
        this.lockTimeout = lockTimeout;
        this.listener = listener;
    }

    /**
     * Reads the revision files with {@code files}, then moves the database as
     * {@link #move(RevisionGraph, Mode, Planner, ResumeChoice, String)} does; the server starts the
     * run's sessions while the files are read ({@link #connectingAhead}), and nothing is sent to it
     * before they are read and checked.
     */
    public Timed move(Supplier<RevisionGraph> files, Mode mode, Planner planner, ResumeChoice choice, String what) {
        try (MigrationRun ahead = connectingAhead()) {
            RevisionGraph graph = files.get();
            long started = System.nanoTime();
            Result result = move(graph, mode, planner, choice, what);
            return new Timed(result, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Begins opening the connections a {@link #move} needs (the run's and the migration lock's) in
     * the background, so that the server starts their sessions while the caller reads the revision
     * files; {@link #close} closes what no move took. Not for a database that connecting creates
     * (an embedded file): a run refused before it needs the database must leave none behind.
     */
    MigrationRun connectingAhead() {
        if (!target.createsOnConnect() && runConnection == null) {
            runConnection = Opening.now(this::connect);
            lockConnection = Opening.now(this::connect);
        }
        return this;
    }

    /** Closes the connections {@link #connectingAhead} opened that no move took. */
    @Override
    public void close() {
        if (runConnection != null) {
            runConnection.close();
            lockConnection.close();
        }
    }

    /**
     * Moves the database along the plan {@code planner} makes; with {@code resume}, a
     * non-transactional revision recorded as failed first continues from its failed statement.
     */
    public Result move(RevisionGraph graph, Mode mode, Planner planner, boolean resume, String what) {
        return move(graph, mode, planner, resume ? ResumeChoice.YES : ResumeChoice.NO, what);
    }

    /**
     * Moves the database along the plan {@code planner} makes; {@code choice} says what to do with a
     * revision that stopped halfway (see {@link ResumeChoice}).
     */
    public Result move(RevisionGraph graph, Mode mode, Planner planner, ResumeChoice choice, String what) {
        boolean resume = choice.resumesFailures();
        Dialect dialect = target.product();
        if (target.createsOnConnect()) {
            // nothing exists yet, so nothing is applied: plan and check before a connection creates
            // the database, so that a refused run leaves no database file behind
            Checked offline = RunChecks.check(mode, graph, List.of(), planner, resume, dialect, 0);
            if (offline.nothingToDo()) {
                return new Result(offline.plan(), offline.status());
            }
        }
        // the lock's own connection is opened beside the run's, while the history is read (or the files,
        // when connecting ahead): a run with something to do needs both, and the server starts the two
        // sessions side by side
        Opening forLock = lockConnection != null ? lockConnection
                : target.createsOnConnect() ? Opening.later(this::connect) : Opening.now(this::connect);
        Opening forRun = runConnection;
        lockConnection = null;
        runConnection = null;
        try (Opening lockSession = forLock; Database database = forRun != null ? forRun.take() : connect()) {
            HistoryTable history = history(database, false);
            int version = database.serverMajorVersion();
            // First look without the lock and without writing anything: a run refused here (edited
            // files, several heads, transaction control, an unresolved failure) leaves the database
            // exactly as it was.
            List<AppliedRevision> previewRows = history.read();
            Checked preview = RunChecks.check(mode, graph, previewRows, planner, resume, database.dialect(),
                    version);
            if (preview.nothingToDo()) {
                return new Result(preview.plan(), preview.status());
            }
            boolean schemaUnderLock = database.dialect().createsSchemaUnderLock();
            if (!schemaUnderLock) {
                history = history(database, true);
            }
            try (MigrationLock lock = database.dialect().lock(() -> lockSession.take().connection(),
                    history.qualifiedName(), lockTimeout, listener)) {
                if (schemaUnderLock) {
                    history = history(database, true);
                }
                database.dialect().prepareWorkSession(database.connection(), history.qualifiedName(), lockTimeout, listener);
                boolean created = history.createIfMissing();
                // another run may have moved the database while this one waited: read again. A table
                // made just now, under the lock, has no rows, and when the first look found none either
                // (no table then) the checks of those same empty rows stand: nothing to check again.
                Checked locked = created && previewRows.isEmpty() ? preview : RunChecks.check(mode, graph,
                        created ? List.of() : history.read(), planner, resume, database.dialect(), version);
                for (Revision revision : locked.undoneEdits()) {
                    listener.warn("the upgrade section of applied revision " + revision.describe() + " ("
                            + revision.fileName() + ") was edited since it ran; downgrading it anyway, since its"
                            + " downgrade section is unchanged and undoes what ran (the edited upgrade runs on the"
                            + " next upgrade)");
                }
                for (Revision revision : locked.history().editedDowngrades()) {
                    listener.warn("the downgrade section of applied revision " + revision.describe() + " ("
                            + revision.fileName() + ") was edited since it ran; re-recording its checksum");
                    history.recordChecksums(revision);
                }
                Plan plan = locked.plan();
                SquashRows squashRows = new SquashRows(graph, locked.status().appliedIds());
                // one runner, so that a statement's kind is read once for the resumption and the plan
                PlanRunner runner = runner(database, history, squashRows);
                List<Revision> finished = List.of();
                if (!locked.history().unfinished().isEmpty()) {
                    Resumption resumption = new Resumption(database, history, listener, choice);
                    if (mode == Mode.STAMP) {
                        resumption.resolveByStamp(graph, locked.history().unfinished());
                    } else {
                        finished = resumption.finish(graph, locked.history().unfinished(), plan.direction(),
                                runner);
                    }
                    plan = planner.apply(graph, new Status(graph, history.read()).appliedIds());
                }
                if (!plan.isEmpty()) {
                    listener.planned(plan, what);
                    if (mode == Mode.STAMP) {
                        Stamp.record(database, history, plan, listener, squashRows);
                    } else {
                        runner.run(plan);
                    }
                }
                // a revision finished on the way counts as run, in the summary as in the database
                List<Revision> ran = new ArrayList<>(finished);
                ran.addAll(plan.steps());
                return new Result(new Plan(plan.direction(), ran), new Status(graph, history.read()));
            }
        } catch (SQLException e) {
            throw unavailable("cannot use the history table " + table, e);
        }
    }

    /** For tests: {@code checkpoints} is told each point between a statement and its journal entry. */
    MigrationRun withCheckpoints(PlanRunner.Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
        return this;
    }

    /**
     * Re-records the checksums of applied revisions whose files were edited on purpose, after
     * checking everything else is in order.
     *
     * @return the revisions whose checksums were re-recorded
     */
    public List<Revision> repair(RevisionGraph graph) {
        if (target.createsOnConnect()) {
            return List.of();
        }
        try (Database database = connect()) {
            HistoryTable history = history(database, false);
            if (!history.exists()) {
                return List.of();
            }
            try (MigrationLock lock = lock(database, history)) {
                HistoryCheck check = HistoryCheck.of(graph, history.read());
                if (!check.missingFiles().isEmpty()) {
                    throw new UnknownAppliedRevisionException(check.missingFiles());
                }
                Set<Revision> edited = new LinkedHashSet<>(check.editedUpgrades());
                edited.addAll(check.editedDowngrades());
                for (Revision revision : edited) {
                    history.recordChecksums(revision);
                    listener.info("re-recorded the checksums of " + revision.describe());
                }
                return List.copyOf(edited);
            }
        } catch (SQLException e) {
            throw unavailable("cannot repair the history table " + table, e);
        }
    }

    /** The history table's rows, read without changing anything; empty when it does not exist. */
    public List<AppliedRevision> readHistory() {
        if (target.createsOnConnect()) {
            return List.of(); // reading must not create the database
        }
        try (Database database = connect()) {
            return history(database, false).read();
        } catch (SQLException e) {
            throw unavailable("cannot read the history table " + table, e);
        }
    }

    private PlanRunner runner(Database database, HistoryTable history, SquashRows squashRows) {
        return new PlanRunner(database, new HistoryJournal(history, squashRows), listener, StatementObserver.NONE, false,
                checkpoints);
    }

    private MigrationLock lock(Database database, HistoryTable history) {
        return database.dialect().lock(() -> connect().connection(), history.qualifiedName(), lockTimeout, listener);
    }

    /**
     * A connection opened when asked for, or beforehand in the background (the migration lock's, and
     * the run's when connecting ahead), and closed unused when the run ends without it (nothing to do,
     * refused, or files that cannot be read).
     */
    private static final class Opening implements AutoCloseable {

        private final Supplier<Database> connector;
        private final CompletableFuture<Database> opening;
        private boolean taken;

        private Opening(Supplier<Database> connector, CompletableFuture<Database> opening) {
            this.connector = connector;
            this.opening = opening;
        }

        /** Opened when {@link #take} asks for it (an embedded database created by connecting to it). */
        static Opening later(Supplier<Database> connector) {
            return new Opening(connector, null);
        }

        /** Opening now, on a thread of its own (not a shared pool, where it could wait behind other work). */
        static Opening now(Supplier<Database> connector) {
            return new Opening(connector, CompletableFuture.supplyAsync(connector, task -> {
                Thread thread = new Thread(task, "migrate-connect");
                thread.setDaemon(true);
                thread.start();
            }));
        }

        /** The connection, now the taker's to close; a failure to connect is thrown as connecting would throw it. */
        Database take() {
            taken = true;
            if (opening == null) {
                return connector.get();
            }
            try {
                return opening.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }

        /** Closes the connection unless taken, once it is open, without waiting for that. */
        @Override
        public void close() {
            if (!taken && opening != null) {
                taken = true;
                opening.whenComplete((database, failure) -> {
                    if (database != null) {
                        database.close();
                    }
                });
            }
        }
    }

    private HistoryTable history(Database database, boolean createSchema) throws SQLException {
        if (schema != null) {
            database.useSchema(schema, createSchema);
        }
        return new HistoryTable(database, schema, table);
    }

    private Database connect() {
        return target.connect();
    }

    private DatabaseUnavailableException unavailable(String what, SQLException e) {
        return new DatabaseUnavailableException(what + " on " + Redaction.redactUrl(target.url()) + ": "
                + Redaction.redact(e.getMessage(), target.password()) + " (SQL state " + e.getSQLState()
                + "; check the user's rights on the schema)", e);
    }
}
