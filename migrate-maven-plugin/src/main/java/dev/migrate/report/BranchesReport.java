package dev.migrate.report;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Branch points, labelled branches and the heads they lead to. */
final class BranchesReport {

    private BranchesReport() {
    }

    /** Branch points (revisions with several children) with the heads each child leads to, then labelled branches. */
    static List<String> branches(RevisionGraph graph) {
        List<String> lines = new ArrayList<>();
        for (Revision revision : graph.ordered()) {
            List<Revision> children = graph.children(revision.id());
            if (children.size() > 1) {
                lines.add("Branch point " + revision.describe() + ":");
                for (Revision child : children) {
                    lines.add("  -> " + child.describe() + "; head: " + headsFrom(graph, child));
                }
            }
        }
        for (Revision revision : graph.ordered()) {
            for (String label : revision.branchLabels()) {
                lines.add("Branch '" + label + "' starts at " + revision.describe() + "; head: "
                        + headsFrom(graph, revision) + " (target it as " + label + "@head)");
            }
        }
        if (lines.isEmpty()) {
            lines.add("No branches: " + (graph.ordered().isEmpty() ? "there is no revision yet"
                    : "the revisions form a single line up to " + graph.heads().get(0).describe()));
        } else if (graph.heads().size() > 1) {
            lines.add(graph.heads().size() + " heads: " + graph.heads().stream().map(Revision::id)
                    .collect(Collectors.joining(", ")) + " (join them with migrate:merge)");
        }
        return lines;
    }

    /** The heads reached from {@code start} through children, as ids. */
    private static String headsFrom(RevisionGraph graph, Revision start) {
        Set<String> heads = new TreeSet<>();
        ArrayDeque<Revision> todo = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Revision next = todo.pop();
            if (!seen.add(next.id())) {
                continue;
            }
            List<Revision> children = graph.children(next.id());
            if (children.isEmpty()) {
                heads.add(next.id());
            }
            todo.addAll(children);
        }
        return String.join(", ", heads);
    }
}
