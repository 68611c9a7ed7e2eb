package dev.migrate.graph;

import static dev.migrate.graph.Fixture.TAGS_LINE;
import static dev.migrate.graph.Fixture.build;
import static dev.migrate.graph.Fixture.down;
import static dev.migrate.graph.Fixture.graph;
import static dev.migrate.graph.Fixture.id;
import static dev.migrate.graph.Fixture.revision;
import static dev.migrate.graph.Fixture.stamp;
import static dev.migrate.graph.Fixture.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.common.Finding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Release tags ({@code tags:}) as targets: A &lt;- B (release-1.0) &lt;- C (2026.11, v2) &lt;- D. */
class RevisionGraphTagsTest {

    final RevisionGraph graph = graph(
            revision("A"),
            revision("B").parents("A").tags("release-1.0"),
            revision("C").parents("B").tags("2026.11", "v2"),
            revision("D").parents("C"));

    @Test
    void upgradesToATag() {
        assertThat(up(graph, "release-1.0", "")).isEqualTo("A B");
        assertThat(up(graph, "2026.11", "A")).isEqualTo("B C");
    }

    @Test
    void downgradesToATag() {
        assertThat(down(graph, "release-1.0", "A B C D")).isEqualTo("D C");
    }

    @Test
    void stampsATag() {
        assertThat(stamp(graph, "v2", "A B C D")).isEqualTo("DOWN D");
        assertThat(stamp(graph, "v2", "")).isEqualTo("UP A B C");
    }

    @Test
    void resolvesATagToItsRevision() {
        assertThat(graph.resolve("v2").id()).isEqualTo(id("C"));
        assertThat(graph.tags()).containsOnlyKeys("release-1.0", "2026.11", "v2");
    }

    @Test
    void refusesAnUnknownTagListingTheKnownOnes() {
        assertThatThrownBy(() -> up(graph, "release-2.0", ""))
                .isInstanceOf(UnknownRevisionException.class)
                .hasMessageContaining("'release-2.0'")
                .hasMessageContaining("known tags: 2026.11, release-1.0, v2");
    }

    @Test
    void reportsATagUsedByTwoRevisionsAtTheSecondFilesTagsLine() {
        List<Finding> problems = RevisionGraph.problems(build(
                revision("A").tags("release-1.0"),
                revision("B").parents("A").tags("release-1.0")), Set.of());
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file().toString()).contains(id("B"));
        assertThat(problems.get(0).line()).isEqualTo(TAGS_LINE);
        assertThat(problems.get(0).message()).contains("tag 'release-1.0' is already on " + id("A"));
    }
}
