package dev.migrate.run;

import dev.migrate.database.Dialect;
import dev.migrate.graph.Plan;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.history.AppliedRevision;
import dev.migrate.history.EditedExecutedStatementsException;
import dev.migrate.history.ExecutedStatements;
import dev.migrate.history.HistoryCheck;
import dev.migrate.history.Status;
import dev.migrate.revision.Revision;
import java.util.List;

/**
 * Every check that can refuse a run, on one reading of the history: the history held against the
 * files, revisions that stopped halfway, and the plan. It reads and writes nothing itself.
 */
final class RunChecks {

    private RunChecks() {
    }

    /** One reading of the history, held against the files, and the plan it leads to. */
    record Checked(HistoryCheck history, Status status, Plan plan) {

        /** Nothing to run, finish or re-record: the run needs neither the lock nor a write. */
        boolean nothingToDo() {
            return plan.isEmpty() && history.unfinished().isEmpty() && history.editedDowngrades().isEmpty();
        }
    }

    /**
     * Checks {@code rows} against the files and the plan {@code planner} makes of them.
     *
     * @param serverMajorVersion the server's major version, 0 when there is no connection yet
     */
    static Checked check(MigrationRun.Mode mode, RevisionGraph graph, List<AppliedRevision> rows,
            MigrationRun.Planner planner, boolean resume, Dialect dialect, int serverMajorVersion) {
        HistoryCheck check = HistoryCheck.of(graph, rows);
        check.requireConsistent();
        if (mode == MigrationRun.Mode.RUN) {
            check.requireNoFailures(resume);
            check.unfinished().forEach(row -> requireExecutedUnchanged(graph, row));
            // a stamp is how an inconsistent history is put right, so only a run refuses one
            HistoryCheck.requireWellFormed(graph, rows);
        }
        Status status = new Status(graph, rows);
        Plan plan = planner.apply(graph, status.appliedIds());
        if (mode == MigrationRun.Mode.RUN) {
            PlanChecks.check(plan, dialect, serverMajorVersion);
        }
        return new Checked(check, status, plan);
    }

    /**
     * A revision that stopped halfway continues from where it stopped, so the statements that ran
     * must be the ones in the file; the others may have been fixed.
     */
    private static void requireExecutedUnchanged(RevisionGraph graph, AppliedRevision row) {
        Revision revision = graph.find(row.id()).orElseThrow();
        List<String> edited = ExecutedStatements.edited(revision,
                row.state().upgrading() ? revision.upgrade() : revision.downgrade(), row);
        if (!edited.isEmpty()) {
            throw new EditedExecutedStatementsException(revision.describe(), edited);
        }
    }
}
