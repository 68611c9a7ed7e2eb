package dev.migrate.db;

import dev.migrate.MigrationListener;
import dev.migrate.Problem;
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

    public void run(Plan plan) throws SQLException {
        Connection connection = database.connection();
        try (java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.setEscapeProcessing(false);
            for (Revision revision : plan.steps()) {
                runOne(connection, jdbc, revision, plan.direction());
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
                write(revision, plan.direction(), 0, "stamped");
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

    private void runOne(Connection connection, java.sql.Statement jdbc, Revision revision, Direction direction)
            throws SQLException {
        boolean transactional = revision.transactional();
        connection.setAutoCommit(!transactional);
        List<Statement> statements = section(revision, direction).statements();
        long started = System.nanoTime();
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            try {
                jdbc.execute(statement.sql());
            } catch (SQLException e) {
                if (transactional) {
                    rollbackQuietly(connection, e);
                }
                throw new StatementFailedException(revision, direction, statement, i, statements.size(), e,
                        aftermath(revision, statements.subList(0, i), transactional));
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        try {
            write(revision, direction, millis, "applied");
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

    private void write(Revision revision, Direction direction, long millis, String state) throws SQLException {
        if (direction == Direction.UP) {
            history.insert(revision, millis, state);
        } else {
            history.delete(revision.id());
        }
    }

    private String aftermath(Revision revision, List<Statement> ran, boolean transactional) {
        String lines = ran.stream().map(s -> String.valueOf(s.line())).collect(Collectors.joining(", "));
        if (!transactional) {
            return ran.isEmpty()
                    ? "The revision runs outside a transaction (transactional: false); nothing of it ran and it is not"
                            + " recorded. Fix the statement and run again."
                    : "The revision runs outside a transaction (transactional: false): the statements before it (lines "
                            + lines + ") stayed applied and the revision is not recorded. Undo them by hand or make"
                            + " them safe to repeat, then run again.";
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
