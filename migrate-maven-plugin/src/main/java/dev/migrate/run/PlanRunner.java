package dev.migrate.run;

import dev.migrate.database.Database;
import dev.migrate.history.AppliedRevision;
import dev.migrate.history.RowState;
import dev.migrate.MigrationListener;
import dev.migrate.common.Problem;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Section;
import dev.migrate.sql.Statement;
import dev.migrate.sql.StatementSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a plan: per revision, its statements and one history write, committed together when the
 * revision is transactional. No catalog queries happen per revision.
 */
public final class PlanRunner {

    private final Database database;
    private final HistoryTable history;
    private final MigrationListener listener;

    public PlanRunner(Database database, HistoryTable history, MigrationListener listener) {
        this.database = database;
        this.history = history;
        this.listener = listener;
    }

    /**
     * Refuses, before anything runs, transactional revisions that contain their own transaction
     * control.
     */
    public static void checkTransactionControl(Plan plan) {
        List<Problem> problems = new ArrayList<>();
        for (Revision revision : plan.steps()) {
            if (!revision.transactional()) {
                continue;
            }
            for (Statement statement : section(revision, plan.direction()).statements()) {
                if (StatementSplitter.isTransactionControl(statement)) {
                    problems.add(new Problem(revision.file(), statement.line(), "'" + firstLine(statement.sql())
                            + "' in a transactional revision would end the plugin's own transaction"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new TransactionControlException(problems);
        }
    }

    /** Runs every step of {@code plan}. */
    public void run(Plan plan) throws SQLException {
        run(plan, Map.of());
    }

    /**
     * Runs every step of {@code plan}; a step with a row in {@code unfinished} (a non-transactional
     * revision that stopped halfway) resumes after the statements that row says completed.
     */
    public void run(Plan plan, Map<String, AppliedRevision> unfinished) throws SQLException {
        Connection connection = database.connection();
        try (java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.setEscapeProcessing(false);
            for (Revision revision : plan.steps()) {
                runOne(connection, jdbc, revision, plan.direction(), unfinished.get(revision.id()));
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Records the plan in the history table without running any revision's SQL ({@code stamp}). */
    public void record(Plan plan) throws SQLException {
        Connection connection = database.connection();
        connection.setAutoCommit(false);
        try {
            for (Revision revision : plan.steps()) {
                if (plan.direction() == Direction.UP) {
                    history.insert(revision, 0, RowState.STAMPED);
                } else {
                    history.delete(revision.id());
                }
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        plan.steps().forEach(revision -> listener.revisionStamped(revision, plan.direction()));
    }

    private void runOne(Connection connection, java.sql.Statement jdbc, Revision revision, Direction direction,
            AppliedRevision unfinishedRow) throws SQLException {
        boolean transactional = revision.transactional();
        boolean up = direction == Direction.UP;
        List<Statement> statements = section(revision, direction).statements();
        int first = unfinishedRow == null ? 0 : Math.min(unfinishedRow.statementsDone(), statements.size());
        if (first > 0) {
            listener.info("resuming " + revision.describe() + " at statement " + (first + 1) + " of " + statements.size()
                    + " (" + revision.file() + ":" + statements.get(Math.min(first, statements.size() - 1)).line() + ")");
        }
        connection.setAutoCommit(!transactional);
        if (!transactional) {
            // the journal row is committed before the first statement, so a crash leaves a trace
            if (up && unfinishedRow == null) {
                history.insert(revision, 0, RowState.RUNNING);
            } else {
                history.update(revision, up ? RowState.RUNNING : RowState.RUNNING_DOWN, first, null, 0);
            }
        }
        long started = System.nanoTime();
        for (int i = first; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            try {
                jdbc.execute(statement.sql());
            } catch (SQLException e) {
                if (transactional) {
                    rollbackQuietly(connection, e);
                } else {
                    history.update(revision, up ? RowState.FAILED : RowState.FAILED_DOWN, i,
                            revision.fileName() + ":" + statement.line() + ": SQL state " + e.getSQLState() + ": "
                                    + e.getMessage().strip(), 0);
                }
                throw new StatementFailedException(revision, direction, statement, i, statements.size(), e,
                        aftermath(revision, statements.subList(first, i), transactional));
            }
            if (!transactional && i + 1 < statements.size()) {
                history.update(revision, up ? RowState.RUNNING : RowState.RUNNING_DOWN, i + 1, null, 0);
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        try {
            if (!up) {
                history.delete(revision.id());
            } else if (unfinishedRow != null || !transactional) {
                history.update(revision, RowState.APPLIED, statements.size(), null, millis);
            } else {
                history.insert(revision, millis, RowState.APPLIED);
            }
            if (transactional) {
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

    private static String firstLine(String sql) {
        int newline = sql.indexOf('\n');
        return newline < 0 ? sql : sql.substring(0, newline) + " ...";
    }
}
