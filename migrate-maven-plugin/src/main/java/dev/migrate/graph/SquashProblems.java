package dev.migrate.graph;

import dev.migrate.common.Finding;
import dev.migrate.revision.Revision;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the {@code replaces:} headers: a squash stands for a range of revisions that ends in one
 * of them and starts right after the squash's parents, so that running it instead of them leaves
 * the same state; each revision is replaced by at most one squash; the replaced files are either
 * all there or all pruned.
 */
final class SquashProblems {

    private final Map<String, Revision> byId;
    private final Set<String> idsOfBrokenFiles;
    private final List<Finding> problems = new ArrayList<>();

    private SquashProblems(Map<String, Revision> byId, Set<String> idsOfBrokenFiles) {
        this.byId = byId;
        this.idsOfBrokenFiles = idsOfBrokenFiles;
    }

    static List<Finding> of(Map<String, Revision> byId, Set<String> idsOfBrokenFiles) {
        SquashProblems check = new SquashProblems(byId, idsOfBrokenFiles);
        Map<String, Revision> replacedBy = new HashMap<>();
        for (Revision revision : byId.values()) {
            if (revision.isSquash()) {
                check.squash(revision, replacedBy);
            }
        }
        return check.problems;
    }

    private void squash(Revision squash, Map<String, Revision> replacedBy) {
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : squash.replaces()) {
            Revision other = replacedBy.putIfAbsent(id, squash);
            if (other != null) {
                problem(squash, "revision " + id + " is already replaced by " + other.describe() + " in "
                        + other.fileName() + "; a revision can be replaced by one squash only: remove it from one of"
                        + " the 'replaces:' lines");
            }
            if (byId.containsKey(id)) {
                present.add(id);
            } else if (!idsOfBrokenFiles.contains(id)) {
                missing.add(id);
            }
        }
        if (present.isEmpty()) {
            // every replaced file was pruned: the squash is an ordinary revision now
            return;
        }
        if (!missing.isEmpty()) {
            problem(squash, "the squash replaces " + String.join(", ", missing) + ", which " + (missing.size() == 1
                    ? "is not a revision file" : "are not revision files") + ", and " + String.join(", ", present)
                    + ", which " + (present.size() == 1 ? "is" : "are") + "; correct the ids in 'replaces:', or"
                    + " restore the missing files (replaced files are deleted all together, with"
                    + " -Dmigrate.squash.prune=true)");
            return;
        }
        for (String id : present) {
            if (byId.get(id).isSquash()) {
                problem(squash, "the squash replaces " + id + ", which is itself a squash; squash the revisions it"
                        + " replaces (or, once they are pruned, the squash itself) instead");
                return;
            }
        }
        checkRange(squash, present);
        for (Revision other : byId.values()) {
            if (other.parents().contains(squash.id()) || other.dependsOn().contains(squash.id())) {
                problem(other, "names the squash " + squash.id() + " as a parent or depends-on while the revisions"
                        + " it replaces are files; name the last of them instead, " + last(present)
                        + ", which stays the parent of the revisions after the range");
            }
        }
    }

    /** The replaced revisions are exactly what the last one needs beyond what the squash's parents need. */
    private void checkRange(Revision squash, List<String> present) {
        String last = last(present);
        if (last == null) {
            problem(squash, "the revisions in 'replaces:' do not end in one revision that needs all the others;"
                    + " a squash replaces a range from its parent up to one revision (migrate:squash writes it)");
            return;
        }
        Set<String> before = closure(squash.parents());
        Set<String> range = closure(List.of(last));
        range.removeAll(before);
        Set<String> listed = new TreeSet<>(present);
        if (!range.equals(listed)) {
            Set<String> unlisted = new TreeSet<>(range);
            unlisted.removeAll(listed);
            Set<String> outside = new TreeSet<>(listed);
            outside.removeAll(range);
            problem(squash, "'replaces:' is not the range from the squash's parents ("
                    + (squash.isRoot() ? "base" : String.join(", ", squash.parents())) + ") to " + last
                    + (unlisted.isEmpty() ? "" : "; it leaves out " + String.join(", ", unlisted))
                    + (outside.isEmpty() ? "" : "; it lists " + String.join(", ", outside) + ", which "
                            + (squash.isRoot() ? "is not needed by " + last : "the parents already need"))
                    + "; list exactly the revisions of the range, or write the squash again with migrate:squash");
        }
    }

    /**
     * The replaced revision that needs all the others, or null when there is none. Only one that no
     * other replaced revision names as a parent or depends-on can need them all (short of a cycle,
     * reported on its own), so those are asked first: one walk for a well-formed squash, not one per
     * replaced revision; the others are asked only when none of those needs them all.
     */
    private String last(List<String> present) {
        Set<String> named = new HashSet<>();
        for (String id : present) {
            named.addAll(byId.get(id).parents());
            named.addAll(byId.get(id).dependsOn());
        }
        for (boolean namedByAnother : new boolean[] {false, true}) {
            for (String candidate : present) {
                if (named.contains(candidate) == namedByAnother && closure(List.of(candidate)).containsAll(present)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** The given revisions and everything they need, through parents and depends-on. */
    private Set<String> closure(List<String> start) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            Revision revision = byId.get(id);
            if (!seen.add(id) || revision == null) {
                continue;
            }
            todo.addAll(revision.parents());
            todo.addAll(revision.dependsOn());
        }
        return seen;
    }

    private void problem(Revision revision, String message) {
        int line = revision.replacesLine() > 0 ? revision.replacesLine() : revision.parentsLine();
        problems.add(Finding.problem(revision.file(), line, message));
    }
}
