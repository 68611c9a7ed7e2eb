package dev.migrate.graph;

import dev.migrate.revision.Revision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Revisions numbered by their position in a list, with the edges between them as arrays of
 * numbers: for each revision, the revisions it needs (parents and depends-on, known ones only,
 * each once) and the revisions that need it. Arrays keep 10,000-revision graphs cheap to walk.
 */
final class EdgeIndex {

    final List<Revision> revisions;
    final Map<String, Integer> index;
    final int[][] prerequisites;
    final int[][] dependents;

    EdgeIndex(List<Revision> revisions) {
        this.revisions = List.copyOf(revisions);
        int n = revisions.size();
        index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(revisions.get(i).id(), i);
        }
        // a squash whose replaced files were pruned stands for them: revisions after the range still
        // name its last replaced revision as their parent, and the history may still hold their ids
        for (int i = 0; i < n; i++) {
            Revision revision = revisions.get(i);
            if (revision.isSquash() && revision.replaces().stream().noneMatch(index::containsKey)) {
                for (String replaced : revision.replaces()) {
                    index.putIfAbsent(replaced, i);
                }
            }
        }
        prerequisites = new int[n][];
        int[] dependentCount = new int[n];
        for (int i = 0; i < n; i++) {
            prerequisites[i] = knownReferences(revisions.get(i));
            for (int j : prerequisites[i]) {
                dependentCount[j]++;
            }
        }
        dependents = new int[n][];
        for (int i = 0; i < n; i++) {
            dependents[i] = new int[dependentCount[i]];
        }
        int[] filled = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j : prerequisites[i]) {
                dependents[j][filled[j]++] = i;
            }
        }
    }

    int size() {
        return revisions.size();
    }

    private int[] knownReferences(Revision revision) {
        return Stream.concat(revision.parents().stream(), revision.dependsOn().stream())
                .map(index::get)
                .filter(Objects::nonNull)
                .distinct()
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
