package dev.migrate.run;

import dev.migrate.database.Database;
import dev.migrate.database.Identifier;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Section;
import dev.migrate.sql.Statement;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Runs a plan's statements and tells the journal what happened, so that no statement's effect and
 * its journal entry can be separated by a crash: a transactional revision commits its statements
 * with its history row; a non-transactional one commits each statement with its progress update
 * where the database lets the two share a transaction, and otherwise journals the statement as
 * started before it runs and as done after, leaving a resume to check the one in between. It writes
 * no history itself, and no catalog queries happen per revision. Where the database allows it, a
 * transactional revision's statements go in one batch ({@link #runBatch}), and where the journal
 * gives its write as text (a scratch database's), the write and the commit go in that batch too.
 */
final class PlanRunner {

    /** What the runner tells the run's owner, which records it in the history table. */
    interface Journal {

        /** A non-transactional revision is about to run its statements from {@code first} on. */
        void starting(Revision revision, Direction direction, int first, boolean resumed) throws SQLException;

        /**
         * A non-transactional revision's statement {@code index}, which cannot share a transaction
         * with its progress update, is about to run; committed before it runs.
         */
        void started(Revision revision, Direction direction, int index) throws SQLException;

        /**
         * A non-transactional revision completed {@code done} statements; in the statement's own
         * transaction, when it has one.
         */
        void progressed(Revision revision, Direction direction, int done) throws SQLException;

        /** A non-transactional revision's statement {@code index} failed. */
        void failed(Revision revision, Direction direction, int index, String error) throws SQLException;

        /**
         * The revision's statements all ran; in its transaction, when it has one. {@code rowWritten}:
         * its history row was written when it started (it runs statement by statement, or resumed).
         * {@code commit}: the transaction is to be committed after the write, which the journal may
         * do with its last write in one round trip.
         *
         * @return whether the journal committed the transaction
         */
        boolean finished(Revision revision, Direction direction, int statements, boolean rowWritten, long millis,
                boolean commit) throws SQLException;

        /**
         * The history write and commit {@link #finished} would make for a transactional revision
         * that has no row yet, as statement texts to end the batch of its statements, so that the
         * statements, the write and the commit go in one round trip; empty where the write must go
         * through {@link #finished} (the default). Once they ran, {@link #finishedInBatch} is told
         * instead of {@link #finished}.
         */
        default List<String> finishingTexts(Revision revision, Direction direction) throws SQLException {
            return List.of();
        }

        /**
         * The texts of {@link #finishingTexts} ran and committed with the revision's statements;
         * {@code rows}: the count the history write changed.
         */
        default void finishedInBatch(Revision revision, Direction direction, int rows) throws SQLException {
            throw new IllegalStateException("no finishing texts were given");
        }

        /** The schema the session goes back to after each revision (MySQL's {@code USE}), or null. */
        Identifier home();
    }

    /**
     * Points between a statement and its journal entry, named for tests that stop the run at each
     * of them the way a killed process would: by leaving without committing.
     */
    interface Checkpoints {

        Checkpoints NONE = point -> { };

        /** The run reached {@code point}; throwing here stops it as a crash would. */
        void reached(String point);
    }

    private final Database database;
    private final Journal journal;
    private final RunListener listener;
    private final StatementObserver observer;
    /**
     * Whether the caller holds the transaction the plan runs in: nothing is committed, and a
     * failed statement rolls all of it back (transactional revisions only).
     */
    private final boolean held;
    private final Checkpoints checkpoints;
    private final StatementKinds kinds;
    /** What goes after the commit of the plan's last revision, in its batch ({@link #afterLastCommit}). */
    private List<String> afterLastCommit = List.of();
    /** Whether {@link #afterLastCommit} ran, in the last {@link #run}. */
    private boolean sentAfterLastCommit;

    PlanRunner(Database database, Journal journal, RunListener listener) {
        this(database, journal, listener, StatementObserver.NONE);
    }

    PlanRunner(Database database, Journal journal, RunListener listener, StatementObserver observer) {
        this(database, journal, listener, observer, false, Checkpoints.NONE);
    }

    PlanRunner(Database database, Journal journal, RunListener listener, StatementObserver observer, boolean held,
            Checkpoints checkpoints) {
        this.database = database;
        this.journal = journal;
        this.listener = listener;
        this.observer = observer;
        this.held = held;
        this.checkpoints = checkpoints;
        this.kinds = new StatementKinds(database.dialect().syntax(), database.dialect()::batches);
    }

    /**
     * Has {@code texts} (statements that return no rows) sent after the commit of the plan's last
     * revision, in the round trip of its batch, where that revision's statements, history write and
     * commit go in one batch ({@link Journal#finishingTexts}): they run in a transaction of their own,
     * after the revision's, and whether they ran and committed is {@link #sentAfterLastCommit}. That
     * they fail leaves the revision done.
     */
    PlanRunner afterLastCommit(List<String> texts) {
        this.afterLastCommit = List.copyOf(texts);
        return this;
    }

    /** Whether the texts of {@link #afterLastCommit} ran and were committed, in the last {@link #run}. */
    boolean sentAfterLastCommit() {
        return sentAfterLastCommit;
    }

    /** What the statements this runner runs are, read once per statement. */
    StatementKinds kinds() {
        return kinds;
    }

    /** Runs every step of {@code plan}. */
    void run(Plan plan) throws SQLException {
        run(plan, Map.of());
    }

    /**
     * Runs every step of {@code plan}; a step with an entry in {@code resumeAt} (a
     * non-transactional revision that stopped halfway) continues at that statement index.
     */
    void run(Plan plan, Map<String, Integer> resumeAt) throws SQLException {
        Connection connection = database.connection();
        if (held && plan.steps().stream().anyMatch(revision -> !revision.transactional())) {
            throw new IllegalArgumentException("a held transaction runs transactional revisions only");
        }
        int version = database.serverMajorVersion();
        Identifier home = journal.home();
        sentAfterLastCommit = false;
        try (java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.setEscapeProcessing(false);
            List<Revision> steps = plan.steps();
            for (int i = 0; i < steps.size(); i++) {
                Revision revision = steps.get(i);
                runOne(connection, jdbc, revision, plan.direction(), resumeAt.get(revision.id()), version,
                        i == steps.size() - 1 ? afterLastCommit : List.of());
                comeBack(jdbc, home);
            }
        } catch (RuntimeException | Error e) {
            // leaving abnormally must not commit what is open (setAutoCommit(true) below would):
            // the same as a crash, which the journal is built to survive
            if (!held && !connection.getAutoCommit()) {
                rollbackQuietly(connection, e);
            }
            throw e;
        } finally {
            if (!held) {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Moves the session back to {@code home} when a revision moved it (MySQL's {@code USE}), so the
     * next revision starts where the run started, as each file does in the database's own client.
     * The check costs no query where the driver follows the session's schema.
     */
    private void comeBack(java.sql.Statement jdbc, Identifier home) throws SQLException {
        if (home != null && !home.equals(database.dialect().movableSchema(jdbc.getConnection()))) {
            jdbc.execute(database.dialect().setSchemaSql(home));
        }
    }

    private void runOne(Connection connection, java.sql.Statement jdbc, Revision revision, Direction direction,
            Integer resumeAt, int version, List<String> afterCommit) throws SQLException {
        List<Statement> statements = section(revision, direction).statements();
        boolean transactional = held || inOneTransaction(revision, statements, version);
        int first = resumeAt == null ? 0 : Math.min(resumeAt, statements.size());
        if (first > 0) {
            listener.info("resuming " + revision.describe() + " at statement " + (first + 1) + " of " + statements.size()
                    + " (" + revision.file() + ":" + statements.get(Math.min(first, statements.size() - 1)).line() + ")");
        }
        if (direction == Direction.UP && statements.isEmpty() && !revision.isMerge()) {
            listener.warn(revision.describe() + " (" + revision.fileName() + ") has an empty upgrade section: it is"
                    + " recorded as applied and changes nothing");
        }
        String at = revision.id() + " " + direction.name().toLowerCase(java.util.Locale.ROOT);
        if (!held) {
            connection.setAutoCommit(!transactional);
        }
        if (!transactional) {
            // the journal row is committed before the first statement, so a crash leaves a trace
            checkpoints.reached(at + ": before the journal's start");
            journal.starting(revision, direction, first, resumeAt != null);
            checkpoints.reached(at + ": after the journal's start");
        }
        long started = System.nanoTime();
        observer.starting(revision, direction, connection);
        boolean commit = transactional && !held;
        // the history write and the commit with the statements, where the journal can give them as text
        List<String> finishing = commit && resumeAt == null && batchable(statements, first)
                ? journal.finishingTexts(revision, direction) : List.of();
        if (transactional && (!finishing.isEmpty() || batched(statements, first))) {
            if (runBatch(connection, jdbc, revision, direction, statements, finishing,
                    finishing.isEmpty() ? List.of() : afterCommit, version, at)) {
                long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                listener.revisionDone(revision, direction, Duration.ofMillis(millis), revision.transactional());
                return;
            }
        } else {
            runEach(connection, jdbc, revision, direction, statements, first, transactional, version, at);
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        checkpoints.reached(at + ": before the journal's finish");
        try {
            boolean committed = journal.finished(revision, direction, statements.size(),
                    resumeAt != null || !transactional, millis, commit);
            if (transactional && !committed) {
                checkpoints.reached(at + ": after the journal's finish, before the commit");
            }
            if (commit && !committed) {
                connection.commit();
            }
        } catch (SQLException e) {
            if (transactional) {
                rollbackQuietly(connection, e);
            }
            throw e;
        }
        checkpoints.reached(at + ": after the journal's finish");
        listener.revisionDone(revision, direction, Duration.ofMillis(millis), revision.transactional());
    }

    /**
     * Runs the statements from {@code first} on one by one: in the revision's transaction, or each
     * with its journal entry (in its own transaction where the database lets the two share one).
     */
    private void runEach(Connection connection, java.sql.Statement jdbc, Revision revision, Direction direction,
            List<Statement> statements, int first, boolean transactional, int version, String at)
            throws SQLException {
        for (int i = first; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            String point = at + ": statement " + (i + 1);
            if (transactional) {
                checkpoints.reached(point + ", before it");
                execute(connection, jdbc, revision, direction, statements, first, i, true, false);
                checkpoints.reached(point + ", after it");
            } else if (database.dialect().sharesTransaction(statement, kinds.of(statement), version)) {
                connection.setAutoCommit(false);
                checkpoints.reached(point + ", before it (shared transaction)");
                execute(connection, jdbc, revision, direction, statements, first, i, false, true);
                checkpoints.reached(point + ", after it, before its journal entry");
                journal.progressed(revision, direction, i + 1);
                checkpoints.reached(point + ", after its journal entry, before the commit");
                connection.commit();
                connection.setAutoCommit(true);
                checkpoints.reached(point + ", after the commit");
            } else {
                checkpoints.reached(point + ", before its journal entry 'started'");
                journal.started(revision, direction, i);
                checkpoints.reached(point + ", after its journal entry 'started', before it");
                execute(connection, jdbc, revision, direction, statements, first, i, false, false);
                checkpoints.reached(point + ", after it, before its journal entry 'done'");
                journal.progressed(revision, direction, i + 1);
                checkpoints.reached(point + ", after its journal entry 'done'");
            }
        }
    }

    /**
     * Whether a transactional revision's statements go to the database in one batch: where the
     * database rolls a failed batch back whole and each statement does in the batch what it does
     * alone (no statement returns rows, which a driver may cut short), in a run that owns its
     * transactions, looks at nothing between statements (an observer that only notes what ran is
     * told after the batch), and has more than one statement to send.
     */
    private boolean batched(List<Statement> statements, int first) {
        return batchable(statements, first) && statements.size() > 1;
    }

    /** {@link #batched} but for the count: one statement goes in a batch when the history write goes with it. */
    private boolean batchable(List<Statement> statements, int first) {
        return !held && (observer == StatementObserver.NONE || !observer.betweenStatements()) && first == 0
                && !statements.isEmpty() && statements.stream().allMatch(kinds::batches);
    }

    /**
     * Sends a transactional revision's statements in one batch (one round trip with PgJDBC). When
     * the batch fails, its transaction is rolled back, which leaves the database as it was before
     * the revision. Where the driver names the statement that failed, the failure names its
     * statement, file and line and ends the run exactly as a run statement by statement would,
     * without running anything again; otherwise the statements run again one by one in a new
     * transaction to find it. (Only then does something a rollback does not undo, such as a
     * sequence value, happen twice, and a failure that does not come back, such as a deadlock,
     * leaves the revision applied by that second run.) With {@code finishing} (the journal's
     * {@link Journal#finishingTexts}), the history write and the commit end the batch, and the
     * revision is done in that one round trip: answers true. A failed write or commit is not named
     * by the driver as a statement of the revision: the statements then run again one by one and the
     * journal is told as without the texts, where the failure comes back as it would have come;
     * answers false then, and where there were no texts. {@code afterCommit} (with {@code finishing}
     * only) follows the commit ({@link #afterLastCommit}); where one of those fails, the revision is
     * done all the same.
     */
    private boolean runBatch(Connection connection, java.sql.Statement jdbc, Revision revision, Direction direction,
            List<Statement> statements, List<String> finishing, List<String> afterCommit, int version, String at)
            throws SQLException {
        String point = at + ": statements 1-" + statements.size() + " in one batch"
                + (finishing.isEmpty() ? "" : " with the journal's finish and the commit");
        checkpoints.reached(point + ", before it");
        int[] counts;
        try {
            for (Statement statement : statements) {
                jdbc.addBatch(statement.sql());
            }
            for (String text : finishing) {
                jdbc.addBatch(text);
            }
            for (String text : afterCommit) {
                jdbc.addBatch(text);
            }
            counts = jdbc.executeBatch();
        } catch (SQLException e) {
            jdbc.clearBatch();
            if (!afterCommit.isEmpty() && committedBefore(e, revision, statements, finishing, afterCommit)) {
                // what failed came after the commit, in a transaction of its own: the revision is done
                return batchDone(connection, revision, direction, statements, java.sql.Statement.SUCCESS_NO_INFO,
                        point);
            }
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
                throw e;
            }
            checkpoints.reached(point + ", failed and rolled back");
            OptionalInt failed = e instanceof BatchUpdateException batch
                    ? database.dialect().failedBatchStatement(batch, statements) : OptionalInt.empty();
            if (failed.isPresent()) {
                int i = failed.getAsInt();
                throw new StatementFailedException(revision, direction, statements.get(i), i, statements.size(),
                        e.getNextException(), aftermath(revision, statements.subList(0, i), true));
            }
            // a failed history write or commit, too: run again as without it, where it fails as it did
            runEach(connection, jdbc, revision, direction, statements, 0, true, version, at);
            return false;
        }
        if (finishing.isEmpty()) {
            batchDone(connection, revision, direction, statements, null, point);
            return false;
        }
        sentAfterLastCommit = !afterCommit.isEmpty();
        return batchDone(connection, revision, direction, statements, counts[statements.size()], point);
    }

    /**
     * The batch ran its statements: the observer is told of each and, where the history write went
     * with them ({@code written}: the count it changed), the journal of the write. Answers whether it went.
     */
    private boolean batchDone(Connection connection, Revision revision, Direction direction,
            List<Statement> statements, Integer written, String point) throws SQLException {
        for (Statement statement : statements) {
            observer.ran(revision, direction, statement, connection);
        }
        checkpoints.reached(point + ", after it");
        if (written == null) {
            return false;
        }
        journal.finishedInBatch(revision, direction, written);
        return true;
    }

    /**
     * Whether the batch that failed with {@code failure} had committed the revision: the entry that
     * failed is one of {@code afterCommit}. Where the driver does not say which entry failed, nobody
     * can tell whether the revision is done: the run stops, saying so.
     */
    private boolean committedBefore(SQLException failure, Revision revision, List<Statement> statements,
            List<String> finishing, List<String> afterCommit) throws SQLException {
        List<Statement> entries = new java.util.ArrayList<>(statements);
        java.util.stream.Stream.concat(finishing.stream(), afterCommit.stream())
                .forEach(text -> entries.add(new Statement(text, 0)));
        OptionalInt failed = failure instanceof BatchUpdateException batch
                ? database.dialect().failedBatchStatement(batch, entries) : OptionalInt.empty();
        if (failed.isEmpty()) {
            SQLException unknown = new SQLException("cannot tell whether " + revision.describe() + " was committed:"
                    + " its batch failed and the driver does not say where: " + failure.getMessage(),
                    failure.getSQLState(), failure);
            rollbackQuietly(database.connection(), unknown);
            throw unknown;
        }
        return failed.getAsInt() >= statements.size() + finishing.size();
    }

    /**
     * Runs statement {@code i}; when it fails, undoes what its transaction holds (the revision's,
     * or the statement's own when {@code ownTransaction}) and records the failure of a
     * non-transactional revision in the journal.
     */
    private void execute(Connection connection, java.sql.Statement jdbc, Revision revision, Direction direction,
            List<Statement> statements, int first, int i, boolean transactional, boolean ownTransaction)
            throws SQLException {
        Statement statement = statements.get(i);
        try {
            jdbc.execute(statement.sql());
        } catch (SQLException e) {
            if (transactional || ownTransaction) {
                rollbackQuietly(connection, e);
            }
            if (!transactional) {
                connection.setAutoCommit(true);
                journal.failed(revision, direction, i, revision.fileName() + ":" + statement.line()
                        + ": SQL state " + e.getSQLState() + ": " + e.getMessage().strip());
            }
            throw new StatementFailedException(revision, direction, statement, i, statements.size(), e,
                    aftermath(revision, statements.subList(first, i), transactional));
        }
        observer.ran(revision, direction, statement, connection);
    }

    /**
     * Whether the revision runs in one transaction with its history row: a transactional revision,
     * unless the database commits one of its statements on its own (DDL where DDL is not
     * transactional), which would commit the statements before it without their journal entry. Such
     * a revision runs statement by statement, journaled as a non-transactional one.
     */
    private boolean inOneTransaction(Revision revision, List<Statement> statements, int version) {
        if (!revision.transactional()) {
            return false;
        }
        return database.dialect().transactionalDdl()
                || statements.stream().allMatch(statement -> database.dialect().sharesTransaction(statement, kinds.of(statement), version));
    }

    private String aftermath(Revision revision, List<Statement> ran, boolean transactional) {
        String lines = ran.stream().map(s -> String.valueOf(s.line())).collect(Collectors.joining(", "));
        if (!transactional) {
            return (revision.transactional() ? "The revision ran statement by statement, each recorded as it completed,"
                    + " because " + database.dialect().displayName() + " commits DDL statements on its own"
                    : "The revision runs outside a transaction (transactional: false)")
                    + (ran.isEmpty() ? "" : ": the statements before it (lines " + lines + ") stayed applied")
                    + ". It is recorded as failed in the history table, and runs are refused until you resolve it:"
                    + " fix the cause and resume from this statement with -Dmigrate.resume=true, or repair the"
                    + " database by hand and record where it stands with migrate:stamp.";
        }
        if (database.dialect().transactionalDdl() || ran.isEmpty()) {
            return "The revision's transaction was rolled back, so nothing of it remains and it is not recorded;"
                    + " revisions before it stay applied. Fix the statement and run again.";
        }
        return database.dialect().displayName() + " commits DDL statements implicitly: the statements before it in"
                + " this revision (lines " + lines + ") may have been left applied, although the revision is not"
                + " recorded. Undo them by hand (or make them safe to repeat), fix the statement and run again.";
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static Section section(Revision revision, Direction direction) {
        return direction == Direction.UP ? revision.upgrade() : revision.downgrade();
    }
}
