package dev.migrate.verify;

import dev.migrate.common.Severity;
import dev.migrate.database.HistoryIds;
import dev.migrate.graph.Direction;
import dev.migrate.revision.Revision;
import dev.migrate.run.StatementFailedException;
import dev.migrate.verify.Messages.Comparison;
import dev.migrate.verify.ScratchSession.Observation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verify's stairway: each revision upgraded, downgraded and upgraded again, its schema and history
 * compared each time. After a failed or wrong phase the scratch database is brought back to the
 * state the next revision expects, rebuilt from the upgrades when it must be, so one run reports
 * every broken revision. What it leaves (the revisions applied, those blocked, whether it stopped)
 * is where the full cycle starts.
 */
final class Stairway {

    private final ScratchSession session;
    private final ProductionChecks production;
    private final Ledger ledger;
    /** Revisions upgraded in the scratch database, in run order. */
    private final List<Revision> applied = new ArrayList<>();
    /**
     * Their ids, sorted: what the history table should list (kept, not sorted after each phase);
     * after a look that agreed, the ids that look saw, so that the next look compares by what changed.
     */
    private HistoryIds appliedIds = HistoryIds.of(List.of());
    /** Revisions whose upgrade failed, and those that need them. */
    private final Set<String> blocked = new HashSet<>();
    private boolean stopped;
    /** Whether the last {@link #downAndUp} failed in its re-upgrade, sharing its transaction, after a right downgrade. */
    private boolean heldArtifact;

    Stairway(ScratchSession session, ProductionChecks production, Ledger ledger) {
        this.session = session;
        this.production = production;
        this.ledger = ledger;
    }

    /** Upgrade, downgrade, re-upgrade one revision; returns the observation the next revision starts from. */
    Observation step(Revision revision, Observation before) {
        String name = Messages.name(revision);
        if (stopped) {
            ledger.row(new VerifyResult.Row(name, revision.id(), -1, -1, -1, "skipped"));
            return before;
        }
        List<String> needs = prerequisites(revision).stream().filter(blocked::contains).toList();
        if (!needs.isEmpty()) {
            blocked.add(revision.id());
            ledger.add(Severity.INFO, Phase.UPGRADE, revision.id(), name + " not checked: it needs "
                    + String.join(", ", needs) + ", whose upgrade failed");
            ledger.row(new VerifyResult.Row(name, revision.id(), -1, -1, -1, "skipped"));
            return before;
        }
        int errorsBefore = ledger.errorCount();
        long up = -1;
        StatementFailedException failure = null;
        try {
            up = session.run(Direction.UP, List.of(revision), production.beforeUpgrade(revision, before.snapshot()));
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
                    ledger.add(Severity.ERROR, Phase.UPGRADE, revision.id(), Messages.failsWithRows(name, revision,
                            withRows));
                } catch (StatementFailedException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            ledger.add(Severity.ERROR, Phase.UPGRADE, revision.id(), Messages.statementFailed("upgrade of " + name,
                    revision, failure));
            blocked.add(revision.id());
            ledger.row(ledger.row(revision, -1, -1, -1, errorsBefore));
            return recover(before);
        }
        Observation afterUp = session.observe();
        production.upgraded(revision, before.snapshot(), afterUp.snapshot());
        applied.add(revision);
        appliedIds = appliedIds.with(revision.id());
        checkHistory(revision, Phase.UPGRADE, "upgrade of " + name, afterUp);
        if (revision.isIrreversible()) {
            ledger.row(new VerifyResult.Row(name, revision.id(), up, -1, -1, ledger.errorCount() > errorsBefore
                    || ledger.isError(revision.id(), Phase.DOWNGRADE) ? "FAILED" : "irreversible"));
            return afterUp;
        }
        // where it can, the downgrade and re-upgrade run in one transaction, rolled back when they go wrong:
        // the database is as after the upgrade again, with no rebuild
        Ledger.Mark mark = ledger.mark();
        boolean held = session.hold(revision);
        Observation next = downAndUp(revision, name, before, afterUp, up, errorsBefore);
        if (held && heldArtifact) {
            // a re-upgrade that failed after a correct downgrade may have failed only for sharing its
            // transaction (an enum value added in it, pending trigger events): checked again on its own
            ledger.rollBackTo(mark);
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
            ledger.add(Severity.ERROR, Phase.DOWNGRADE, revision.id(), Messages.statementFailed("downgrade of " + name,
                    revision, e));
            ledger.row(ledger.row(revision, up, -1, -1, errorsBefore));
            return recover(afterUp);
        }
        Observation afterDown = session.observe();
        ledger.compare(revision.id(), Phase.DOWNGRADE, "downgrade of " + name, Comparison.DOWNGRADE, before, afterDown);
        production.afterDowngrade(revision, afterUp.snapshot(), afterDown.snapshot());
        // the revision just upgraded is the last one applied
        applied.remove(applied.size() - 1);
        appliedIds = appliedIds.without(revision.id());
        checkHistory(revision, Phase.DOWNGRADE, "downgrade of " + name, afterDown);
        applied.add(revision);
        appliedIds = appliedIds.with(revision.id());
        boolean downgradeRight = ledger.errorCount() == errorsBefore;
        boolean sharing = session.holding();
        long reup;
        try {
            reup = session.run(Direction.UP, List.of(revision));
        } catch (StatementFailedException e) {
            heldArtifact = sharing && downgradeRight;
            ledger.add(Severity.ERROR, Phase.REUPGRADE, revision.id(), Messages.statementFailed("re-upgrade of " + name,
                    revision, e));
            ledger.row(ledger.row(revision, up, down, -1, errorsBefore));
            return recover(afterUp);
        }
        Observation afterReup = session.observe();
        production.reupgraded(revision, afterDown.snapshot(), afterReup.snapshot());
        ledger.compare(revision.id(), Phase.REUPGRADE, "re-upgrade of " + name, Comparison.REUPGRADE, afterUp,
                afterReup);
        checkHistory(revision, Phase.REUPGRADE, "re-upgrade of " + name, afterReup);
        ledger.row(ledger.row(revision, up, down, reup, errorsBefore));
        boolean right = afterReup.equals(afterUp);
        boolean keep = right && ledger.errorCount() == errorsBefore;
        if (!keep && session.holding()) {
            production.unknownRows();
        }
        session.release(keep);
        return right ? afterReup : recover(afterUp);
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
            ledger.add(Severity.ERROR, Phase.UPGRADE, null, "verify stopped: a failed phase left the database of"
                    + " migrate.verifyUrl in an unknown state, and verify rebuilds only databases it created itself;"
                    + " fix the errors above, or leave verifyUrl unset, and run it again");
            return now;
        }
        try {
            session.rebuild(applied);
        } catch (StatementFailedException e) {
            stopped = true;
            ledger.add(Severity.ERROR, Phase.UPGRADE, e.revisionId(), "verify stopped: rebuilding the scratch database"
                    + " failed: " + e.getMessage());
        }
        return session.observe();
    }

    private void checkHistory(Revision revision, Phase phase, String subject, Observation observed) {
        ledger.historyAgrees(phase, subject, appliedIds, observed, revision.id());
        if (observed.history() instanceof HistoryIds seen && appliedIds.equals(seen)) {
            appliedIds = seen;
        }
    }

    private static List<String> prerequisites(Revision revision) {
        List<String> ids = new ArrayList<>(revision.parents());
        ids.addAll(revision.dependsOn());
        return ids;
    }

    /** The revisions upgraded in the scratch database, in run order. */
    List<Revision> applied() {
        return Collections.unmodifiableList(applied);
    }

    /** Revisions whose upgrade failed, and those that need them. */
    Set<String> blocked() {
        return Collections.unmodifiableSet(blocked);
    }

    /** Whether a failed phase left the database in a state verify could not recover from. */
    boolean stopped() {
        return stopped;
    }
}
