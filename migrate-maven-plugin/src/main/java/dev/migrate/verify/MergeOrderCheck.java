package dev.migrate.verify;

import dev.migrate.scratch.ScratchDatabase;
import dev.migrate.common.Severity;
import dev.migrate.database.Identifier;
import dev.migrate.graph.Direction;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;
import dev.migrate.run.StatementFailedException;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.SnapshotDiff;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Merge order: for every merge revision and every pair of its parents, the two branches are applied
 * from their common ancestor in both orders, each in a database no other merge touched, and the
 * schemas must be the same. Where the dialect can copy a database, the common ancestor is upgraded
 * once in a database of its own, carried forward from merge to merge, and each order runs in a copy.
 */
final class MergeOrderCheck {

    private final RevisionGraph graph;
    private final ScratchDatabase scratch;
    private final Identifier schema;
    private final Identifier table;
    private final FindingSink sink;
    /** Whether a column order that depends on the branches' order is an error, as everywhere else in verify. */
    private final boolean strict;
    private long nanos;
    /**
     * The common ancestors of the last merge checked, upgraded in a database of their own and never
     * touched by a branch: the next merge whose common ancestors start with the same revisions upgrades
     * only the rest in it, and both orders run in copies of it. Null when there is none.
     */
    private ScratchDatabase ancestor;
    /** The revisions {@link #ancestor} holds, in the order they ran. */
    private List<Revision> ancestorHolds = List.of();

    MergeOrderCheck(RevisionGraph graph, ScratchDatabase scratch, Identifier schema, Identifier table, FindingSink sink,
            boolean strict) {
        this.strict = strict;
        this.graph = graph;
        this.scratch = scratch;
        this.schema = schema;
        this.table = table;
        this.sink = sink;
    }

    /** Checks every merge whose revisions all upgraded in the stairway ({@code blocked} holds those that did not). */
    void run(Set<String> blocked) {
        long started = System.nanoTime();
        try {
            for (Revision merge : graph.ordered()) {
                if (!merge.isMerge()) {
                    continue;
                }
                if (!scratch.canRebuild()) {
                    sink.add(Severity.INFO, Phase.MERGE_ORDER, merge.id(), "merge order of " + Messages.name(merge)
                            + " not checked: verify makes the databases it needs only when migrate.verifyUrl is unset");
                    continue;
                }
                List<String> parents = merge.parents();
                for (int i = 0; i < parents.size(); i++) {
                    for (int j = i + 1; j < parents.size(); j++) {
                        pair(merge, parents.get(i), parents.get(j), blocked);
                    }
                }
            }
        } finally {
            dropAncestor();
            nanos += System.nanoTime() - started;
        }
    }

    long millis() {
        return nanos / 1_000_000;
    }

    private void pair(Revision merge, String a, String b, Set<String> blocked) {
        Set<String> upToA = withAncestors(a);
        Set<String> upToB = withAncestors(b);
        List<Revision> common = graph.ordered().stream().filter(r -> upToA.contains(r.id()) && upToB.contains(r.id()))
                .toList();
        List<Revision> branchA = graph.ordered().stream().filter(r -> upToA.contains(r.id()) && !upToB.contains(r.id()))
                .toList();
        List<Revision> branchB = graph.ordered().stream().filter(r -> upToB.contains(r.id()) && !upToA.contains(r.id()))
                .toList();
        String subject = "merge order of " + Messages.name(merge) + ": branch " + describe(branchA) + " and branch "
                + describe(branchB);
        if (branchA.isEmpty() || branchB.isEmpty()) {
            return; // one parent is an ancestor of the other: there is only one order
        }
        String failed = concat(common, branchA, branchB).stream().map(Revision::id).filter(blocked::contains)
                .findFirst().orElse(null);
        if (failed != null) {
            sink.add(Severity.INFO, Phase.MERGE_ORDER, merge.id(), subject + " not checked: the upgrade of " + failed
                    + " failed");
            return;
        }
        List<Revision> ab = concat(common, branchA, branchB);
        List<Revision> ba = concat(common, branchB, branchA);
        if (!runnable(ab) || !runnable(ba)) {
            sink.add(Severity.INFO, Phase.MERGE_ORDER, merge.id(), subject + " not checked: a revision of one branch"
                    + " depends on the other branch, so only one order can run");
            return;
        }
        if (!ancestorAt(common, merge, subject)) {
            return;
        }
        SchemaSnapshot first;
        SchemaSnapshot second;
        // one order in each of two copies of the common ancestor, which stays as it is for the next merge
        Optional<ScratchDatabase> copy = ancestor.copy();
        if (copy.isPresent()) {
            ScratchDatabase other = copy.get();
            ScratchDatabase own = null;
            try {
                own = ancestor.copy().orElseThrow();
                second = apply(other, false, common, branchB, branchA, merge, subject);
                first = apply(own, false, common, branchA, branchB, merge, subject);
            } finally {
                // dropped while the next merge runs (a drop waits for the server's files to go)
                scratch.discard(other);
                if (own != null) {
                    scratch.discard(own);
                }
            }
        } else {
            // the dialect cannot copy: the other order in a new database, this one in the ancestor's, used up
            try (ScratchDatabase other = scratch.sibling(); ScratchDatabase own = ancestor) {
                ancestor = null;
                second = apply(other, true, common, branchB, branchA, merge, subject);
                first = apply(own, false, common, branchA, branchB, merge, subject);
            }
        }
        if (first == null || second == null) {
            return;
        }
        List<SnapshotDiff.Difference> all = SnapshotDiff.between(first, second);
        // a column order alone is a warning, as in the stairway: the columns are the same, only SELECT * differs
        List<SnapshotDiff.Difference> differences = all.stream().filter(d -> !d.positionOnly()).toList();
        for (SnapshotDiff.Difference d : all) {
            if (d.positionOnly()) {
                sink.add(strict ? Severity.ERROR : Severity.WARNING, Phase.MERGE_ORDER, merge.id(), subject
                        + " leave the columns of " + d.object().display() + " in an order that depends on which"
                        + " runs first: " + d.expected() + " with " + describe(branchA) + " first, " + d.actual()
                        + " with " + describe(branchB) + " first; only SELECT * and INSERT without a column list"
                        + " see the difference (an error with migrate.verify.strict)");
            }
        }
        if (differences.isEmpty()) {
            return;
        }
        String what = differences.stream().map(d -> d.object().display() + (d.isExtra() ? " (only when "
                + describe(branchB) + " runs first)" : d.isMissing() ? " (only when " + describe(branchA)
                + " runs first)" : ": " + String.join(" with " + describe(branchA) + " first, ",
                SnapshotDiff.contrast(d.expected(), d.actual())) + " with " + describe(branchB) + " first"))
                .collect(Collectors.joining("; "));
        sink.add(Severity.ERROR, Phase.MERGE_ORDER, merge.id(), subject + " give different schemas depending on"
                + " which runs first: " + what + ". Deployments that applied the branches in different orders"
                + " end up different; make the branches independent, or make one depend on the other");
    }

    /**
     * Brings {@link #ancestor} to {@code common}: upgrading only what it lacks when it holds a first
     * part of {@code common} in the same order (the schema is then what a fresh database upgraded
     * with all of {@code common} has), else in a new database; false, and a finding, when that fails.
     */
    private boolean ancestorAt(List<Revision> common, Revision merge, String subject) {
        boolean reuse = ancestor != null && ancestorHolds.size() <= common.size()
                && common.subList(0, ancestorHolds.size()).equals(ancestorHolds);
        if (!reuse) {
            dropAncestor();
            ancestor = scratch.sibling();
        }
        try (ScratchSession session = new ScratchSession(ancestor, schema, table)) {
            if (!reuse) {
                session.prepare();
            }
            List<Revision> missing = common.subList(reuse ? ancestorHolds.size() : 0, common.size());
            if (!missing.isEmpty()) {
                session.run(Direction.UP, missing);
            }
            ancestorHolds = List.copyOf(common);
            return true;
        } catch (StatementFailedException e) {
            dropAncestor();
            sink.add(Severity.INFO, Phase.MERGE_ORDER, merge.id(), subject + " not checked: the common ancestors"
                    + " do not upgrade in a fresh database (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return false;
        }
    }

    private void dropAncestor() {
        if (ancestor != null) {
            scratch.discard(ancestor);
            ancestor = null;
        }
        ancestorHolds = List.of();
    }

    /**
     * Runs {@code common} (when {@code database} is {@code fresh}, not yet holding it), then
     * {@code first}, then {@code second} in it; the schema, or null when it failed.
     */
    private SchemaSnapshot apply(ScratchDatabase database, boolean fresh, List<Revision> common, List<Revision> first,
            List<Revision> second, Revision merge, String subject) {
        try (ScratchSession session = new ScratchSession(database, schema, table)) {
            List<Revision> plan = new ArrayList<>();
            if (fresh) {
                session.prepare();
                plan.addAll(common);
            }
            plan.addAll(first);
            plan.addAll(second);
            try {
                session.run(Direction.UP, plan);
            } catch (StatementFailedException e) {
                Revision failed = graph.find(e.revisionId()).orElseThrow();
                sink.add(Severity.ERROR, Phase.MERGE_ORDER, merge.id(), Messages.statementFailed(subject + ": applying "
                        + describe(first) + " before " + describe(second) + " (at " + Messages.name(failed) + ")",
                        failed, e) + "; the branches are not independent of each other: make one depend on the other");
                return null;
            }
            return session.observe().snapshot();
        }
    }

    private Set<String> withAncestors(String id) {
        Set<String> ids = graph.ancestors(id).stream().map(Revision::id).collect(Collectors.toCollection(HashSet::new));
        ids.add(id);
        return ids;
    }

    /** Whether every revision's parents and depends-on come before it in {@code plan}. */
    private static boolean runnable(List<Revision> plan) {
        Set<String> done = new LinkedHashSet<>();
        Set<String> inPlan = plan.stream().map(Revision::id).collect(Collectors.toSet());
        for (Revision revision : plan) {
            List<String> needs = new ArrayList<>(revision.parents());
            needs.addAll(revision.dependsOn());
            if (needs.stream().anyMatch(id -> inPlan.contains(id) && !done.contains(id))) {
                return false;
            }
            done.add(revision.id());
        }
        return true;
    }

    private static List<Revision> concat(List<Revision> a, List<Revision> b, List<Revision> c) {
        List<Revision> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    private static String describe(List<Revision> branch) {
        Revision tip = branch.get(branch.size() - 1);
        return branch.size() == 1 ? Messages.name(tip) : Messages.name(branch.get(0)) + ".." + Messages.name(tip);
    }
}
