package dev.migrate.run;

import dev.migrate.database.Database;
import dev.migrate.database.InDoubtCheck;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.history.AppliedRevision;
import dev.migrate.history.InconsistentHistoryException;
import dev.migrate.history.RowState;
import dev.migrate.revision.Revision;
import dev.migrate.sql.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Revisions that stopped halfway, finished before the plan runs: an interrupted one (its run died)
 * or a failed one the user asked to resume continues in its own direction; a stamp resolves them by
 * recording instead. Where each continues is decided for all of them before any statement runs, so
 * a statement whose outcome nobody can tell stops the run with nothing done.
 */
final class Resumption {

    private final Database database;
    private final HistoryTable history;
    private final RunListener listener;
    private final ResumeChoice choice;

    Resumption(Database database, HistoryTable history, RunListener listener, ResumeChoice choice) {
        this.database = database;
        this.history = history;
        this.listener = listener;
        this.choice = choice;
    }

    /** Records where each revision stands instead of running anything ({@code stamp}). */
    void resolveByStamp(RevisionGraph graph, List<AppliedRevision> unfinished) throws SQLException {
        for (AppliedRevision row : unfinished) {
            Revision revision = graph.find(row.id()).orElseThrow();
            if (row.state().upgrading()) {
                history.delete(row.id());
            } else {
                history.update(revision, RowState.STAMPED, 0, null, 0);
            }
            listener.info("stamp resolves " + revision.describe() + ", which had stopped halfway");
        }
    }

    /**
     * Finishes every unfinished revision with {@code runner}.
     *
     * @return the revisions finished in {@code planDirection}, the run's own
     * @throws InDoubtStatementException when a statement started outside a transaction cannot be
     *     checked and the user has not decided
     */
    List<Revision> finish(RevisionGraph graph, List<AppliedRevision> unfinished, Direction planDirection,
            PlanRunner runner) throws SQLException {
        Map<AppliedRevision, Integer> resumeAt = new LinkedHashMap<>();
        for (AppliedRevision row : unfinished) {
            resumeAt.put(row, resumeAt(graph.find(row.id()).orElseThrow(), row, runner.kinds()));
        }
        List<Revision> finished = new ArrayList<>();
        for (Map.Entry<AppliedRevision, Integer> entry : resumeAt.entrySet()) {
            AppliedRevision row = entry.getKey();
            Revision revision = graph.find(row.id()).orElseThrow();
            Direction direction = direction(row);
            listener.info((row.state().failed() ? "resuming failed " : "finishing interrupted ")
                    + direction.name().toLowerCase(Locale.ROOT) + " of " + revision.describe() + " after "
                    + entry.getValue() + " completed statement(s)");
            if (row.doneChecksums() == null && row.statementsDone() > 0) {
                listener.warn("the history row of " + revision.describe() + " was written by an older release that"
                        + " did not record which statements ran, so edits of its first " + row.statementsDone()
                        + " statement(s) cannot be detected; make sure they are as they ran");
            }
            runner.run(new Plan(direction, List.of(revision)), Map.of(row.id(), entry.getValue()));
            if (direction == planDirection) {
                finished.add(revision);
            }
        }
        return finished;
    }

    /** The index of the statement {@code row}'s revision continues at. */
    private int resumeAt(Revision revision, AppliedRevision row, StatementKinds kinds) throws SQLException {
        int done = row.statementsDone();
        if (!row.state().inDoubt()) {
            return done;
        }
        Direction direction = direction(row);
        List<Statement> statements = (direction == Direction.UP ? revision.upgrade() : revision.downgrade())
                .statements();
        if (done < 0 || done >= statements.size()) {
            throw new InconsistentHistoryException("the row of " + revision.describe() + " says statement "
                    + (done + 1) + " was started, but its " + direction.name().toLowerCase(Locale.ROOT)
                    + " section has " + statements.size() + " statement(s)");
        }
        Statement statement = statements.get(done);
        String which = "statement " + (done + 1) + " of " + revision.describe() + " (" + revision.fileName() + ":"
                + statement.line() + "), started when the previous run stopped, ";
        InDoubtCheck check = database.dialect().checkStarted(database.connection(), statement, kinds.of(statement));
        switch (check.answer()) {
            case DONE:
                listener.info(which + "completed (" + check.detail() + "): continuing after it");
                return done + 1;
            case RUN:
                listener.info(which + "runs again (" + check.detail() + ")");
                return done;
            default:
                if (choice == ResumeChoice.ASSUME_DONE) {
                    listener.warn(which + "counts as done, as -Dmigrate.resume=assume-done says (" + check.detail()
                            + ")");
                    return done + 1;
                }
                if (choice == ResumeChoice.RERUN) {
                    listener.warn(which + "runs again, as -Dmigrate.resume=rerun says (" + check.detail() + ")");
                    return done;
                }
                throw new InDoubtStatementException(revision, direction, statement, done, check.detail());
        }
    }

    private static Direction direction(AppliedRevision row) {
        return row.state().upgrading() ? Direction.UP : Direction.DOWN;
    }
}
