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
    record Checked(HistoryCheck history, Status status, Plan plan, List<Revision> undoneEdits) {

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
        List<Revision> undoneEdits = undoneEdits(mode, graph, rows, planner, check);
        check.requireConsistent(undoneEdits.stream().map(Revision::id).collect(java.util.stream.Collectors.toSet()));
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
        return new Checked(check, status, plan, undoneEdits);
    }

    /**
     * Applied revisions whose upgrade was edited but which this run downgrades with their downgrade
     * section unchanged: the downgrade undoes what ran, so the edit need not stop it (the loop of
     * downgrade, edit, upgrade again). Empty when the run goes up or the plan cannot be made (then
     * the edit is reported as before).
     */
    private static List<Revision> undoneEdits(MigrationRun.Mode mode, RevisionGraph graph, List<AppliedRevision> rows,
            MigrationRun.Planner planner, HistoryCheck check) {
        if (mode != MigrationRun.Mode.RUN || check.editedUpgrades().isEmpty() || !check.missingFiles().isEmpty()) {
            return List.of();
        }
        Plan plan;
        try {
            plan = planner.apply(graph, new Status(graph, rows).appliedIds());
        } catch (RuntimeException e) {
            return List.of();
        }
        if (plan.direction() != dev.migrate.graph.Direction.DOWN) {
            return List.of();
        }
        java.util.Set<String> downgraded = plan.steps().stream().map(Revision::id)
                .collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> editedDowngrades = check.editedDowngrades().stream().map(Revision::id)
                .collect(java.util.stream.Collectors.toSet());
        return check.editedUpgrades().stream().filter(r -> downgraded.contains(r.id())
                && !editedDowngrades.contains(r.id())).toList();
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
