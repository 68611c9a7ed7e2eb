package dev.migrate.graph;

import static dev.migrate.graph.Fixture.applied;
import static dev.migrate.graph.Fixture.cell;
import static dev.migrate.graph.Fixture.down;
import static dev.migrate.graph.Fixture.graph;
import static dev.migrate.graph.Fixture.id;
import static dev.migrate.graph.Fixture.names;
import static dev.migrate.graph.Fixture.revision;
import static dev.migrate.graph.Fixture.stamp;
import static dev.migrate.graph.Fixture.target;
import static dev.migrate.graph.Fixture.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Plans on graphs without labels or depends-on: a chain, a diamond, two heads. */
class RevisionGraphPlansTest {

    /** A &lt;- B &lt;- C. */
    @Nested
    class LinearChain {

        final RevisionGraph graph = graph(
                revision("C").parents("B"),
                revision("A"),
                revision("B").parents("A"));

        @Test
        void ordersParentsBeforeChildren() {
            assertThat(names(graph.ordered())).isEqualTo("A B C");
        }

        @Test
        void hasOneHeadAndOneBase() {
            assertThat(names(graph.heads())).isEqualTo("C");
            assertThat(names(graph.bases())).isEqualTo("A");
            assertThat(names(graph.children(id("A")))).isEqualTo("B");
            assertThat(names(graph.children(id("C")))).isEmpty();
        }

        @Test
        void knowsAncestorsAndDescendants() {
            assertThat(names(graph.ancestors(id("C")))).isEqualTo("A B");
            assertThat(names(graph.descendants(id("A")))).isEqualTo("B C");
            assertThat(graph.ancestors(id("A"))).isEmpty();
        }

        @ParameterizedTest(name = "upgrade to {0} from [{1}] runs [{2}]")
        @CsvSource({
            "head,  '',    A B C",
            "head,  A,     B C",
            "head,  A B C, ''",
            "heads, '',    A B C",
            "heads, A B,   C",
            "B,     '',    A B",
            "B,     A,     B",
            "B,     A B C, ''",
            "A,     A B,   ''",
            "+1,    '',    A",
            "+2,    A,     B C",
            "+1,    A B,   C",
        })
        void upgrades(String target, String applied, String steps) {
            assertThat(up(graph, target, applied)).isEqualTo(cell(steps));
        }

        @ParameterizedTest(name = "downgrade to {0} from [{1}] runs [{2}]")
        @CsvSource({
            "base, A B C, C B A",
            "base, A,     A",
            "base, '',    ''",
            "A,    A B C, C B",
            "B,    A B C, C",
            "C,    A B C, ''",
            "-1,   A B C, C",
            "-2,   A B C, C B",
            "-3,   A B C, C B A",
            "-1,   A B,   B",
        })
        void downgrades(String target, String applied, String steps) {
            assertThat(down(graph, target, applied)).isEqualTo(cell(steps));
        }

        @ParameterizedTest(name = "stamp {0} from [{1}] records {2}")
        @CsvSource({
            "base,  A B C, DOWN C B A",
            "head,  A,     UP B C",
            "heads, '',    UP A B C",
            "+1,    A,     UP B",
            "-1,    A B,   DOWN B",
            "A,     A B C, DOWN C B",
            "C,     A,     UP B C",
            "C,     A B C, DOWN",
        })
        void stamps(String target, String applied, String plan) {
            assertThat(stamp(graph, target, applied)).isEqualTo(plan);
        }

        @Test
        void acceptsAUniquePrefixOfAnId() {
            RevisionGraph dated = graph(revision("20250101000000"), revision("20260101000000").parents("20250101000000"));
            assertThat(names(dated.upgradePlan(target("2026"), Set.of()))).isEqualTo("20250101000000 20260101000000");
        }

        @Test
        void refusesToMoveUpMoreRevisionsThanArePending() {
            assertThatThrownBy(() -> up(graph, "+3", "A")).isInstanceOf(InvalidTargetException.class)
                    .hasMessageContaining("only 2 revisions are pending");
        }

        @Test
        void refusesToMoveDownMoreRevisionsThanAreApplied() {
            assertThatThrownBy(() -> down(graph, "-2", "A")).isInstanceOf(InvalidTargetException.class)
                    .hasMessageContaining("only 1 revision is applied");
        }

        @Test
        void refusesToDowngradeToARevisionThatIsNotApplied() {
            assertThatThrownBy(() -> down(graph, "C", "A B")).isInstanceOf(InvalidTargetException.class)
                    .hasMessageContainingAll(id("C"), "is not applied", "applied: " + id("A") + ", " + id("B"));
            assertThatThrownBy(() -> down(graph, "A", "")).isInstanceOf(InvalidTargetException.class)
                    .hasMessageContaining("nothing is applied");
        }

        @ParameterizedTest(name = "upgrade refuses {0}")
        @ValueSource(strings = {"base", "-1"})
        void upgradeSendsDownwardTargetsToDowngrade(String target) {
            assertThatThrownBy(() -> up(graph, target, "A B C")).isInstanceOf(InvalidTargetException.class)
                    .hasMessageContainingAll("'" + target + "'", "migrate:downgrade");
        }

        @ParameterizedTest(name = "downgrade refuses {0}")
        @ValueSource(strings = {"head", "heads", "+1"})
        void downgradeSendsUpwardTargetsToUpgrade(String target) {
            assertThatThrownBy(() -> down(graph, target, "A")).isInstanceOf(InvalidTargetException.class)
                    .hasMessageContainingAll("'" + target + "'", "migrate:upgrade");
        }

        @Test
        void refusesAppliedRevisionsThatNoFileDefinesListingThemSorted() {
            assertThatThrownBy(() -> graph.upgradePlan(new Target.Head(), Set.of(id("A"), "20990101000000", "20980101000000")))
                    .isInstanceOfSatisfying(UnknownAppliedRevisionException.class,
                            e -> assertThat(e.ids()).containsExactly("20980101000000", "20990101000000"))
                    .hasMessageContaining("20980101000000, 20990101000000");
            assertThatThrownBy(() -> graph.downgradePlan(new Target.Base(), Set.of("20990101000000")))
                    .isInstanceOf(UnknownAppliedRevisionException.class);
            assertThatThrownBy(() -> graph.stampPlan(new Target.Base(), Set.of("20990101000000")))
                    .isInstanceOf(UnknownAppliedRevisionException.class);
        }

        @Test
        void refusesToDowngradeThroughAnIrreversibleRevisionNamingTheFirstOneInRunOrder() {
            RevisionGraph stuck = graph(
                    revision("A").irreversible(),
                    revision("B").parents("A").irreversible().message("backfill"),
                    revision("C").parents("B"));
            assertThatThrownBy(() -> down(stuck, "base", "A B C"))
                    .isInstanceOfSatisfying(IrreversibleRevisionException.class,
                            e -> assertThat(e.revisionId()).isEqualTo(id("B")))
                    .hasMessageContainingAll(id("B") + " (backfill)", "cannot be downgraded");
            assertThat(down(stuck, "B", "A B C")).isEqualTo("C");
            assertThatThrownBy(() -> down(stuck, "-2", "A B C")).isInstanceOf(IrreversibleRevisionException.class);
        }

        @Test
        void stampsThroughIrreversibleRevisionsBecauseNoSqlRuns() {
            RevisionGraph stuck = graph(revision("A").irreversible(), revision("B").parents("A").irreversible());
            assertThat(stamp(stuck, "base", "A B")).isEqualTo("DOWN B A");
            assertThat(stamp(stuck, "-1", "A B")).isEqualTo("DOWN B");
            assertThat(stamp(stuck, "A", "A B")).isEqualTo("DOWN B");
        }

        @Test
        void refusesAnUnknownBranchLabelWhenNoneExists() {
            assertThatThrownBy(() -> up(graph, "users@head", "")).isInstanceOf(UnknownRevisionException.class)
                    .hasMessageContainingAll("'users'", "no revision has a 'branch:' header");
        }
    }

    /** A &lt;- B, A &lt;- C, and D merging B and C (a merge with an empty downgrade). */
    @Nested
    class Diamond {

        final RevisionGraph graph = graph(
                revision("A"),
                revision("B").parents("A"),
                revision("C").parents("A"),
                revision("D").parents("B", "C").irreversible());

        @Test
        void ordersBothBranchesBeforeTheMerge() {
            assertThat(names(graph.ordered())).isEqualTo("A B C D");
            assertThat(names(graph.heads())).isEqualTo("D");
            assertThat(names(graph.bases())).isEqualTo("A");
            assertThat(names(graph.children(id("A")))).isEqualTo("B C");
            assertThat(names(graph.ancestors(id("D")))).isEqualTo("A B C");
            assertThat(names(graph.descendants(id("B")))).isEqualTo("D");
        }

        @ParameterizedTest(name = "upgrade to {0} from [{1}] runs [{2}]")
        @CsvSource({
            "head,  '',    A B C D",
            "heads, A,     B C D",
            "B,     '',    A B",
            "C,     A B,   C",
            "D,     A B,   C D",
            "D,     A C,   B D",
            "+2,    A,     B C",
            "+1,    A C,   B",
        })
        void upgrades(String target, String applied, String steps) {
            assertThat(up(graph, target, applied)).isEqualTo(cell(steps));
        }

        @ParameterizedTest(name = "downgrade to {0} from [{1}] runs [{2}]")
        @CsvSource({
            "base, A B C D, D C B A",
            "A,    A B C D, D C B",
            "B,    A B C D, D",
            "C,    A B C D, D",
            "B,    A B C,   ''",
            "A,    A B C,   C B",
            "-1,   A B C D, D",
            "-2,   A B C D, D C",
        })
        void downgradesLeavingTheOtherBranchAlone(String target, String applied, String steps) {
            assertThat(down(graph, target, applied)).isEqualTo(cell(steps));
        }

        @ParameterizedTest(name = "stamp {0} from [{1}] records {2}")
        @CsvSource({
            "D,    A B,     UP C D",
            "B,    A B C D, DOWN D",
            "base, A B C D, DOWN D C B A",
            "head, A,       UP B C D",
        })
        void stamps(String target, String applied, String plan) {
            assertThat(stamp(graph, target, applied)).isEqualTo(plan);
        }
    }

    /** A &lt;- B and A &lt;- C, never merged. */
    @Nested
    class TwoHeads {

        final RevisionGraph graph = graph(
                revision("A"),
                revision("B").parents("A").message("add users"),
                revision("C").parents("A").message("add orders"));

        @Test
        void hasBothHeads() {
            assertThat(names(graph.ordered())).isEqualTo("A B C");
            assertThat(names(graph.heads())).isEqualTo("B C");
            assertThat(names(graph.bases())).isEqualTo("A");
        }

        @Test
        void refusesHeadNamingEveryHeadAndTheWaysOut() {
            assertThatThrownBy(() -> up(graph, "head", ""))
                    .isInstanceOfSatisfying(MultipleHeadsException.class,
                            e -> assertThat(e.heads()).containsExactly(id("B"), id("C")))
                    .hasMessageContainingAll(
                            id("B") + " (add users)", id("C") + " (add orders)",
                            "'heads'", "one head's id", "<label>@head",
                            "merge revision", "parents: " + id("B") + ", " + id("C"));
        }

        @Test
        void stampRefusesHeadToo() {
            assertThatThrownBy(() -> stamp(graph, "head", "A")).isInstanceOf(MultipleHeadsException.class);
        }

        @ParameterizedTest(name = "upgrade to {0} from [{1}] runs [{2}]")
        @CsvSource({
            "heads, '',  A B C",
            "heads, A B, C",
            "B,     '',  A B",
            "C,     A B, C",
            "C,     '',  A C",
            "+1,    A,   B",
            "+2,    A,   B C",
        })
        void upgrades(String target, String applied, String steps) {
            assertThat(up(graph, target, applied)).isEqualTo(cell(steps));
        }

        @ParameterizedTest(name = "downgrade to {0} from [{1}] runs [{2}]")
        @CsvSource({
            "base, A B C, C B A",
            "A,    A B C, C B",
            "A,    A C,   C",
            "B,    A B C, ''",
            "-1,   A B C, C",
            "-2,   A B C, C B",
        })
        void downgrades(String target, String applied, String steps) {
            assertThat(down(graph, target, applied)).isEqualTo(cell(steps));
        }

        @ParameterizedTest(name = "stamp {0} from [{1}] records {2}")
        @CsvSource({
            "heads, A,     UP B C",
            "C,     A B,   UP C",
            "A,     A B C, DOWN C B",
            "-1,    A B C, DOWN C",
        })
        void stamps(String target, String applied, String plan) {
            assertThat(stamp(graph, target, applied)).isEqualTo(plan);
        }

        @Test
        void upgradeToHeadOfAnEmptyGraphDoesNothing() {
            assertThat(graph().upgradePlan(new Target.Head(), Set.of()).isEmpty()).isTrue();
        }

        @Test
        void refusesToDowngradeToAnUnappliedHead() {
            assertThatThrownBy(() -> down(graph, "C", "A B")).isInstanceOf(InvalidTargetException.class)
                    .hasMessageContainingAll(id("C") + " (add orders) is not applied", applied("A B").iterator().next());
        }
    }
}
