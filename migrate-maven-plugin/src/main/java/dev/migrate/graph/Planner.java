package dev.migrate.graph;

import dev.migrate.revision.Revision;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns a target and the applied revisions into a plan. Works on sets of positions in the run
 * order, so the steps of a plan come out in run order (or its reverse) by construction.
 */
final class Planner {

    private static final int LISTED = 10;

    private final RevisionGraph graph;
    /** What counts as applied: the history's rows, with squashes counted both ways (see {@link Squashes}). */
    private final BitSet applied;
    /** What the history records. */
    private final BitSet recorded;
    private final Squashes squashes;

    Planner(RevisionGraph graph, Set<String> appliedIds) {
        this.graph = graph;
        this.squashes = graph.squashes();
        BitSet applied = new BitSet(graph.size());
        Set<String> unknown = new TreeSet<>();
        for (String id : appliedIds) {
            int position = graph.positionOrMissing(id);
            if (position < 0) {
                unknown.add(id);
            } else {
                applied.set(position);
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownAppliedRevisionException(List.copyOf(unknown));
        }
        this.recorded = applied;
        this.applied = squashes.counted(applied);
    }

    Plan upgrade(Target target) {
        if (target instanceof Target.Head) {
            int head = singleHead();
            return head < 0 ? up(new BitSet()) : up(withAncestors(head));
        }
        if (target instanceof Target.Heads) {
            BitSet pending = new BitSet(graph.size());
            pending.set(0, graph.size());
            return up(pending);
        }
        if (target instanceof Target.Revision revision) {
            return up(withAncestors(resolve(revision)));
        }
        if (target instanceof Target.BranchHead branch) {
            return up(withAncestors(branchHead(branch.label())));
        }
        if (target instanceof Target.Relative relative && relative.steps() > 0) {
            return up(firstPending(relative.steps()));
        }
        throw new InvalidTargetException("'" + target + "' moves the database down; run migrate:downgrade"
                + " for it (upgrade accepts head, heads, an id, +N and <label>@head)");
    }

    Plan downgrade(Target target, boolean runsSql) {
        Plan plan;
        if (target instanceof Target.Base) {
            plan = down(applied);
        } else if (target instanceof Target.Revision revision) {
            plan = down(appliedAbove(resolve(revision)));
        } else if (target instanceof Target.BranchHead branch) {
            plan = down(appliedAbove(branchHead(branch.label())));
        } else if (target instanceof Target.Relative relative && relative.steps() < 0) {
            plan = down(lastApplied(-relative.steps()));
        } else {
            throw new InvalidTargetException("'" + target + "' moves the database up; run migrate:upgrade"
                    + " for it (downgrade accepts base, an id, -N and <label>@head)");
        }
        if (runsSql) {
            for (Revision step : plan.steps()) {
                if (step.isIrreversible()) {
                    throw new IrreversibleRevisionException(step);
                }
            }
        }
        return plan;
    }

    Plan stamp(Target target) {
        if (target instanceof Target.Base) {
            return down(applied);
        }
        if (target instanceof Target.Relative relative && relative.steps() < 0) {
            return downgrade(target, false);
        }
        if (target instanceof Target.Revision revision) {
            int position = resolve(revision);
            return applied.get(position) ? down(appliedAbove(position)) : up(withAncestors(position));
        }
        return upgrade(target);
    }

    /** The position a revision target leads to; a squash's leads to the end of its range. */
    private int resolve(Target.Revision revision) {
        return squashes.target(graph.position(graph.resolve(revision.idOrPrefix())));
    }

    /**
     * The pending revisions among {@code positions}, in run order, where a squash runs instead of
     * the revisions it replaces when all of them are pending and no other pending revision needs
     * one of them halfway through the range.
     */
    private Plan up(BitSet positions) {
        BitSet pending = (BitSet) positions.clone();
        pending.andNot(applied);
        Map<Integer, Integer> instead = new HashMap<>();
        for (Squashes.Entry entry : squashes.entries()) {
            pending.clear(entry.squash());
            if (Squashes.contains(pending, entry.replaced()) && !neededHalfway(entry, pending)) {
                pending.andNot(entry.replaced());
                pending.set(entry.last());
                instead.put(entry.last(), entry.squash());
            }
        }
        List<Revision> steps = new ArrayList<>(pending.cardinality());
        for (int p = pending.nextSetBit(0); p >= 0; p = pending.nextSetBit(p + 1)) {
            steps.add(graph.at(instead.getOrDefault(p, p)));
        }
        return new Plan(Direction.UP, steps);
    }

    /** A pending revision outside the range needs a replaced revision other than the range's end. */
    private boolean neededHalfway(Squashes.Entry entry, BitSet pending) {
        for (int p = pending.nextSetBit(0); p >= 0; p = pending.nextSetBit(p + 1)) {
            if (entry.replaced().get(p)) {
                continue;
            }
            for (int needed : graph.prerequisitesOf(p)) {
                if (needed != entry.last() && entry.replaced().get(needed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The applied revisions among {@code positions}, newest first. A database built by a squash
     * goes down through the squash's downgrade, so only as a whole; one built by the chain goes
     * down through the chain, and its squash, counted only, goes with it.
     */
    private Plan down(BitSet positions) {
        BitSet removed = (BitSet) positions.clone();
        removed.and(applied);
        Map<Integer, Integer> instead = new HashMap<>();
        for (Squashes.Entry entry : squashes.entries()) {
            boolean touched = removed.get(entry.squash()) || removed.intersects(entry.replaced());
            if (!touched) {
                continue;
            }
            if (Squashes.ranSquash(entry, recorded)) {
                if (!Squashes.contains(removed, entry.replaced())) {
                    throw new InvalidTargetException("the database was built by the squash " + graph.at(
                            entry.squash()).describe() + ", which can only be undone as a whole; downgrade to its"
                            + " parent (" + parentsOf(graph.at(entry.squash())) + ") or below, then upgrade to the"
                            + " revision wanted, which runs the revisions it replaces");
                }
                removed.andNot(entry.replaced());
                removed.set(entry.last());
                instead.put(entry.last(), entry.squash());
            }
            // a run squash goes down in its range's place; a counted one has no row and nothing to undo
            removed.clear(entry.squash());
        }
        List<Revision> steps = new ArrayList<>(removed.cardinality());
        for (int p = removed.length() - 1; p >= 0; p = removed.previousSetBit(p - 1)) {
            steps.add(graph.at(instead.getOrDefault(p, p)));
        }
        return new Plan(Direction.DOWN, steps);
    }

    private static String parentsOf(Revision revision) {
        return revision.isRoot() ? "base" : String.join(", ", revision.parents());
    }

    private BitSet withAncestors(int position) {
        BitSet positions = graph.ancestorsOf(position);
        positions.set(position);
        return positions;
    }

    /** What downgrading to {@code position} removes: the applied revisions that need it. */
    private BitSet appliedAbove(int position) {
        if (!applied.get(position)) {
            throw new InvalidTargetException("revision " + graph.at(position).describe() + " is not applied, so the"
                    + " database cannot be downgraded to it; " + appliedSummary()
                    + ". Downgrade to an applied revision, or upgrade to this one.");
        }
        BitSet above = graph.descendantsOf(position);
        above.and(applied);
        return above;
    }

    /**
     * The first {@code count} pending revisions in run order. Run order puts every revision after
     * what it needs, so each of them needs only applied revisions or earlier ones of these.
     */
    private BitSet firstPending(int count) {
        BitSet pending = new BitSet(graph.size());
        pending.set(0, graph.size());
        pending.andNot(applied);
        int available = pending.cardinality();
        if (available < count) {
            throw new InvalidTargetException("'+" + count + "' asks for " + count + " revisions but only " + available
                    + (available == 1 ? " revision is" : " revisions are") + " pending; use 'heads' to apply them all");
        }
        BitSet first = new BitSet(graph.size());
        for (int p = pending.nextSetBit(0), taken = 0; taken < count; p = pending.nextSetBit(p + 1), taken++) {
            first.set(p);
        }
        return first;
    }

    /** The last {@code count} applied revisions in run order, refused if a remaining one needs any of them. */
    private BitSet lastApplied(int count) {
        int available = applied.cardinality();
        if (available < count) {
            throw new InvalidTargetException("'-" + count + "' asks to remove " + count + " revisions but only "
                    + available + (available == 1 ? " revision is" : " revisions are")
                    + " applied; use 'base' to remove them all");
        }
        BitSet last = new BitSet(graph.size());
        for (int p = applied.length() - 1, taken = 0; taken < count; p = applied.previousSetBit(p - 1), taken++) {
            last.set(p);
        }
        BitSet staying = (BitSet) applied.clone();
        staying.andNot(last);
        for (int p = staying.nextSetBit(0); p >= 0; p = staying.nextSetBit(p + 1)) {
            for (int needed : graph.prerequisitesOf(p)) {
                if (last.get(needed)) {
                    throw new InvalidTargetException("'-" + count + "' would remove " + graph.at(needed).describe()
                            + " but " + graph.at(p).describe() + " stays applied and needs it; downgrade to a"
                            + " revision id instead");
                }
            }
        }
        return last;
    }

    /** The only head, -1 for an empty graph. */
    private int singleHead() {
        List<Revision> heads = graph.heads();
        if (heads.size() > 1) {
            List<String> ids = heads.stream().map(Revision::id).toList();
            throw new MultipleHeadsException(ids, "'head' is ambiguous: there are " + heads.size() + " heads: "
                    + RevisionGraph.describeAll(heads) + ". Upgrade to 'heads' to apply every branch, to one head's"
                    + " id, or to <label>@head for a labelled branch; or join them with a merge revision whose header"
                    + " says '-- parents: " + String.join(", ", ids) + "'.");
        }
        return heads.isEmpty() ? -1 : graph.position(heads.get(0));
    }

    private int branchHead(String label) {
        List<Revision> heads = graph.branchHeads(label);
        if (heads.size() > 1) {
            List<String> ids = heads.stream().map(Revision::id).toList();
            throw new MultipleHeadsException(ids, "'" + label + "@head' is ambiguous: branch '" + label + "' has "
                    + heads.size() + " heads: " + RevisionGraph.describeAll(heads) + ". Target one of them by id, or"
                    + " join them with a merge revision whose header says '-- parents: " + String.join(", ", ids)
                    + "'.");
        }
        return graph.position(heads.get(0));
    }

    private String appliedSummary() {
        int count = applied.cardinality();
        if (count == 0) {
            return "nothing is applied";
        }
        String listed = applied.stream().limit(LISTED).mapToObj(p -> graph.at(p).id()).collect(Collectors.joining(", "));
        return "applied: " + listed + (count > LISTED ? " and " + (count - LISTED) + " more" : "");
    }
}
