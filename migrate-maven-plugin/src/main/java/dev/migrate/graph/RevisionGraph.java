package dev.migrate.graph;

import dev.migrate.common.Finding;
import dev.migrate.revision.InvalidRevisionsException;
import dev.migrate.revision.Revision;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The revisions and the edges between them (parents and depends-on), valid by construction: no
 * cycle, no unknown parent, no duplicate id. Immutable; plans are computed against a set of
 * applied revision ids.
 *
 * <p>Longer than most classes: the lookups users name (ids, prefixes, tags, heads, branches) and
 * the positional bit-set views {@link Planner} walks share one index built at construction, which
 * is what makes the graph valid by construction; the plans themselves are made by {@link Planner}.
 */
public final class RevisionGraph {

    private static final Comparator<Revision> BY_ID = Comparator.comparing(Revision::id);

    /** Revisions numbered by their run order, so sorting numbers sorts by run order. */
    private final EdgeIndex edges;
    private final String[] sortedIds;
    private final int[][] children;
    private final List<Revision> heads;
    private final List<Revision> bases;
    private final Map<String, Integer> labels;
    private final Map<String, Integer> tags;
    private final Squashes squashes;

    private RevisionGraph(List<Revision> revisions) {
        edges = new EdgeIndex(runOrder(revisions));
        int n = edges.size();
        sortedIds = edges.revisions.stream().map(Revision::id).sorted().toArray(String[]::new);
        List<List<Integer>> childLists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            childLists.add(new ArrayList<>(1));
        }
        labels = new TreeMap<>();
        tags = new TreeMap<>();
        squashes = new Squashes(edges);
        for (int i = 0; i < n; i++) {
            Revision revision = edges.revisions.get(i);
            for (String tag : revision.tags()) {
                tags.put(tag, i);
            }
            if (squashes.isAlternative(i)) {
                // a squash beside the revisions it replaces is another way to the same state, not a branch
                continue;
            }
            for (String parent : revision.parents()) {
                List<Integer> siblings = childLists.get(edges.index.get(parent));
                if (siblings.isEmpty() || siblings.get(siblings.size() - 1).intValue() != i) {
                    siblings.add(i);
                }
            }
            for (String label : revision.branchLabels()) {
                labels.put(label, i);
            }
        }
        children = new int[n][];
        for (int i = 0; i < n; i++) {
            children[i] = childLists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        heads = edges.revisions.stream()
                .filter(r -> children[position(r)].length == 0 && !squashes.isAlternative(position(r)))
                .sorted(BY_ID).toList();
        bases = edges.revisions.stream().filter(Revision::isRoot).sorted(BY_ID).toList();
    }

    /**
     * Builds the graph.
     *
     * @throws dev.migrate.revision.InvalidRevisionsException listing every problem of {@link #problems}
     */
    public static RevisionGraph of(List<Revision> revisions) {
        List<Finding> problems = problems(revisions, Set.of());
        if (!problems.isEmpty()) {
            throw new InvalidRevisionsException(problems);
        }
        return new RevisionGraph(revisions);
    }

    /**
     * Builds the graph of revisions whose {@link #problems} were just found to be none: those of
     * {@link GraphLoader}, which checked them before replacing placeholders, a change of their SQL
     * alone (not asked twice: with a squash of hundreds of revisions the checks are most of the graph's cost).
     */
    static RevisionGraph ofChecked(List<Revision> revisions) {
        return new RevisionGraph(revisions);
    }

    /**
     * Every graph problem among {@code revisions}: duplicate id, unknown parent, unknown
     * depends-on, a cycle (listing its members), a branch label used twice or equal to a target
     * keyword. References to {@code idsOfBrokenFiles} are not reported as unknown: those files
     * exist but failed to parse, and are reported on their own. Problems are sorted by file and line.
     */
    public static List<Finding> problems(List<Revision> revisions, Set<String> idsOfBrokenFiles) {
        return GraphProblems.of(revisions, idsOfBrokenFiles);
    }

    /** Kahn's algorithm, always taking the smallest ready id, so the order never depends on input order. */
    private static List<Revision> runOrder(List<Revision> revisions) {
        EdgeIndex byId = new EdgeIndex(revisions.stream().sorted(BY_ID).toList());
        int n = byId.size();
        int[] waitingFor = new int[n];
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            waitingFor[i] = byId.prerequisites[i].length;
            if (waitingFor[i] == 0) {
                ready.add(i);
            }
        }
        List<Revision> order = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int next = ready.poll();
            order.add(byId.revisions.get(next));
            for (int dependent : byId.dependents[next]) {
                if (--waitingFor[dependent] == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() != n) {
            throw new IllegalStateException("cycle left after validation");
        }
        return order;
    }

    /** Every revision in the deterministic run order: parents and depends-on first, ties broken by id. */
    public List<Revision> ordered() {
        return edges.revisions;
    }

    public Optional<Revision> find(String id) {
        Integer position = edges.index.get(id);
        return position == null ? Optional.empty() : Optional.of(edges.revisions.get(position));
    }

    /**
     * A full id, a release tag ({@code tags:}) or a unique prefix of an id, in that order.
     *
     * @throws UnknownRevisionException when nothing matches
     * @throws AmbiguousRevisionException when several ids match (naming them)
     */
    public Revision resolve(String idOrPrefix) {
        if (idOrPrefix == null || idOrPrefix.isBlank()) {
            throw new UnknownRevisionException("no revision id given (run migrate:history to list them)");
        }
        String wanted = idOrPrefix.strip();
        Optional<Revision> exact = find(wanted);
        if (exact.isPresent()) {
            return exact.get();
        }
        Integer tagged = tags.get(wanted);
        if (tagged != null) {
            return edges.revisions.get(tagged);
        }
        if (!wanted.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new UnknownRevisionException("no revision carries the tag '" + wanted + "' ("
                    + (tags.isEmpty() ? "no revision has a 'tags:' header; add '-- tags: " + wanted + "' to one, or"
                            + " run migrate:tag" : "known tags: " + String.join(", ", tags.keySet())) + ")");
        }
        int from = -Arrays.binarySearch(sortedIds, wanted) - 1;
        List<String> candidates = new ArrayList<>();
        for (int i = from; i < sortedIds.length && sortedIds[i].startsWith(wanted); i++) {
            candidates.add(sortedIds[i]);
        }
        if (candidates.isEmpty()) {
            throw new UnknownRevisionException("no revision '" + wanted + "' (run migrate:history to list them)");
        }
        if (candidates.size() > 1) {
            throw new AmbiguousRevisionException(wanted, candidates);
        }
        return find(candidates.get(0)).orElseThrow();
    }

    /** The release tags and the revisions carrying them, by tag. */
    public Map<String, Revision> tags() {
        Map<String, Revision> byTag = new TreeMap<>();
        tags.forEach((tag, position) -> byTag.put(tag, edges.revisions.get(position)));
        return byTag;
    }

    /**
     * True for a squash whose replaced revisions are still files: another way to the state of its
     * last replaced revision, never a head, never a child of its parent.
     */
    public boolean isAlternative(Revision revision) {
        Integer position = edges.index.get(revision.id());
        return position != null && squashes.isAlternative(position);
    }

    /**
     * What counts as applied given the ids the history records: a squash recorded as applied
     * stands for its replaced revisions, and a squash all of whose replaced revisions are applied
     * counts as applied. Unknown ids are kept as they are.
     */
    public Set<String> countedAsApplied(Set<String> recorded) {
        BitSet positions = new BitSet(size());
        Set<String> out = new java.util.LinkedHashSet<>(recorded);
        for (String id : recorded) {
            Integer position = edges.index.get(id);
            if (position != null) {
                positions.set(position);
            }
        }
        squashes.counted(positions).stream().forEach(p -> out.add(edges.revisions.get(p).id()));
        return out;
    }

    /** Revisions that are no revision's parent, in id order. Depends-on does not end a head. */
    public List<Revision> heads() {
        return heads;
    }

    /** Root revisions ({@code parents: base}), in id order. */
    public List<Revision> bases() {
        return bases;
    }

    /**
     * The revisions that name {@code id} as a parent, in id order.
     *
     * @throws UnknownRevisionException when no revision has that id
     */
    public List<Revision> children(String id) {
        return Arrays.stream(children[positionOf(id)]).mapToObj(edges.revisions::get).sorted(BY_ID).toList();
    }

    /**
     * Every revision that must be applied before {@code id}: its parents and depends-on, theirs,
     * and so on; without {@code id} itself, in run order.
     *
     * @throws UnknownRevisionException when no revision has that id
     */
    public List<Revision> ancestors(String id) {
        return revisions(ancestorsOf(positionOf(id)));
    }

    /**
     * Every revision that needs {@code id} through parents or depends-on, directly or not;
     * without {@code id} itself, in run order.
     *
     * @throws UnknownRevisionException when no revision has that id
     */
    public List<Revision> descendants(String id) {
        return revisions(descendantsOf(positionOf(id)));
    }

    /** The plan that moves the database from {@code applied} to {@code target} going up. */
    public Plan upgradePlan(Target target, Set<String> applied) {
        return new Planner(this, applied).upgrade(target);
    }

    /** The plan that moves the database from {@code applied} to {@code target} going down. */
    public Plan downgradePlan(Target target, Set<String> applied) {
        return new Planner(this, applied).downgrade(target, true);
    }

    /** What {@code stamp} records: a plan in either direction whose steps are recorded, never run. */
    public Plan stampPlan(Target target, Set<String> applied) {
        return new Planner(this, applied).stamp(target);
    }

    // Package-private helpers for Planner; positions are indices into ordered().

    int size() {
        return edges.size();
    }

    Revision at(int position) {
        return edges.revisions.get(position);
    }

    int position(Revision revision) {
        return edges.index.get(revision.id());
    }

    /** Position of a known id; -1 otherwise. */
    int positionOrMissing(String id) {
        Integer position = edges.index.get(id);
        return position == null ? -1 : position;
    }

    private int positionOf(String id) {
        Integer position = id == null ? null : edges.index.get(id);
        if (position == null) {
            throw new UnknownRevisionException("no revision '" + id + "' (run migrate:history to list them)");
        }
        return position;
    }

    Squashes squashes() {
        return squashes;
    }

    int[] prerequisitesOf(int position) {
        return edges.prerequisites[position];
    }

    List<Revision> revisions(BitSet positions) {
        return positions.stream().mapToObj(edges.revisions::get).toList();
    }

    BitSet ancestorsOf(int position) {
        return reachable(position, edges.prerequisites);
    }

    BitSet descendantsOf(int position) {
        return reachable(position, edges.dependents);
    }

    /** The positions reachable from {@code start} (not itself), walked with an explicit stack. */
    private static BitSet reachable(int start, int[][] next) {
        BitSet seen = new BitSet(next.length);
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        stack.push(start);
        while (!stack.isEmpty()) {
            for (int w : next[stack.pop()]) {
                if (!seen.get(w)) {
                    seen.set(w);
                    stack.push(w);
                }
            }
        }
        seen.clear(start);
        return seen;
    }

    /**
     * The heads of the branch that the revision labelled {@code label} starts: heads reached from it
     * through children only, as in Alembic, so a revision elsewhere that merely depends on the
     * branch does not count as one of its heads.
     *
     * @throws UnknownRevisionException naming the known labels when none is {@code label}
     */
    List<Revision> branchHeads(String label) {
        Integer start = labels.get(label);
        if (start == null) {
            throw new UnknownRevisionException("no revision carries the branch label '" + label + "' ("
                    + (labels.isEmpty() ? "no revision has a 'branch:' header"
                            : "known labels: " + String.join(", ", labels.keySet()))
                    + ")");
        }
        BitSet lineage = reachable(start, children);
        lineage.set(start);
        return lineage.stream().filter(p -> children[p].length == 0).mapToObj(edges.revisions::get)
                .sorted(BY_ID).toList();
    }

    static String describeAll(List<Revision> revisions) {
        return revisions.stream().map(Revision::describe).collect(Collectors.joining(", "));
    }
}
