package dev.migrate.verify;

import dev.migrate.common.Severity;
import dev.migrate.graph.Direction;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.revision.Revision;
import dev.migrate.run.StatementFailedException;
import dev.migrate.verify.Messages.Comparison;
import dev.migrate.verify.ScratchSession.Observation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verify's full cycle, after the stairway: every applied revision downgraded to base, compared with
 * the database before the first revision, then upgraded to head again, compared with the head the
 * stairway built. A re-upgrade that ran squashes instead of their chains goes down to base once
 * more, through the squashes' downgrades: each must return to the database as it was before the
 * squash ran, and keep the rows it kept. It runs only when the stairway applied everything and nothing irreversible is in the
 * way; a failed plan ends it, reported where it failed (a downgrade to base that fails, or a re-upgrade that fails
 * on what the downgrade left, leaves the squashes to a new database).
 */
final class FullCycle {

    private final RevisionGraph graph;
    private final ScratchSession session;
    private final Ledger ledger;
    private final ProductionChecks production;

    FullCycle(RevisionGraph graph, ScratchSession session, Ledger ledger, ProductionChecks production) {
        this.graph = graph;
        this.session = session;
        this.ledger = ledger;
        this.production = production;
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
            if (!stairway.stopped() && stairway.blocked().isEmpty() && session.scratch().canRebuild()
                    && graph.ordered().stream().anyMatch(graph::isAlternative)) {
                squashesOnANewDatabase(baseline, head);
            }
            return;
        }
        int errorsBefore = ledger.errorCount();
        long down = -1;
        long up = -1;
        boolean wentDown = false;
        boolean cameBack = false;
        try {
            List<Revision> plan = graph.downgradePlan(new Target.Base(), ids(applied)).steps();
            down = runPlan(Direction.DOWN, plan, Phase.BASE, true);
            wentDown = true;
            Observation atBase = session.observe();
            ledger.compare(null, Phase.BASE, "downgrade to base", Comparison.BASE, baseline, atBase);
            ledger.historyAgrees(Phase.BASE, "downgrade to base", List.of(), atBase, null);
            List<Revision> reupgrade = graph.upgradePlan(new Target.Heads(), Set.of()).steps();
            Map<String, Observation> beforeSquash = new HashMap<>();
            up = upObservingSquashes(reupgrade, beforeSquash);
            cameBack = true;
            Observation again = session.observe();
            ledger.compare(null, Phase.HEAD, "re-upgrade to head", Comparison.HEAD, head, again);
            // through a squash, the history records the squash where the stairway recorded its chain
            List<String> expected = reupgrade.stream().anyMatch(graph::isAlternative)
                    ? reupgrade.stream().map(Revision::id).toList() : head.history();
            ledger.historyAgrees(Phase.HEAD, "re-upgrade to head", expected, again, null);
            if (!beforeSquash.isEmpty()) {
                downThroughSquashes(reupgrade, beforeSquash, baseline);
            }
        } catch (CycleFailed e) {
            // reported where it happened; the cycle cannot go on from an unknown state
        }
        ledger.row(new VerifyResult.Row("full cycle", null, -1, down, up, ledger.errorCount() > errorsBefore
                ? "FAILED" : "ok"));
        if (!cameBack && session.scratch().canRebuild() && graph.ordered().stream().anyMatch(graph::isAlternative)) {
            // a downgrade of the chain failed, or left something behind that made the re-upgrade fail: the squashes
            // were not held against the chain there, so they are on a new database
            squashesOnANewDatabase(baseline, head);
        }
    }

    /** A full-cycle plan that failed: reported, and the rest of the cycle is left out. */
    private static final class CycleFailed extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Where the chain cannot go down to base and up again (an irreversible revision, a downgrade that fails or leaves
     * what the re-upgrade then fails on), the squashes are still held
     * against the chain: a new scratch database is upgraded to head through them and compared with
     * the head the stairway built, then goes down through them where they are reversible.
     */
    private void squashesOnANewDatabase(Observation baseline, Observation head) {
        int errorsBefore = ledger.errorCount();
        long up = -1;
        try {
            session.rebuild(List.of());
            List<Revision> plan = graph.upgradePlan(new Target.Heads(), Set.of()).steps();
            Map<String, Observation> beforeSquash = new HashMap<>();
            up = upObservingSquashes(plan, beforeSquash);
            Observation built = session.observe();
            String subject = "upgrade of a new database through the squashes";
            ledger.compare(null, Phase.HEAD, subject, Comparison.HEAD, head, built);
            ledger.historyAgrees(Phase.HEAD, subject, plan.stream().map(Revision::id).toList(), built, null);
            downThroughSquashes(plan, beforeSquash, baseline);
        } catch (CycleFailed e) {
            // reported where it happened
        }
        ledger.row(new VerifyResult.Row("squashes on a new database", null, -1, -1, up,
                ledger.errorCount() > errorsBefore ? "FAILED" : "ok"));
    }

    /**
     * Runs the re-upgrade {@code plan}, observing the database before each squash in it: the state
     * that squash's downgrade must return to.
     */
    private long upObservingSquashes(List<Revision> plan, Map<String, Observation> beforeSquash) throws CycleFailed {
        long millis = 0;
        int from = 0;
        for (int i = 0; i < plan.size(); i++) {
            Revision step = plan.get(i);
            if (graph.isAlternative(step) && !step.isIrreversible()) {
                millis += runPlan(Direction.UP, plan.subList(from, i), Phase.HEAD);
                Observation before = session.observe();
                beforeSquash.put(step.id(), before);
                rowsThroughSquash(step, before);
                from = i;
            }
        }
        return millis + runPlan(Direction.UP, plan.subList(from, plan.size()), Phase.HEAD);
    }

    /**
     * The rows check of a squash's downgrade, as the stairway's of a revision: the tables that exist
     * before the squash get rows, the squash goes up and down on its own, and every row it kept must
     * be back with its values, as must the schema; then those tables are emptied again, so the re-upgrade goes on as it
     * would have. Nothing to do when no table exists before it (a squash from base).
     */
    private void rowsThroughSquash(Revision squash, Observation before) throws CycleFailed {
        if (!production.beforeSquash(squash)) {
            return;
        }
        runPlan(Direction.UP, List.of(squash), Phase.HEAD);
        Observation up = session.observe();
        production.squashUpgraded(squash, before.snapshot(), up.snapshot());
        runPlan(Direction.DOWN, List.of(squash), Phase.DOWNGRADE);
        Observation down = session.observe();
        production.afterDowngrade(squash, up.snapshot(), down.snapshot());
        production.afterSquash();
        int errorsBefore = ledger.errorCount();
        ledger.compare(squash.id(), Phase.DOWNGRADE, "the downgrade of the squash " + Messages.name(squash),
                Comparison.DOWNGRADE, before, down);
        if (ledger.errorCount() > errorsBefore) {
            throw new CycleFailed(); // the squash cannot run again on what its downgrade left
        }
    }

    /**
     * From the head the re-upgrade built through squashes down to base: the downgrade plan is the
     * re-upgrade's in reverse, so right after a squash's downgrade the database must be as it was
     * before the squash ran; at base, as before the first revision.
     */
    private void downThroughSquashes(List<Revision> reupgrade, Map<String, Observation> beforeSquash,
            Observation baseline) throws CycleFailed {
        if (reupgrade.stream().anyMatch(Revision::isIrreversible)) {
            ledger.add(Severity.INFO, Phase.BASE, null, "the squashes' downgrades are not checked: the downgrade to"
                    + " base through them cannot pass an irreversible revision");
            return;
        }
        List<Revision> plan = graph.downgradePlan(new Target.Base(), ids(reupgrade)).steps();
        int errorsBefore = ledger.errorCount();
        long down = 0;
        int from = 0;
        for (int i = 0; i < plan.size(); i++) {
            Revision step = plan.get(i);
            Observation expected = beforeSquash.get(step.id());
            if (expected != null) {
                down += runPlan(Direction.DOWN, plan.subList(from, i + 1), Phase.DOWNGRADE);
                ledger.compare(step.id(), Phase.DOWNGRADE, "the downgrade of the squash " + Messages.name(step),
                        Comparison.DOWNGRADE, expected, session.observe());
                from = i + 1;
            }
        }
        down += runPlan(Direction.DOWN, plan.subList(from, plan.size()), Phase.BASE);
        Observation atBase = session.observe();
        ledger.compare(null, Phase.BASE, "downgrade to base through the squashes", Comparison.BASE, baseline, atBase);
        ledger.historyAgrees(Phase.BASE, "downgrade to base through the squashes", List.of(), atBase, null);
        ledger.row(new VerifyResult.Row("squash downgrades", null, -1, down, -1, ledger.errorCount() > errorsBefore
                ? "FAILED" : "ok"));
    }

    private long runPlan(Direction direction, List<Revision> plan, Phase phase) throws CycleFailed {
        return runPlan(direction, plan, phase, false);
    }

    /**
     * {@code sharing}: revisions whose downgrade, upgrade and re-upgrade the stairway found right may
     * commit together ({@link ScratchSession#runSharing}); the downgrade of each ran alone there, from
     * the schema it meets here, and one that fails is run again alone here too.
     */
    private long runPlan(Direction direction, List<Revision> plan, Phase phase, boolean sharing) throws CycleFailed {
        if (plan.isEmpty()) {
            return 0;
        }
        try {
            return sharing ? session.runSharing(direction, plan, this::rightInStairway) : session.run(direction, plan);
        } catch (StatementFailedException e) {
            Revision revision = graph.find(e.revisionId()).orElseThrow();
            ledger.add(Severity.ERROR, phase, null, Messages.statementFailed(phase.label() + " (at "
                    + Messages.name(revision) + ")", revision, e));
            throw new CycleFailed();
        }
    }

    /** Whether the stairway reported no error of {@code revision}'s upgrade, downgrade or re-upgrade. */
    private boolean rightInStairway(Revision revision) {
        return !ledger.isError(revision.id(), Phase.UPGRADE) && !ledger.isError(revision.id(), Phase.DOWNGRADE)
                && !ledger.isError(revision.id(), Phase.REUPGRADE);
    }

    private static Set<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).collect(Collectors.toSet());
    }
}
