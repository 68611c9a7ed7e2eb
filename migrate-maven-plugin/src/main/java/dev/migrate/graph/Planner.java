package dev.migrate.graph;

import dev.migrate.revision.Revision;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
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
    private final BitSet applied;

    Planner(RevisionGraph graph, Set<String> appliedIds) {
        this.graph = graph;
        this.applied = new BitSet(graph.size());
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
            return up(withAncestors(graph.position(graph.resolve(revision.idOrPrefix()))));
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
            plan = down(appliedAbove(graph.position(graph.resolve(revision.idOrPrefix()))));
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
            int position = graph.position(graph.resolve(revision.idOrPrefix()));
            return applied.get(position) ? down(appliedAbove(position)) : up(withAncestors(position));
        }
        return upgrade(target);
    }

    private Plan up(BitSet positions) {
        BitSet pending = (BitSet) positions.clone();
        pending.andNot(applied);
        return new Plan(Direction.UP, graph.revisions(pending));
    }

    private Plan down(BitSet positions) {
        BitSet removed = (BitSet) positions.clone();
        removed.and(applied);
        List<Revision> steps = new ArrayList<>(removed.cardinality());
        for (int p = removed.length() - 1; p >= 0; p = removed.previousSetBit(p - 1)) {
            steps.add(graph.at(p));
        }
        return new Plan(Direction.DOWN, steps);
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
