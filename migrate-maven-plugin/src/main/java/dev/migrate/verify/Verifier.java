package dev.migrate.verify;

import dev.migrate.scratch.ScratchDatabase;
import dev.migrate.common.Finding;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.SnapshotDiff;
import dev.migrate.common.Log;
import dev.migrate.run.StatementFailedException;
import dev.migrate.graph.Direction;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.revision.Revision;
import dev.migrate.common.Severity;
import dev.migrate.verify.Messages.Comparison;
import dev.migrate.verify.ScratchSession.Observation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of {@code migrate:verify}: the graph's heads and irreversible revisions, the
 * stairway (each revision upgraded, downgraded and upgraded again, comparing schemas each time)
 * and the full cycle (base, head, base, head). Every problem is collected; after a failed phase
 * the scratch database is rebuilt from the upgrades, so one run reports every broken revision.
 */
public final class Verifier {

    private final RevisionGraph graph;
    private final ScratchSession session;
    private final VerifyOptions options;
    private final Log listener;
    private final dev.migrate.database.Identifier schema;
    private final dev.migrate.database.Identifier table;
    private ProductionChecks production;
    private final List<Finding> findings = new ArrayList<>();
    private final List<VerifyResult.Row> rows = new ArrayList<>();
    /** Revisions upgraded in the scratch database, in run order. */
    private final List<Revision> applied = new ArrayList<>();
    /** Their ids, sorted: what the history table should list (kept, not sorted after each phase). */
    private final java.util.TreeSet<String> appliedIds = new java.util.TreeSet<>();
    /** Revisions whose upgrade failed, and those that need them. */
    private final Set<String> blocked = new HashSet<>();
    private boolean stopped;
    /** Whether the last {@link #downAndUp} failed in its re-upgrade, sharing its transaction, after a right downgrade. */
    private boolean heldArtifact;

    Verifier(RevisionGraph graph, ScratchSession session, VerifyOptions options, Log listener,
            dev.migrate.database.Identifier schema, dev.migrate.database.Identifier table) {
        this.schema = schema;
        this.table = table;
        this.graph = graph;
        this.session = session;
        this.options = options;
        this.listener = listener;
    }

    /** Runs every check in {@code scratch} and reports what it found. */
    public static VerifyResult verify(RevisionGraph graph, ScratchDatabase scratch, dev.migrate.database.Identifier schema,
            dev.migrate.database.Identifier table, VerifyOptions options, Log listener) {
        try (ScratchSession session = new ScratchSession(scratch, schema, table)) {
            return new Verifier(graph, session, options, listener, schema, table).run();
        }
    }

    VerifyResult run() {
        long started = System.nanoTime();
        checkHeads();
        graph.ordered().stream().filter(Revision::isIrreversible).forEach(this::irreversible);
        session.prepare();
        Observation baseline = session.observe();
        if (!session.scratch().canRebuild() && (!baseline.snapshot().userObjects().isEmpty() || !baseline.history().isEmpty())) {
            throw new UnsuitableVerifyDatabaseException("the database of migrate.verifyUrl (" + session.scratch().description()
                    + ") is not empty: it holds " + describe(baseline) + ". Verify creates and drops every revision's"
                    + " objects there, so give it an empty database (or leave verifyUrl unset to let verify create one)");
        }
        listener.info("Verifying " + graph.ordered().size() + " revisions in " + session.scratch().description());
        production = new ProductionChecks(graph, session, schema, table, options, this::add);
        Observation current = baseline;
        try (Progress progress = Progress.start("stairway", graph.ordered().size(), listener)) {
            for (Revision revision : graph.ordered()) {
                // a squash beside its chain is the other way to the same state: the full cycle's
                // re-upgrade runs it, and is held against the head the chain built here
                if (!graph.isAlternative(revision)) {
                    current = stairway(revision, current);
                }
                progress.advance();
            }
        }
        fullCycle(baseline, current);
        if (!session.scratch().canRebuild()) {
            leaveEmpty();
        }
        if (!stopped) {
            production.mergeOrder(blocked);
        }
        return new VerifyResult(session.scratch().description(), findings, rows,
                java.time.Duration.ofNanos(System.nanoTime() - started), null, production.costs());
    }

    private void checkHeads() {
        List<Revision> heads = graph.heads();
        if (heads.size() != options.expectedHeads() && !heads.isEmpty()) {
            String ids = heads.stream().map(Revision::id).collect(Collectors.joining(", "));
            add(Severity.ERROR, Phase.HEADS, null, "the revisions have " + heads.size() + " heads (" + ids
                    + ") where verify expects " + options.expectedHeads() + ": join them with a merge revision"
                    + " (parents: " + ids + "), or set migrate.verify.heads to " + heads.size());
        }
    }

    /** Upgrade, downgrade, re-upgrade one revision; returns the observation the next revision starts from. */
    private Observation stairway(Revision revision, Observation before) {
        String name = Messages.name(revision);
        if (stopped) {
            rows.add(new VerifyResult.Row(name, revision.id(), -1, -1, -1, "skipped"));
            return before;
        }
        List<String> needs = prerequisites(revision).stream().filter(blocked::contains).toList();
        if (!needs.isEmpty()) {
            blocked.add(revision.id());
            add(Severity.INFO, Phase.UPGRADE, revision.id(), name + " not checked: it needs "
                    + String.join(", ", needs) + ", whose upgrade failed");
            rows.add(new VerifyResult.Row(name, revision.id(), -1, -1, -1, "skipped"));
            return before;
        }
        int errorsBefore = errorCount();
        long up = -1;
        StatementFailedException failure = null;
        try {
            up = session.run(Direction.UP, List.of(revision), production.beforeUpgrade(revision));
        } catch (StatementFailedException e) {
            failure = e;
            production.upgradeFailed();
        }
        if (failure != null && production.upgradeHadRows()) {
            // the same upgrade on empty tables tells a statement that fails on rows from one that fails anyway
            StatementFailedException withRows = failure;
            before = recover(before);
            if (!stopped) {
                production.emptyTables();
                try {
                    up = session.run(Direction.UP, List.of(revision));
                    failure = null;
                    add(Severity.ERROR, Phase.UPGRADE, revision.id(), Messages.failsWithRows(name, revision, withRows));
                } catch (StatementFailedException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            add(Severity.ERROR, Phase.UPGRADE, revision.id(), Messages.statementFailed("upgrade of " + name, revision,
                    failure));
            blocked.add(revision.id());
            rows.add(row(revision, -1, -1, -1, errorsBefore));
            return recover(before);
        }
        Observation afterUp = session.observe();
        production.upgraded(revision, before.snapshot(), afterUp.snapshot());
        applied.add(revision);
        appliedIds.add(revision.id());
        checkHistory(revision, Phase.UPGRADE, "upgrade of " + name, afterUp);
        if (revision.isIrreversible()) {
            rows.add(new VerifyResult.Row(name, revision.id(), up, -1, -1,
                    errorCount() > errorsBefore || isError(revision.id(), Phase.DOWNGRADE) ? "FAILED" : "irreversible"));
            return afterUp;
        }
        // where it can, the downgrade and re-upgrade run in one transaction, rolled back when they go wrong:
        // the database is as after the upgrade again, with no rebuild
        int findingsBefore = findings.size();
        boolean held = session.hold(revision);
        Observation next = downAndUp(revision, name, before, afterUp, up, errorsBefore);
        if (held && heldArtifact) {
            // a re-upgrade that failed after a correct downgrade may have failed only for sharing its
            // transaction (an enum value added in it, pending trigger events): checked again on its own
            findings.subList(findingsBefore, findings.size()).clear();
            rows.remove(rows.size() - 1);
            next = downAndUp(revision, name, before, afterUp, up, errorsBefore);
        }
        return next;
    }

    /** The downgrade and re-upgrade of {@code revision}, upgraded from {@code before} to {@code afterUp}. */
    private Observation downAndUp(Revision revision, String name, Observation before, Observation afterUp, long up,
            int errorsBefore) {
        heldArtifact = false;
        long down;
        try {
            down = session.run(Direction.DOWN, List.of(revision));
        } catch (StatementFailedException e) {
            add(Severity.ERROR, Phase.DOWNGRADE, revision.id(), Messages.statementFailed("downgrade of " + name, revision, e));
            rows.add(row(revision, up, -1, -1, errorsBefore));
            return recover(afterUp);
        }
        Observation afterDown = session.observe();
        compare(revision.id(), Phase.DOWNGRADE, "downgrade of " + name, Comparison.DOWNGRADE, before, afterDown);
        production.afterDowngrade(revision, afterUp.snapshot(), afterDown.snapshot());
        // the revision just upgraded is the last one applied
        applied.remove(applied.size() - 1);
        appliedIds.remove(revision.id());
        checkHistory(revision, Phase.DOWNGRADE, "downgrade of " + name, afterDown);
        applied.add(revision);
        appliedIds.add(revision.id());
        boolean downgradeRight = errorCount() == errorsBefore;
        boolean sharing = session.holding();
        long reup;
        try {
            reup = session.run(Direction.UP, List.of(revision));
        } catch (StatementFailedException e) {
            heldArtifact = sharing && downgradeRight;
            add(Severity.ERROR, Phase.REUPGRADE, revision.id(), Messages.statementFailed("re-upgrade of " + name, revision, e));
            rows.add(row(revision, up, down, -1, errorsBefore));
            return recover(afterUp);
        }
        Observation afterReup = session.observe();
        production.reupgraded(revision, afterDown.snapshot(), afterReup.snapshot());
        compare(revision.id(), Phase.REUPGRADE, "re-upgrade of " + name, Comparison.REUPGRADE, afterUp, afterReup);
        checkHistory(revision, Phase.REUPGRADE, "re-upgrade of " + name, afterReup);
        rows.add(row(revision, up, down, reup, errorsBefore));
        boolean right = afterReup.equals(afterUp);
        boolean keep = right && errorCount() == errorsBefore;
        if (!keep && session.holding()) {
            production.unknownRows();
        }
        session.release(keep);
        return right ? afterReup : recover(afterUp);
    }

    private void irreversible(Revision revision) {
        String name = Messages.name(revision);
        if (revision.irreversibleAcknowledged()) {
            add(Severity.INFO, Phase.DOWNGRADE, revision.id(), name + " is irreversible (its header says so):"
                    + " its downgrade and re-upgrade are not checked");
        } else if (options.allowIrreversible()) {
            add(Severity.WARNING, Phase.DOWNGRADE, revision.id(), name + " is irreversible (allowed by"
                    + " migrate.verify.allowIrreversible): its downgrade and re-upgrade are not checked");
        } else {
            add(Severity.ERROR, Phase.DOWNGRADE, revision.id(), name + " has an empty downgrade section, so it cannot"
                    + " be undone: write its downgrade or, if that is on purpose, add '-- irreversible: true' to its"
                    + " header (or set migrate.verify.allowIrreversible)");
        }
    }

    /**
     * After a failed or wrong phase: the database should look like {@code expected}. When it does
     * not (DDL outside a transaction, a downgrade that left something behind), it is rebuilt from
     * the upgrades of the applied revisions.
     */
    private Observation recover(Observation expected) {
        production.unknownRows();
        Observation now = session.observe();
        if (now.equals(expected)) {
            return now;
        }
        if (!session.scratch().canRebuild()) {
            stopped = true;
            add(Severity.ERROR, Phase.UPGRADE, null, "verify stopped: a failed phase left the database of"
                    + " migrate.verifyUrl in an unknown state, and verify rebuilds only databases it created itself;"
                    + " fix the errors above, or leave verifyUrl unset, and run it again");
            return now;
        }
        try {
            session.rebuild(applied);
        } catch (StatementFailedException e) {
            stopped = true;
            add(Severity.ERROR, Phase.UPGRADE, e.revisionId(), "verify stopped: rebuilding the scratch database failed: "
                    + e.getMessage());
        }
        return session.observe();
    }

    private void fullCycle(Observation baseline, Observation head) {
        String skipped = null;
        List<Revision> irreversible = applied.stream().filter(Revision::isIrreversible).toList();
        if (stopped) {
            skipped = "verify stopped before it";
        } else if (!blocked.isEmpty()) {
            skipped = "the upgrade of " + blocked.stream().sorted().findFirst().orElseThrow() + " failed";
        } else if (!irreversible.isEmpty()) {
            skipped = "the downgrade to base cannot pass the irreversible revision "
                    + Messages.name(irreversible.get(irreversible.size() - 1));
        }
        if (skipped != null) {
            add(Severity.INFO, Phase.BASE, null, "full cycle not run: " + skipped);
            rows.add(new VerifyResult.Row("full cycle", null, -1, -1, -1, "skipped"));
            return;
        }
        int errorsBefore = errorCount();
        long down = -1;
        long up = -1;
        try {
            List<Revision> plan = graph.downgradePlan(new Target.Base(), ids(applied)).steps();
            down = runCycle(Direction.DOWN, plan, Phase.BASE);
            Observation atBase = session.observe();
            compare(null, Phase.BASE, "downgrade to base", Comparison.BASE, baseline, atBase);
            historyAgrees(Phase.BASE, "downgrade to base", List.of(), atBase, null);
            List<Revision> reupgrade = graph.upgradePlan(new Target.Heads(), Set.of()).steps();
            up = runCycle(Direction.UP, reupgrade, Phase.HEAD);
            Observation again = session.observe();
            compare(null, Phase.HEAD, "re-upgrade to head", Comparison.HEAD, head, again);
            // through a squash, the history records the squash where the stairway recorded its chain
            List<String> expected = reupgrade.stream().anyMatch(graph::isAlternative)
                    ? reupgrade.stream().map(Revision::id).toList() : head.history();
            historyAgrees(Phase.HEAD, "re-upgrade to head", expected, again, null);
        } catch (CycleFailed e) {
            // reported where it happened; the cycle cannot go on from an unknown state
        }
        rows.add(new VerifyResult.Row("full cycle", null, -1, down, up, errorCount() > errorsBefore ? "FAILED" : "ok"));
    }

    /** A database given by verifyUrl is left as verify found it, so the next run can use it again. */
    private void leaveEmpty() {
        try {
            Set<String> present = new HashSet<>(session.observe().history());
            session.run(Direction.DOWN, graph.downgradePlan(new Target.Base(), present).steps());
        } catch (dev.migrate.common.MigrateException e) {
            add(Severity.WARNING, Phase.BASE, null, "verify could not empty the database of migrate.verifyUrl again ("
                    + e.getMessage().lines().findFirst().orElse("") + "); empty it by hand before the next run");
        }
    }

    /** A full-cycle plan that failed: reported, and the rest of the cycle is left out. */
    private static final class CycleFailed extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private long runCycle(Direction direction, List<Revision> plan, Phase phase) throws CycleFailed {
        try {
            return session.run(direction, plan);
        } catch (StatementFailedException e) {
            Revision revision = graph.find(e.revisionId()).orElseThrow();
            add(Severity.ERROR, phase, null, Messages.statementFailed(phase.label() + " (at " + Messages.name(revision)
                    + ")", revision, e));
            throw new CycleFailed();
        }
    }

    private void compare(String revisionId, Phase phase, String subject, Comparison comparison, Observation expected,
            Observation actual) {
        for (SnapshotDiff.Difference difference : SnapshotDiff.between(expected.snapshot(), actual.snapshot())) {
            Severity severity = difference.positionOnly() && !options.strict() ? Severity.WARNING : Severity.ERROR;
            add(severity, phase, revisionId, Messages.difference(subject, comparison, difference));
        }
    }

    private void checkHistory(Revision revision, Phase phase, String subject, Observation observed) {
        historyAgrees(phase, subject, List.copyOf(appliedIds), observed, revision.id());
    }

    private void historyAgrees(Phase phase, String subject, List<String> expected, Observation observed, String revisionId) {
        String problem = Messages.history(subject, expected, observed.history());
        if (problem != null) {
            add(Severity.ERROR, phase, revisionId, problem);
        }
    }

    private VerifyResult.Row row(Revision revision, long up, long down, long reup, int errorsBefore) {
        boolean failed = errorCount() > errorsBefore;
        boolean warned = findings.stream().anyMatch(f -> revision.id().equals(f.revisionId())
                && f.severity() == Severity.WARNING);
        return new VerifyResult.Row(Messages.name(revision), revision.id(), up, down, reup,
                failed ? "FAILED" : warned ? "warning" : "ok");
    }

    private static List<String> prerequisites(Revision revision) {
        List<String> ids = new ArrayList<>(revision.parents());
        ids.addAll(revision.dependsOn());
        return ids;
    }

    private static Set<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).collect(Collectors.toSet());
    }

    private boolean isError(String revisionId, Phase phase) {
        return findings.stream().anyMatch(f -> f.isError() && Phase.of(f) == phase && revisionId.equals(f.revisionId()));
    }

    private int errorCount() {
        return (int) findings.stream().filter(Finding::isError).count();
    }

    private void add(Severity severity, Phase phase, String revisionId, String message) {
        findings.add(Finding.check(severity, phase.label(), revisionId, message));
    }

    private static String describe(Observation observation) {
        List<String> things = observation.snapshot().userObjects().stream().limit(3).map(DbObject::display)
                .collect(Collectors.toCollection(ArrayList::new));
        if (!observation.history().isEmpty()) {
            things.add(0, "a history table listing " + observation.history().size() + " revisions");
        }
        int more = observation.snapshot().userObjects().size() - 3;
        return String.join(", ", things) + (more > 0 ? " and " + more + " more" : "");
    }
}
