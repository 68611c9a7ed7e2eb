package dev.migrate.verify;

import dev.migrate.common.Log;
import dev.migrate.common.MigrateException;
import dev.migrate.common.Severity;
import dev.migrate.database.Identifier;
import dev.migrate.graph.Direction;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.revision.Revision;
import dev.migrate.schema.DbObject;
import dev.migrate.scratch.ScratchDatabase;
import dev.migrate.verify.ScratchSession.Observation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of {@code migrate:verify}: the graph's heads and irreversible revisions, then the
 * {@link Stairway} (each revision upgraded, downgraded and upgraded again), the {@link FullCycle}
 * (base, head, base, head) and the checks beside them. Every problem is collected in one
 * {@link Ledger}, so one run reports every broken revision.
 */
public final class Verifier {

    private final RevisionGraph graph;
    private final ScratchSession session;
    private final VerifyOptions options;
    private final Log listener;
    private final Identifier schema;
    private final Identifier table;
    private final Ledger ledger;

    Verifier(RevisionGraph graph, ScratchSession session, VerifyOptions options, Log listener, Identifier schema,
            Identifier table) {
        this.schema = schema;
        this.table = table;
        this.graph = graph;
        this.session = session;
        this.options = options;
        this.listener = listener;
        this.ledger = new Ledger(options.strict());
    }

    /** Runs every check in {@code scratch} and reports what it found. */
    public static VerifyResult verify(RevisionGraph graph, ScratchDatabase scratch, Identifier schema,
            Identifier table, VerifyOptions options, Log listener, SharedLint lint) {
        try (ScratchSession session = new ScratchSession(scratch, schema, table)) {
            return new Verifier(graph, session, options, listener, schema, table).run(lint);
        }
    }

    /** {@code lint}: the run's lint with every rule on, for the lock report; null when lint is off. */
    VerifyResult run(SharedLint lint) {
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
        ProductionChecks production = new ProductionChecks(graph, session, schema, table, options, ledger, lint);
        Stairway stairway = new Stairway(session, production, ledger);
        Observation current = baseline;
        try (Progress progress = Progress.start("stairway", graph.ordered().size(), listener)) {
            for (Revision revision : graph.ordered()) {
                // a squash beside its chain is the other way to the same state: the full cycle's
                // re-upgrade runs it, and is held against the head the chain built here
                if (!graph.isAlternative(revision)) {
                    current = stairway.step(revision, current);
                }
                progress.advance();
            }
        }
        new FullCycle(graph, session, ledger, production).run(baseline, current, stairway);
        if (!session.scratch().canRebuild()) {
            leaveEmpty();
        }
        if (!stairway.stopped()) {
            production.mergeOrder(stairway.blocked());
        }
        return new VerifyResult(session.scratch().description(), ledger.findings(), ledger.rows(),
                Duration.ofNanos(System.nanoTime() - started), null, production.costs());
    }

    private void checkHeads() {
        List<Revision> heads = graph.heads();
        if (heads.size() != options.expectedHeads() && !heads.isEmpty()) {
            String ids = heads.stream().map(Revision::id).collect(Collectors.joining(", "));
            ledger.add(Severity.ERROR, Phase.HEADS, null, "the revisions have " + heads.size() + " heads (" + ids
                    + ") where verify expects " + options.expectedHeads() + ": join them with a merge revision"
                    + " (parents: " + ids + "), or set migrate.verify.heads to " + heads.size());
        }
    }

    private void irreversible(Revision revision) {
        String name = Messages.name(revision);
        if (revision.irreversibleAcknowledged()) {
            ledger.add(Severity.INFO, Phase.DOWNGRADE, revision.id(), name + " is irreversible (its header says so):"
                    + " its downgrade and re-upgrade are not checked");
        } else if (options.allowIrreversible()) {
            ledger.add(Severity.WARNING, Phase.DOWNGRADE, revision.id(), name + " is irreversible (allowed by"
                    + " migrate.verify.allowIrreversible): its downgrade and re-upgrade are not checked");
        } else {
            ledger.add(Severity.ERROR, Phase.DOWNGRADE, revision.id(), name + " has an empty downgrade section, so it"
                    + " cannot be undone: write its downgrade or, if that is on purpose, add '-- irreversible: true' to"
                    + " its header (or set migrate.verify.allowIrreversible)");
        }
    }

    /** A database given by verifyUrl is left as verify found it, so the next run can use it again. */
    private void leaveEmpty() {
        try {
            Set<String> present = new HashSet<>(session.observe().history());
            session.run(Direction.DOWN, graph.downgradePlan(new Target.Base(), present).steps());
        } catch (MigrateException e) {
            ledger.add(Severity.WARNING, Phase.BASE, null, "verify could not empty the database of migrate.verifyUrl"
                    + " again (" + e.getMessage().lines().findFirst().orElse("") + "); empty it by hand before the"
                    + " next run");
        }
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
