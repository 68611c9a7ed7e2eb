package dev.migrate.verify;

import dev.migrate.common.Severity;
import dev.migrate.graph.Direction;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.revision.Revision;
import dev.migrate.run.StatementFailedException;
import dev.migrate.verify.Messages.Comparison;
import dev.migrate.verify.ScratchSession.Observation;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verify's full cycle, after the stairway: every applied revision downgraded to base, compared with
 * the database before the first revision, then upgraded to head again, compared with the head the
 * stairway built. It runs only when the stairway applied everything and nothing irreversible is in
 * the way; a failed plan ends it, reported where it failed.
 */
final class FullCycle {

    private final RevisionGraph graph;
    private final ScratchSession session;
    private final Ledger ledger;

    FullCycle(RevisionGraph graph, ScratchSession session, Ledger ledger) {
        this.graph = graph;
        this.session = session;
        this.ledger = ledger;
    }

    /** Runs the cycle from {@code head}, where the {@code stairway} ended, back to {@code baseline} and up again. */
    void run(Observation baseline, Observation head, Stairway stairway) {
        String skipped = null;
        List<Revision> applied = stairway.applied();
        List<Revision> irreversible = applied.stream().filter(Revision::isIrreversible).toList();
        if (stairway.stopped()) {
            skipped = "verify stopped before it";
        } else if (!stairway.blocked().isEmpty()) {
            skipped = "the upgrade of " + stairway.blocked().stream().sorted().findFirst().orElseThrow() + " failed";
        } else if (!irreversible.isEmpty()) {
            skipped = "the downgrade to base cannot pass the irreversible revision "
                    + Messages.name(irreversible.get(irreversible.size() - 1));
        }
        if (skipped != null) {
            ledger.add(Severity.INFO, Phase.BASE, null, "full cycle not run: " + skipped);
            ledger.row(new VerifyResult.Row("full cycle", null, -1, -1, -1, "skipped"));
            return;
        }
        int errorsBefore = ledger.errorCount();
        long down = -1;
        long up = -1;
        try {
            List<Revision> plan = graph.downgradePlan(new Target.Base(), ids(applied)).steps();
            down = runPlan(Direction.DOWN, plan, Phase.BASE);
            Observation atBase = session.observe();
            ledger.compare(null, Phase.BASE, "downgrade to base", Comparison.BASE, baseline, atBase);
            ledger.historyAgrees(Phase.BASE, "downgrade to base", List.of(), atBase, null);
            List<Revision> reupgrade = graph.upgradePlan(new Target.Heads(), Set.of()).steps();
            up = runPlan(Direction.UP, reupgrade, Phase.HEAD);
            Observation again = session.observe();
            ledger.compare(null, Phase.HEAD, "re-upgrade to head", Comparison.HEAD, head, again);
            // through a squash, the history records the squash where the stairway recorded its chain
            List<String> expected = reupgrade.stream().anyMatch(graph::isAlternative)
                    ? reupgrade.stream().map(Revision::id).toList() : head.history();
            ledger.historyAgrees(Phase.HEAD, "re-upgrade to head", expected, again, null);
        } catch (CycleFailed e) {
            // reported where it happened; the cycle cannot go on from an unknown state
        }
        ledger.row(new VerifyResult.Row("full cycle", null, -1, down, up, ledger.errorCount() > errorsBefore
                ? "FAILED" : "ok"));
    }

    /** A full-cycle plan that failed: reported, and the rest of the cycle is left out. */
    private static final class CycleFailed extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private long runPlan(Direction direction, List<Revision> plan, Phase phase) throws CycleFailed {
        try {
            return session.run(direction, plan);
        } catch (StatementFailedException e) {
            Revision revision = graph.find(e.revisionId()).orElseThrow();
            ledger.add(Severity.ERROR, phase, null, Messages.statementFailed(phase.label() + " (at "
                    + Messages.name(revision) + ")", revision, e));
            throw new CycleFailed();
        }
    }

    private static Set<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).collect(Collectors.toSet());
    }
}
