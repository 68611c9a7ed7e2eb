package dev.migrate.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.revision.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Long histories must not overflow the stack: every walk is iterative. How long they take is
 * measured in bench/, not here.
 */
class LargeGraphTest {

    static final int SIZE = 10_000;

    static String id(int i) {
        return String.format("2026%010d", i);
    }

    static List<Revision> chain(boolean closed) {
        List<Revision> revisions = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            Fixture.Builder revision = Fixture.revision(id(i));
            if (i > 0) {
                revision.parents(id(i - 1));
            } else if (closed) {
                revision.parents(id(SIZE - 1));
            }
            revisions.add(revision.build());
        }
        return revisions;
    }

    @Test
    void buildsAndPlansALongLinearChain() {
        List<Revision> revisions = chain(false);
        RevisionGraph graph = RevisionGraph.of(revisions);
        assertThat(graph.ordered()).hasSize(SIZE).first().extracting(Revision::id).isEqualTo(id(0));
        assertThat(graph.heads()).extracting(Revision::id).containsExactly(id(SIZE - 1));
        assertThat(graph.upgradePlan(new Target.Head(), Set.of()).steps()).hasSize(SIZE);
        Set<String> all = revisions.stream().map(Revision::id).collect(Collectors.toSet());
        assertThat(graph.downgradePlan(new Target.Base(), all).steps()).hasSize(SIZE)
                .first().extracting(Revision::id).isEqualTo(id(SIZE - 1));
        assertThat(graph.downgradePlan(new Target.Revision(id(0)), all).steps()).hasSize(SIZE - 1);
        assertThat(graph.stampPlan(new Target.Relative(-5), all).steps()).hasSize(5);
        assertThat(graph.ancestors(id(SIZE - 1))).hasSize(SIZE - 1);
        assertThat(graph.descendants(id(0))).hasSize(SIZE - 1);
    }

    @Test
    void findsACycleThroughTenThousandRevisions() {
        List<Revision> revisions = chain(true);
        assertThat(RevisionGraph.problems(revisions, Set.of())).singleElement()
                .satisfies(p -> assertThat(p.message()).contains(id(0) + " -> " + id(1) + " -> ",
                        id(SIZE - 1) + " -> " + id(0)));
    }
}
