package dev.migrate.verify;

import dev.migrate.database.HistoryLocation;
import dev.migrate.database.Identifier;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;
import dev.migrate.run.StatementObserver;
import dev.migrate.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks that make verify's scratch database look like production, beside the stairway:
 * synthetic rows (upgrades on tables with rows, rows kept by downgrades), the locks each upgrade
 * statement takes, and merge order. The verifier calls it at fixed points; it keeps their times.
 */
final class ProductionChecks {

    private final ScratchSession session;
    private final RowsCheck rows;
    private final LockReport locks;
    private final MergeOrderCheck mergeOrder;
    private final boolean mergeOrderOn;
    private boolean hadRows;
    /** The statements' words, scanned once for the lock report and the rows check. */
    private final Reach.Scans scans = new Reach.Scans();

    ProductionChecks(RevisionGraph graph, ScratchSession session, Identifier schema, Identifier table,
            VerifyOptions options, FindingSink sink, SharedLint lint) {
        this.session = session;
        HistoryLocation.Stored history = session.historyLocation();
        this.rows = new RowsCheck(session.scratch().dialect().rowSeeder(), options.rows(), options.strict(), sink,
                history.schema(), history.table());
        this.locks = new LockReport(options.locks() ? session.scratch().dialect().lockSampler()
                : dev.migrate.database.LockSampler.UNSUPPORTED, options.failOnLock(), sink, graph,
                session.scratch().dialect().names(), history.schema(), history.table(), scans, lint);
        this.mergeOrderOn = options.mergeOrder();
        this.mergeOrder = new MergeOrderCheck(graph, session.scratch(), schema, table, sink, options.strict());
    }

    /**
     * Fills the tables before the stairway's upgrade of {@code revision}, whose schema is {@code before};
     * returns what watches its statements.
     */
    StatementObserver beforeUpgrade(Revision revision, SchemaSnapshot before) {
        hadRows = false;
        if (locks.enabled()) {
            locks.before(before);
        }
        if (rows.enabled()) {
            session.use("cannot fill its tables with rows", connection -> hadRows = rows.beforeUpgrade(revision,
                    connection));
        }
        return locks.enabled() ? locks : StatementObserver.NONE;
    }

    /** Whether the last upgrade ran with rows in some table. */
    boolean upgradeHadRows() {
        return hadRows;
    }

    /** Deletes every row, for the second try of an upgrade that failed on rows. */
    void emptyTables() {
        session.use("cannot empty its tables", rows::empty);
        hadRows = false;
    }

    /** The stairway's upgrade of {@code revision} took the scratch database from {@code before} to {@code after}. */
    void upgraded(Revision revision, SchemaSnapshot before, SchemaSnapshot after) {
        if (rows.enabled()) {
            Reach reach = scans.of(revision.upgrade().statements(), before, after);
            if (hadRows && !revision.isIrreversible()) {
                session.use("cannot read its tables' rows", connection -> rows.afterUpgrade(connection, reach));
            } else {
                rows.ran(reach);
            }
        }
        if (locks.enabled()) {
            locks.upgraded(revision, rows.counts(), rows.countsById());
        }
    }

    void upgradeFailed() {
        locks.discard();
        rows.unknown();
    }

    /**
     * Before the full cycle runs {@code squash} up and down on its own: fills the empty tables and
     * remembers the rows, as before a revision of the stairway. Returns whether any table holds rows
     * (without, its downgrade has no row to keep).
     */
    boolean beforeSquash(Revision squash) {
        hadRows = false;
        if (rows.enabled()) {
            rows.unknown(); // the full cycle ran plans this check did not see
            session.use("cannot fill its tables with rows", connection -> hadRows = rows.beforeUpgrade(squash,
                    connection));
        }
        return hadRows;
    }

    /** The full cycle's upgrade of {@code squash} on its own took the database from {@code before} to {@code after}. */
    void squashUpgraded(Revision squash, SchemaSnapshot before, SchemaSnapshot after) {
        Reach reach = scans.of(squash.upgrade().statements(), before, after);
        session.use("cannot read its tables' rows", connection -> rows.afterUpgrade(connection, reach));
    }

    /** After a squash's own upgrade and downgrade: the tables {@link #beforeSquash} filled are emptied again. */
    void afterSquash() {
        session.use("cannot empty its tables", rows::emptySeeded);
        hadRows = false;
    }

    /** After the stairway's downgrade of {@code revision}: the rows from before its upgrade must be back. */
    void afterDowngrade(Revision revision, SchemaSnapshot before, SchemaSnapshot after) {
        if (!rows.enabled()) {
            return;
        }
        Reach reach = scans.of(revision.downgrade().statements(), before, after);
        if (hadRows) {
            session.use("cannot read its tables' rows", connection -> rows.afterDowngrade(revision, connection, reach));
        } else {
            rows.ran(reach);
        }
    }

    /** The stairway's re-upgrade of {@code revision} took the database from {@code before} to {@code after}. */
    void reupgraded(Revision revision, SchemaSnapshot before, SchemaSnapshot after) {
        if (rows.enabled()) {
            rows.ran(scans.of(revision.upgrade().statements(), before, after));
        }
    }

    /** The database is not as the phases told here left it (a failure, a rollback, a rebuild): rows are read again. */
    void unknownRows() {
        rows.unknown();
    }

    void mergeOrder(Set<String> blocked) {
        if (mergeOrderOn) {
            mergeOrder.run(blocked);
        }
    }

    /** The time each check added, for the summary. */
    List<VerifyResult.Cost> costs() {
        List<VerifyResult.Cost> costs = new ArrayList<>();
        if (rows.enabled()) {
            costs.add(new VerifyResult.Cost("synthetic rows", rows.millis()));
        }
        if (locks.enabled()) {
            costs.add(new VerifyResult.Cost("lock sampling", locks.millis()));
        }
        if (mergeOrderOn) {
            costs.add(new VerifyResult.Cost(Phase.MERGE_ORDER.label(), mergeOrder.millis()));
        }
        return costs;
    }
}
