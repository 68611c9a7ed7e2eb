package dev.migrate.graph;

import static dev.migrate.graph.Fixture.cell;
import static dev.migrate.graph.Fixture.down;
import static dev.migrate.graph.Fixture.graph;
import static dev.migrate.graph.Fixture.id;
import static dev.migrate.graph.Fixture.names;
import static dev.migrate.graph.Fixture.revision;
import static dev.migrate.graph.Fixture.stamp;
import static dev.migrate.graph.Fixture.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plans on graphs with several branches: linked by depends-on, and named by branch labels. */
class RevisionGraphBranchesTest {

    /**
     * Two roots: A &lt;- B and C &lt;- D, where B depends on D. B's id is smaller than D's, so only
     * the depends-on edge puts D first.
     */
    @Nested
    class DependsOnAcrossBranches {

        final RevisionGraph graph = graph(
                revision("A"),
                revision("B").parents("A").dependsOn("D"),
                revision("C"),
                revision("D").parents("C"));

        @Test
        void runsDependenciesFirstEvenWhenTheirIdsAreLater() {
            assertThat(names(graph.ordered())).isEqualTo("A C D B");
        }

        @Test
        void keepsADependencyAHeadBecauseItIsNoParent() {
            assertThat(names(graph.heads())).isEqualTo("B D");
            assertThat(names(graph.bases())).isEqualTo("A C");
            assertThat(names(graph.children(id("D")))).isEmpty();
        }

        @Test
        void followsDependsOnForAncestorsAndDescendants() {
            assertThat(names(graph.ancestors(id("B")))).isEqualTo("A C D");
            assertThat(names(graph.descendants(id("C")))).isEqualTo("D B");
            assertThat(names(graph.descendants(id("D")))).isEqualTo("B");
        }

        @Test
        void refusesHeadBecauseThereAreTwo() {
            assertThatThrownBy(() -> up(graph, "head", "")).isInstanceOf(MultipleHeadsException.class)
                    .hasMessageContainingAll(id("B"), id("D"));
        }

        @ParameterizedTest(name = "upgrade to {0} from [{1}] runs [{2}]")
        @CsvSource({
            "heads, '',    A C D B",
            "B,     '',    A C D B",
            "B,     A,     C D B",
            "D,     '',    C D",
            "A,     '',    A",
            "+2,    '',    A C",
            "+3,    A,     C D B",
            "+1,    A C D, B",
        })
        void upgrades(String target, String applied, String steps) {
            assertThat(up(graph, target, applied)).isEqualTo(cell(steps));
        }

        @ParameterizedTest(name = "downgrade to {0} from [{1}] runs [{2}]")
        @CsvSource({
            "base, A B C D, B D C A",
            "C,    A B C D, B D",
            "D,    A B C D, B",
            "A,    A B C D, B",
            "C,    A C D,   D",
            "-1,   A B C D, B",
            "-2,   A B C D, B D",
            "-1,   A C D,   D",
        })
        void neverLeavesARevisionWithoutWhatItDependsOn(String target, String applied, String steps) {
            assertThat(down(graph, target, applied)).isEqualTo(cell(steps));
        }

        @ParameterizedTest(name = "stamp {0} from [{1}] records {2}")
        @CsvSource({
            "D,     A C,     UP D",
            "B,     A,       UP C D B",
            "C,     A B C D, DOWN B D",
            "-2,    A B C D, DOWN B D",
            "heads, A C D,   UP B",
        })
        void stamps(String target, String applied, String plan) {
            assertThat(stamp(graph, target, applied)).isEqualTo(plan);
        }
    }

    /**
     * A root with three labelled branches: users (B &lt;- C), billing (D &lt;- E, and E depends on
     * C) and reports (F with two heads, G and H).
     */
    @Nested
    class LabelledBranches {

        final RevisionGraph graph = graph(
                revision("A"),
                revision("B").parents("A").branch("users"),
                revision("C").parents("B"),
                revision("D").parents("A").branch("billing", "invoices"),
                revision("E").parents("D").dependsOn("C"),
                revision("F").parents("A").branch("reports"),
                revision("G").parents("F").message("daily"),
                revision("H").parents("F").message("monthly"));

        @Test
        void ordersAndFindsHeads() {
            assertThat(names(graph.ordered())).isEqualTo("A B C D E F G H");
            assertThat(names(graph.heads())).isEqualTo("C E G H");
            assertThat(names(graph.bases())).isEqualTo("A");
        }

        @ParameterizedTest(name = "upgrade to {0} from [{1}] runs [{2}]")
        @CsvSource({
            "users@head,    '',      A B C",
            "users@head,    A B C,   ''",
            "billing@head,  '',      A B C D E",
            "invoices@head, A B C,   D E",
            "billing@head,  A B C D, E",
            "heads,         A B C,   D E F G H",
            "G,             A,       F G",
            "+2,            A B C,   D E",
        })
        void upgrades(String target, String applied, String steps) {
            assertThat(up(graph, target, applied)).isEqualTo(cell(steps));
        }

        @ParameterizedTest(name = "downgrade to {0} from [{1}] runs [{2}]")
        @CsvSource({
            "users@head,   A B C D E,       E",
            "billing@head, A B C D E,       ''",
            "B,            A B C D E,       E C",
            "D,            A B C D E F G H, E",
            "A,            A B C F G,       G F C B",
            "F,            A F G H,         H G",
            "-1,           A B C D E,       E",
            "base,         A B C,           C B A",
        })
        void downgrades(String target, String applied, String steps) {
            assertThat(down(graph, target, applied)).isEqualTo(cell(steps));
        }

        @ParameterizedTest(name = "stamp {0} from [{1}] records {2}")
        @CsvSource({
            "users@head,   A,         UP B C",
            "billing@head, A,         UP B C D E",
            "B,            A B C D E, DOWN E C",
        })
        void stamps(String target, String applied, String plan) {
            assertThat(stamp(graph, target, applied)).isEqualTo(plan);
        }

        @Test
        void aBranchHeadIgnoresRevisionsThatMerelyDependOnTheBranch() {
            assertThat(names(graph.descendants(id("C")))).isEqualTo("E");
            assertThat(up(graph, "users@head", "")).isEqualTo("A B C");
        }

        @Test
        void refusesABranchWithSeveralHeadsNamingThem() {
            assertThatThrownBy(() -> up(graph, "reports@head", ""))
                    .isInstanceOfSatisfying(MultipleHeadsException.class,
                            e -> assertThat(e.heads()).containsExactly(id("G"), id("H")))
                    .hasMessageContainingAll("'reports@head'", id("G") + " (daily)", id("H") + " (monthly)",
                            "parents: " + id("G") + ", " + id("H"));
            assertThatThrownBy(() -> down(graph, "reports@head", "A F G H")).isInstanceOf(MultipleHeadsException.class);
        }

        @Test
        void refusesAnUnknownLabelListingTheKnownOnes() {
            assertThatThrownBy(() -> up(graph, "orders@head", "")).isInstanceOf(UnknownRevisionException.class)
                    .hasMessageContainingAll("'orders'", "billing, invoices, reports, users");
        }

        @Test
        void refusesToDowngradeToABranchHeadThatIsNotApplied() {
            assertThatThrownBy(() -> down(graph, "users@head", "A B")).isInstanceOf(InvalidTargetException.class)
                    .hasMessageContainingAll(id("C"), "is not applied");
        }
    }
}
