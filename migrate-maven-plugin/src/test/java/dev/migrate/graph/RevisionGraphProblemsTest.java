package dev.migrate.graph;

import static dev.migrate.graph.Fixture.DEPENDS_ON_LINE;
import static dev.migrate.graph.Fixture.PARENTS_LINE;
import static dev.migrate.graph.Fixture.build;
import static dev.migrate.graph.Fixture.id;
import static dev.migrate.graph.Fixture.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.common.Finding;
import dev.migrate.revision.InvalidRevisionsException;
import dev.migrate.revision.Revision;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Revisions that do not form a graph: every problem is found, placed and explained. */
class RevisionGraphProblemsTest {

    static List<Finding> problems(Fixture.Builder... builders) {
        return RevisionGraph.problems(build(builders), Set.of());
    }

    static Path file(String name) {
        return Path.of("migrations", id(name) + "_change.sql");
    }

    static String arrow(String... names) {
        return String.join(" -> ", List.of(names).stream().map(Fixture::id).toList());
    }

    @Nested
    class Cycles {

        @Test
        void rejectsTwoNodeCycle() {
            List<Finding> problems = problems(revision("A").parents("B"), revision("B").parents("A"));
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(file("A"));
                assertThat(p.line()).isEqualTo(PARENTS_LINE);
                assertThat(p.message()).contains("cycle", arrow("A", "B", "A"));
            });
        }

        @Test
        void rejectsThreeNodeCycleListingMembersInOrder() {
            List<Finding> problems = problems(
                    revision("A").parents("C"), revision("B").parents("A"), revision("C").parents("B"));
            assertThat(problems).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains(arrow("A", "B", "C", "A")));
        }

        @Test
        void rejectsCycleThroughDependsOnPointingAtThatHeader() {
            List<Finding> problems = problems(
                    revision("A"), revision("B").parents("A").dependsOn("C"), revision("C").parents("B"));
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(file("B"));
                assertThat(p.line()).isEqualTo(DEPENDS_ON_LINE);
                assertThat(p.message()).contains(arrow("B", "C", "B"), "depends-on");
            });
        }

        @Test
        void rejectsARevisionThatIsItsOwnParent() {
            assertThat(problems(revision("A").parents("A"))).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains(arrow("A", "A")));
        }

        @Test
        void reportsEachCycleOnceAndNotTheRevisionsHangingOffIt() {
            List<Finding> problems = problems(
                    revision("A").parents("B"), revision("B").parents("A"),
                    revision("C").parents("D"), revision("D").parents("C"),
                    revision("E").parents("A"), revision("F"));
            assertThat(problems).extracting(Finding::message).hasSize(2)
                    .anySatisfy(m -> assertThat(m).contains(arrow("A", "B", "A")))
                    .anySatisfy(m -> assertThat(m).contains(arrow("C", "D", "C")));
        }

        @Test
        void refusesToBuildAGraphWithACycle() {
            assertThatThrownBy(() -> RevisionGraph.of(build(revision("A").parents("B"), revision("B").parents("A"))))
                    .isInstanceOfSatisfying(InvalidRevisionsException.class,
                            e -> assertThat(e.problems()).hasSize(1))
                    .hasMessageContaining(arrow("A", "B", "A"));
        }
    }

    @Nested
    class UnknownReferences {

        @Test
        void rejectsUnknownParentAtItsHeaderLine() {
            List<Finding> problems = problems(revision("A"), revision("B").parents("20990101000000"));
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(file("B"));
                assertThat(p.line()).isEqualTo(PARENTS_LINE);
                assertThat(p.message()).contains("parent 20990101000000 is not a known revision", "parents: base");
            });
        }

        @Test
        void rejectsUnknownDependsOnAtItsHeaderLine() {
            List<Finding> problems = problems(revision("A"), revision("B").parents("A").dependsOn("20990101000000"));
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(DEPENDS_ON_LINE);
                assertThat(p.message()).contains("depends-on 20990101000000 is not a known revision");
            });
        }

        @Test
        void suggestsTheClosestIdForATypo() {
            List<Finding> problems = problems(revision("A"), revision("B").parents("20260101000011"));
            assertThat(problems).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("did you mean " + id("A") + "?"));
        }

        @Test
        void suggestsTheFullIdForAPrefix() {
            List<Finding> problems = problems(revision("20250101000000"), revision("B").parents("2025"));
            assertThat(problems).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("did you mean 20250101000000?", "full id"));
        }

        @Test
        void staysSilentAboutReferencesToFilesThatFailedToParse() {
            List<Revision> revisions = build(revision("B").parents("A").dependsOn("C"));
            assertThat(RevisionGraph.problems(revisions, Set.of(id("A"), id("C")))).isEmpty();
        }

        @Test
        void reportsEveryProblemInOneRun() {
            List<Finding> problems = problems(
                    revision("A").parents("20990101000000"),
                    revision("B").parents("C"), revision("C").parents("B"),
                    revision("D").dependsOn("20990101000001"),
                    revision("E").branch("head"));
            assertThat(problems).hasSize(4);
            assertThatThrownBy(() -> RevisionGraph.of(build(
                    revision("A").parents("20990101000000"), revision("B").parents("20990101000001"))))
                    .isInstanceOfSatisfying(InvalidRevisionsException.class,
                            e -> assertThat(e.problems()).hasSize(2));
        }
    }

    @Nested
    class DuplicateIds {

        @Test
        void rejectsTwoFilesWithTheSameIdNamingBoth() {
            List<Finding> problems = problems(revision("A").slug("first"), revision("A").slug("second"));
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(Path.of("migrations", id("A") + "_second.sql"));
                assertThat(p.message()).contains(id("A") + "_first.sql", id("A") + "_second.sql", "new timestamp");
            });
        }

        @Test
        void refusesToBuildAGraphWithDuplicateIds() {
            assertThatThrownBy(() -> RevisionGraph.of(build(revision("A"), revision("A").slug("again"))))
                    .isInstanceOf(InvalidRevisionsException.class);
        }
    }

    @Nested
    class BranchLabels {

        @Test
        void rejectsALabelUsedTwice() {
            List<Finding> problems = problems(
                    revision("A"), revision("B").parents("A").branch("users"), revision("C").parents("A").branch("users"));
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(file("C"));
                assertThat(p.message()).contains("'users'", "already used by " + id("B"));
            });
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"head", "heads", "base", "HEAD", "Base"})
        void rejectsALabelThatIsATargetKeyword(String label) {
            assertThat(problems(revision("A").branch(label))).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("'" + label + "'", "keyword"));
        }

        @Test
        void rejectsALabelThatCannotBeTargeted() {
            assertThat(problems(revision("A").branch("a@b"))).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("'a@b'", "<label>@head"));
        }
    }
}
