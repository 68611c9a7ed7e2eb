package dev.migrate.graph;

import static dev.migrate.graph.Fixture.applied;
import static dev.migrate.graph.Fixture.build;
import static dev.migrate.graph.Fixture.cell;
import static dev.migrate.graph.Fixture.down;
import static dev.migrate.graph.Fixture.graph;
import static dev.migrate.graph.Fixture.id;
import static dev.migrate.graph.Fixture.names;
import static dev.migrate.graph.Fixture.revision;
import static dev.migrate.graph.Fixture.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.common.Finding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A squash ({@code replaces:}) as an alternative path beside the revisions it replaces. */
class RevisionGraphSquashTest {

    /** A &lt;- B &lt;- C &lt;- D, and S (parents: base) replacing A B C. */
    @Nested
    class SquashOfAChainFromBase {

        final RevisionGraph graph = graph(
                revision("A"),
                revision("B").parents("A"),
                revision("C").parents("B"),
                revision("D").parents("C"),
                revision("S").replaces("A", "B", "C"));

        @Test
        void isNeitherAHeadNorABranch() {
            assertThat(names(graph.heads())).isEqualTo("D");
            assertThat(graph.isAlternative(graph.find(id("S")).orElseThrow())).isTrue();
        }

        @ParameterizedTest(name = "upgrade to {0} from [{1}] runs [{2}]")
        @CsvSource({
            "head,  '',      S D",
            "heads, '',      S D",
            "C,     '',      S",
            "S,     '',      S",
            "B,     '',      A B",
            "head,  A,       B C D",
            "head,  A B,     C D",
            "head,  A B C,   D",
            "head,  A B C D, ''",
            "head,  S,       D",
            "head,  S D,     ''",
            "C,     S,       ''",
            "+1,    '',      A",
        })
        void runsTheSquashOnlyOnADatabaseBeforeTheRange(String target, String applied, String expected) {
            assertThat(up(graph, target, applied)).isEqualTo(cell(expected));
        }

        @ParameterizedTest(name = "downgrade to {0} from [{1}] runs [{2}]")
        @CsvSource({
            "base, S D,     D S",
            "C,    S D,     D",
            "base, A B C D, D C B A",
            "B,    A B C D, D C",
        })
        void downgradesTheWayTheDatabaseWasBuilt(String target, String applied, String expected) {
            assertThat(down(graph, target, applied)).isEqualTo(cell(expected));
        }

        @Test
        void refusesToDowngradeIntoTheRangeOfADatabaseBuiltByTheSquash() {
            assertThatThrownBy(() -> down(graph, "B", "S D"))
                    .isInstanceOf(InvalidTargetException.class)
                    .hasMessageContaining("built by the squash " + id("S"))
                    .hasMessageContaining("downgrade to its parent (base)");
        }

        @Test
        void countsTheSquashAsAppliedWhenEveryReplacedRevisionIs() {
            assertThat(graph.countedAsApplied(applied("A B C"))).contains(id("S"));
            assertThat(graph.countedAsApplied(applied("A B"))).doesNotContain(id("S"));
            assertThat(graph.countedAsApplied(applied("S"))).contains(id("A"), id("B"), id("C"));
        }
    }

    /** A, then B and C from A joined by M, then D; S (parents: A) replaces B C M. */
    @Nested
    class SquashOfARangeWithAMerge {

        final RevisionGraph graph = graph(
                revision("A"),
                revision("B").parents("A"),
                revision("C").parents("A"),
                revision("M").parents("B", "C"),
                revision("D").parents("M"),
                revision("S").parents("A").replaces("B", "C", "M"));

        @ParameterizedTest(name = "upgrade to {0} from [{1}] runs [{2}]")
        @CsvSource({
            "head, '',        A S D",
            "head, A,         S D",
            "head, A B,       C M D",
            "head, A C,       B M D",
            "head, A B C,     M D",
            "head, A B C M,   D",
            "M,    A,         S",
        })
        void runsTheSquashFromTheRangesParent(String target, String applied, String expected) {
            assertThat(up(graph, target, applied)).isEqualTo(cell(expected));
        }

        @Test
        void downgradesASquashBuiltDatabaseToTheRangesParent() {
            assertThat(down(graph, "A", "A S D")).isEqualTo("D S");
        }

        @Test
        void hasOneHeadAndNoBranchAtTheParent() {
            assertThat(names(graph.heads())).isEqualTo("D");
            assertThat(names(graph.children(id("A")))).isEqualTo("B C");
        }
    }

    /** A branch X off B, inside the range A B C replaced by S: a database that needs X runs the chain. */
    @Test
    void runsTheChainWhenARevisionOutsideTheRangeNeedsOneHalfwayThrough() {
        RevisionGraph graph = graph(
                revision("A"),
                revision("B").parents("A"),
                revision("C").parents("B"),
                revision("X").parents("B"),
                revision("S").replaces("A", "B", "C"));
        assertThat(up(graph, "heads", "")).isEqualTo("A B C X");
        assertThat(up(graph, "C", "")).isEqualTo("S");
    }

    /** After prune: S stands alone, D still names C, and a history that holds A B C counts as at S. */
    @Nested
    class PrunedSquash {

        final RevisionGraph graph = graph(
                revision("D").parents("C"),
                revision("S").replaces("A", "B", "C"));

        @Test
        void takesThePrunedIdsAsTheSquash() {
            assertThat(names(graph.ordered())).isEqualTo("S D");
            assertThat(up(graph, "head", "")).isEqualTo("S D");
            assertThat(up(graph, "head", "A B C")).isEqualTo("D");
            assertThat(up(graph, "head", "S")).isEqualTo("D");
            assertThat(graph.resolve(id("C")).id()).isEqualTo(id("S"));
        }
    }

    @Nested
    class Problems {

        @Test
        void reportsReplacesThatIsNotARange() {
            List<Finding> problems = RevisionGraph.problems(build(
                    revision("A"),
                    revision("B").parents("A"),
                    revision("C").parents("B"),
                    revision("S").replaces("A", "C")), Set.of());
            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.file().toString()).contains(id("S"));
                assertThat(problem.line()).isEqualTo(Fixture.REPLACES_LINE);
                assertThat(problem.message()).contains("is not the range").contains("leaves out " + id("B"));
            });
        }

        @Test
        void reportsAPartlyPrunedRange() {
            List<Finding> problems = RevisionGraph.problems(build(
                    revision("B"),
                    revision("C").parents("B"),
                    revision("S").replaces("A", "B", "C")), Set.of());
            assertThat(problems).singleElement().satisfies(problem ->
                    assertThat(problem.message()).contains("replaces " + id("A") + ", which is not a revision file"));
        }

        @Test
        void reportsARevisionNamingTheSquashAsItsParent() {
            List<Finding> problems = RevisionGraph.problems(build(
                    revision("A"),
                    revision("B").parents("A"),
                    revision("D").parents("S"),
                    revision("S").replaces("A", "B")), Set.of());
            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.file().toString()).contains(id("D"));
                assertThat(problem.message()).contains("name the last of them instead, " + id("B"));
            });
        }
    }
}
