package dev.migrate.run;

import dev.migrate.history.AppliedRevision;
import dev.migrate.database.Database;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Section;
import dev.migrate.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a plan's statements: per revision, its statements and the journal's history write,
 * committed together when the revision is transactional. It writes no history itself: it tells
 * {@link Journal} what happened, and the run's owner records it. No catalog queries happen per
 * revision.
 */
final class PlanRunner {

    /** What the runner tells the run's owner, which records it in the history table. */
    interface Journal {

        /** A non-transactional revision is about to run its statements from {@code first} on. */
        void starting(Revision revision, Direction direction, int first, boolean resumed) throws SQLException;

        /** A non-transactional revision completed {@code done} statements. */
        void progressed(Revision revision, Direction direction, int done) throws SQLException;

        /** A non-transactional revision's statement {@code index} failed. */
        void failed(Revision revision, Direction direction, int index, String error) throws SQLException;

        /** The revision's statements all ran; in its transaction, when it has one. */
        void finished(Revision revision, Direction direction, int statements, boolean resumed, long millis)
                throws SQLException;
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

    PlanRunner(Database database, Journal journal, RunListener listener) {
        this(database, journal, listener, StatementObserver.NONE);
    }

    PlanRunner(Database database, Journal journal, RunListener listener, StatementObserver observer) {
        this(database, journal, listener, observer, false);
    }

    PlanRunner(Database database, Journal journal, RunListener listener, StatementObserver observer, boolean held) {
        this.database = database;
        this.journal = journal;
        this.listener = listener;
        this.observer = observer;
        this.held = held;
    }

    /** Runs every step of {@code plan}. */
    void run(Plan plan) throws SQLException {
        run(plan, Map.of());
    }

    /**
     * Runs every step of {@code plan}; a step with a row in {@code unfinished} (a non-transactional
     * revision that stopped halfway) resumes after the statements that row says completed.
     */
    void run(Plan plan, Map<String, AppliedRevision> unfinished) throws SQLException {
        Connection connection = database.connection();
        if (held && plan.steps().stream().anyMatch(revision -> !revision.transactional())) {
            throw new IllegalArgumentException("a held transaction runs transactional revisions only");
        }
        try (java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.setEscapeProcessing(false);
            for (Revision revision : plan.steps()) {
                runOne(connection, jdbc, revision, plan.direction(), unfinished.get(revision.id()));
            }
        } finally {
            if (!held) {
                connection.setAutoCommit(true);
            }
        }
    }

    private void runOne(Connection connection, java.sql.Statement jdbc, Revision revision, Direction direction,
            AppliedRevision unfinishedRow) throws SQLException {
        boolean transactional = revision.transactional();
        List<Statement> statements = section(revision, direction).statements();
        int first = unfinishedRow == null ? 0 : Math.min(unfinishedRow.statementsDone(), statements.size());
        if (first > 0) {
            listener.info("resuming " + revision.describe() + " at statement " + (first + 1) + " of " + statements.size()
                    + " (" + revision.file() + ":" + statements.get(Math.min(first, statements.size() - 1)).line() + ")");
        }
        if (direction == Direction.UP && statements.isEmpty() && !revision.isMerge()) {
            listener.warn(revision.describe() + " (" + revision.fileName() + ") has an empty upgrade section: it is"
                    + " recorded as applied and changes nothing");
        }
        if (!held) {
            connection.setAutoCommit(!transactional);
        }
        if (!transactional) {
            // the journal row is committed before the first statement, so a crash leaves a trace
            journal.starting(revision, direction, first, unfinishedRow != null);
        }
        long started = System.nanoTime();
        observer.starting(revision, direction, connection);
        for (int i = first; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            try {
                jdbc.execute(statement.sql());
            } catch (SQLException e) {
                if (transactional) {
                    rollbackQuietly(connection, e);
                } else {
                    journal.failed(revision, direction, i, revision.fileName() + ":" + statement.line()
                            + ": SQL state " + e.getSQLState() + ": " + e.getMessage().strip());
                }
                throw new StatementFailedException(revision, direction, statement, i, statements.size(), e,
                        aftermath(revision, statements.subList(first, i), transactional));
            }
            observer.ran(revision, direction, statement, connection);
            if (!transactional && i + 1 < statements.size()) {
                journal.progressed(revision, direction, i + 1);
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        try {
            journal.finished(revision, direction, statements.size(), unfinishedRow != null, millis);
            if (transactional && !held) {
                connection.commit();
            }
        } catch (SQLException e) {
            if (transactional) {
                rollbackQuietly(connection, e);
            }
            throw e;
        }
        listener.revisionDone(revision, direction, Duration.ofMillis(millis), transactional);
    }

    private String aftermath(Revision revision, List<Statement> ran, boolean transactional) {
        String lines = ran.stream().map(s -> String.valueOf(s.line())).collect(Collectors.joining(", "));
        if (!transactional) {
            return "The revision runs outside a transaction (transactional: false)"
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

    private static void rollbackQuietly(Connection connection, SQLException failure) {
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
