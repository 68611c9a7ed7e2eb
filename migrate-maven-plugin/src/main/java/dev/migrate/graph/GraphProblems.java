package dev.migrate.graph;

import dev.migrate.common.Finding;
import dev.migrate.revision.Revision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds everything that keeps revisions from forming a graph: duplicate ids, references to
 * revisions that do not exist, cycles and clashing branch labels. It reports all of them at once.
 */
final class GraphProblems {

    private static final Set<String> KEYWORDS = Set.of("head", "heads", "base");

    private final List<Finding> problems = new ArrayList<>();
    private final Set<String> idsOfBrokenFiles;
    private final Suggestions suggestions;
    /** The revision that keeps each id: the first file by name when several share it. */
    private final Map<String, Revision> byId;

    private GraphProblems(Map<String, Revision> byId, Set<String> idsOfBrokenFiles) {
        this.byId = byId;
        this.idsOfBrokenFiles = idsOfBrokenFiles;
        this.suggestions = new Suggestions(byId.keySet());
    }

    static List<Finding> of(List<Revision> revisions, Set<String> idsOfBrokenFiles) {
        Map<String, List<Revision>> sameId = new LinkedHashMap<>();
        for (Revision revision : revisions) {
            sameId.computeIfAbsent(revision.id(), id -> new ArrayList<>(1)).add(revision);
        }
        Map<String, Revision> byId = new TreeMap<>();
        List<List<Revision>> duplicates = new ArrayList<>();
        for (Map.Entry<String, List<Revision>> entry : sameId.entrySet()) {
            List<Revision> group = entry.getValue();
            if (group.size() > 1) {
                group.sort(Comparator.comparing(r -> r.file().toString()));
                duplicates.add(group);
            }
            byId.put(entry.getKey(), group.get(0));
        }
        GraphProblems check = new GraphProblems(byId, idsOfBrokenFiles == null ? Set.of() : idsOfBrokenFiles);
        duplicates.forEach(check::duplicateId);
        revisions.forEach(check::unknownReferences);
        check.branchLabels();
        check.tags();
        check.problems.addAll(SquashProblems.of(byId, check.idsOfBrokenFiles));
        check.cycles();
        Collections.sort(check.problems);
        return List.copyOf(check.problems);
    }

    private void duplicateId(List<Revision> group) {
        Revision kept = group.get(0);
        for (Revision other : group.subList(1, group.size())) {
            problems.add(Finding.problem(other.file(), other.parentsLine(), "revision id " + other.id() + " is used by both "
                    + kept.fileName() + " and " + other.fileName() + "; every revision needs its own id: rename one of"
                    + " the files with a new timestamp (and update any parents or depends-on that name it)"));
        }
    }

    private void unknownReferences(Revision revision) {
        for (String parent : revision.parents()) {
            if (isUnknown(parent)) {
                problems.add(Finding.problem(revision.file(), revision.parentsLine(), "parent " + parent
                        + " is not a known revision" + suggestions.hint(parent) + "; name the full id of an existing"
                        + " revision file, or write 'parents: base' for a root revision"));
            }
        }
        for (String dependency : revision.dependsOn()) {
            if (isUnknown(dependency)) {
                problems.add(Finding.problem(revision.file(), revision.dependsOnLine(), "depends-on " + dependency
                        + " is not a known revision" + suggestions.hint(dependency) + "; name the full id of an"
                        + " existing revision file, or remove it from depends-on"));
            }
        }
    }

    /** An id a squash replaces stands for the squash once its file is pruned. */
    private boolean isUnknown(String id) {
        return !byId.containsKey(id) && !idsOfBrokenFiles.contains(id)
                && byId.values().stream().noneMatch(revision -> revision.replaces().contains(id));
    }

    private void branchLabels() {
        Map<String, Revision> owners = new HashMap<>();
        for (Revision revision : byId.values()) {
            for (String label : revision.branchLabels()) {
                if (KEYWORDS.contains(label.toLowerCase(Locale.ROOT))) {
                    problems.add(Finding.problem(revision.file(), revision.parentsLine(), "branch label '" + label
                            + "' is a target keyword (head, heads, base), so '" + label + "@head' would be"
                            + " ambiguous; choose another label"));
                } else if (label.isBlank() || label.indexOf('@') >= 0) {
                    problems.add(Finding.problem(revision.file(), revision.parentsLine(), "branch label '" + label
                            + "' cannot be targeted as <label>@head; use a label without '@' or blanks"));
                }
                Revision owner = owners.putIfAbsent(label, revision);
                if (owner != null) {
                    problems.add(Finding.problem(revision.file(), revision.parentsLine(), "branch label '" + label
                            + "' is already used by " + owner.describe() + " in " + owner.fileName()
                            + "; a label names one branch: choose another label for one of them"));
                }
            }
        }
    }

    private void tags() {
        Map<String, Revision> owners = new HashMap<>();
        for (Revision revision : byId.values()) {
            for (String tag : revision.tags()) {
                Revision owner = owners.putIfAbsent(tag, revision);
                if (owner != null) {
                    problems.add(Finding.problem(revision.file(), revision.tagsLine(), "tag '" + tag + "' is already"
                            + " on " + owner.describe() + " in " + owner.fileName() + " (line " + owner.tagsLine()
                            + "); a tag names one revision: remove it from one of the files, or choose another tag"));
                }
            }
        }
    }

    private void cycles() {
        EdgeIndex edges = new EdgeIndex(List.copyOf(byId.values()));
        for (int[] cycle : Cycles.find(edges.dependents)) {
            Revision start = edges.revisions.get(cycle[0]);
            Revision closing = edges.revisions.get(cycle[cycle.length - 1]);
            StringBuilder path = new StringBuilder();
            for (int node : cycle) {
                path.append(edges.revisions.get(node).id()).append(" -> ");
            }
            path.append(start.id());
            int line = start.parents().contains(closing.id()) ? start.parentsLine() : start.dependsOnLine();
            problems.add(Finding.problem(start.file(), line, "cycle in the revision graph: " + path + " (each revision"
                    + " is a parent or depends-on of the next); remove one of these references so that the"
                    + " revisions can run in an order"));
        }
    }
}
