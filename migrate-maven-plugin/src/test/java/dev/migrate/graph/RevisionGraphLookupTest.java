package dev.migrate.graph;

import static dev.migrate.graph.Fixture.graph;
import static dev.migrate.graph.Fixture.id;
import static dev.migrate.graph.Fixture.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.revision.Revision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding revisions by id, prefix and relation. */
class RevisionGraphLookupTest {

    final RevisionGraph graph = graph(
            revision("20250101000000"),
            revision("20260101000000").parents("20250101000000"),
            revision("20260102000000").parents("20260101000000"),
            revision("20270101000000").parents("20260102000000"));

    @Test
    void findsOnlyExactIds() {
        assertThat(graph.find("20260101000000")).map(Revision::id).hasValue("20260101000000");
        assertThat(graph.find("2026")).isEmpty();
    }

    @Test
    void resolvesAUniquePrefix() {
        assertThat(graph.resolve("2025").id()).isEqualTo("20250101000000");
        assertThat(graph.resolve("202601020").id()).isEqualTo("20260102000000");
    }

    @Test
    void prefersAnExactIdOverLongerIdsItPrefixes() {
        RevisionGraph uneven = graph(revision("1"), revision("12").parents("1"));
        assertThat(uneven.resolve("1").id()).isEqualTo("1");
    }

    @Test
    void refusesAnAmbiguousPrefixNamingEveryCandidate() {
        assertThatThrownBy(() -> graph.resolve("2026"))
                .isInstanceOfSatisfying(AmbiguousRevisionException.class,
                        e -> assertThat(e.candidates()).containsExactly("20260101000000", "20260102000000"))
                .hasMessageContainingAll("'2026'", "20260101000000", "20260102000000");
    }

    @Test
    void refusesAnUnknownIdPointingAtHistory() {
        assertThatThrownBy(() -> graph.resolve("2030")).isInstanceOf(UnknownRevisionException.class)
                .hasMessageContainingAll("'2030'", "migrate:history");
        assertThatThrownBy(() -> graph.upgradePlan(Target.parse("2030"), java.util.Set.of()))
                .isInstanceOf(UnknownRevisionException.class);
    }

    @Test
    void refusesRelationsOfAnUnknownId() {
        assertThatThrownBy(() -> graph.children("2030")).isInstanceOf(UnknownRevisionException.class);
        assertThatThrownBy(() -> graph.ancestors(id("Z"))).isInstanceOf(UnknownRevisionException.class);
        assertThatThrownBy(() -> graph.descendants("2030")).isInstanceOf(UnknownRevisionException.class);
    }

    @Test
    void ordersTheSameWhateverTheInputOrder() {
        List<Revision> forwards = graph.ordered();
        RevisionGraph shuffled = graph(
                revision("20270101000000").parents("20260102000000"),
                revision("20260101000000").parents("20250101000000"),
                revision("20250101000000"),
                revision("20260102000000").parents("20260101000000"));
        assertThat(shuffled.ordered()).isEqualTo(forwards);
    }

    @Test
    void breaksTiesBySmallestIdFirst() {
        RevisionGraph roots = graph(revision("C"), revision("A"), revision("D").parents("A"), revision("B"));
        assertThat(Fixture.names(roots.ordered())).isEqualTo("A B C D");
    }
}
