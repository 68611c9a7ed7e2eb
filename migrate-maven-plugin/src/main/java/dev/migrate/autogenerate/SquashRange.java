package dev.migrate.autogenerate;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The revisions a squash replaces: {@code to} and what it needs, without {@code from} and what it
 * needs; {@code from} null means base. The revisions before the range are those of {@code from}.
 *
 * @param from the revision the squash follows, or null for base
 * @param to the last revision of the range
 * @param before what a database at {@code from} has applied, in run order
 * @param replaced the range, in run order
 */
record SquashRange(Revision from, Revision to, List<Revision> before, List<Revision> replaced) {

    SquashRange {
        before = List.copyOf(before);
        replaced = List.copyOf(replaced);
    }

    /** Resolves {@code from} (null or blank: base) and {@code to} (an id, prefix or tag) and checks the range. */
    static SquashRange of(RevisionGraph graph, String from, String to) {
        if (to == null || to.isBlank()) {
            throw new SquashException("no end of the range given; add -Dmigrate.to=<id or tag>, for example"
                    + " -Dmigrate.to=head's id or a release tag");
        }
        Revision end = to.strip().equalsIgnoreCase("head") ? singleHead(graph) : graph.resolve(to);
        Revision start = from == null || from.isBlank() || from.strip().equalsIgnoreCase("base") ? null
                : graph.resolve(from);
        Set<String> upTo = closure(graph, end);
        Set<String> below = start == null ? Set.of() : closure(graph, start);
        if (start != null && !upTo.contains(start.id())) {
            throw new SquashException(start.describe() + " is not before " + end.describe() + ", so there is no range"
                    + " from one to the other; give -Dmigrate.from a revision that " + end.id() + " needs");
        }
        if (start != null && start.id().equals(end.id())) {
            throw new SquashException("the range from " + start.id() + " to itself is empty; give -Dmigrate.to a later"
                    + " revision");
        }
        List<Revision> replaced = graph.ordered().stream()
                .filter(r -> upTo.contains(r.id()) && !below.contains(r.id())).toList();
        List<Revision> before = graph.ordered().stream().filter(r -> below.contains(r.id())).toList();
        for (Revision revision : replaced) {
            if (revision.isSquash()) {
                throw new SquashException("the range holds the squash " + revision.describe() + "; squash from its"
                        + " last replaced revision on, or prune its replaced files first");
            }
            for (Revision other : graph.ordered()) {
                if (other.replaces().contains(revision.id())) {
                    throw new SquashException(revision.describe() + " is already replaced by the squash "
                            + other.describe() + "; squash a range after it, or prune that squash's files first");
                }
            }
        }
        return new SquashRange(start, end, before, replaced);
    }

    private static Revision singleHead(RevisionGraph graph) {
        List<Revision> heads = graph.heads();
        if (heads.size() != 1) {
            throw new SquashException("'head' is not one revision: there " + (heads.isEmpty() ? "is no revision"
                    : "are " + heads.size() + " heads") + "; give -Dmigrate.to an id or a tag");
        }
        return heads.get(0);
    }

    private static Set<String> closure(RevisionGraph graph, Revision revision) {
        Set<String> ids = new HashSet<>();
        ids.add(revision.id());
        graph.ancestors(revision.id()).forEach(r -> ids.add(r.id()));
        return ids;
    }

    /** The squash must run outside a transaction when one of the revisions it replaces did. */
    boolean transactional() {
        return replaced.stream().allMatch(Revision::transactional);
    }

    List<String> replacedIds() {
        return replaced.stream().map(Revision::id).toList();
    }
}
