package dev.migrate.report;

import dev.migrate.database.postgres.PostgresSyntax;
import dev.migrate.common.MigrateException;
import dev.migrate.history.Status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.history.AppliedRevision;
import dev.migrate.history.RowState;
import dev.migrate.graph.InvalidTargetException;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Section;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** history drawn as a graph, and its ranges. Letters stand for ids: A is 20260101000001, B ...02. */
class HistoryGraphTest {

    static String id(char letter) {
        return String.format("202601010000%02d", letter - 'A' + 1);
    }

    /** {@code "C:A,B"}: revision C with parents A and B; {@code "A"}: a root. */
    static Revision rev(String spec) {
        String[] parts = spec.split(":");
        List<String> parents = parts.length == 1 ? List.of()
                : Arrays.stream(parts[1].split(",")).map(p -> id(p.charAt(0))).toList();
        String id = id(parts[0].charAt(0));
        Section empty = new Section("", 1, List.of(), "0", PostgresSyntax.INSTANCE);
        return new Revision(id, "r", Path.of(id + "_r.sql"), parents, "rev " + parts[0], List.of(), List.of(), true,
                false, Set.of(), 1, 0, empty, empty);
    }

    static Status status(String applied, String... specs) {
        RevisionGraph graph = RevisionGraph.of(Arrays.stream(specs).map(HistoryGraphTest::rev).toList());
        List<AppliedRevision> rows = new ArrayList<>();
        for (char c : applied.toCharArray()) {
            rows.add(new AppliedRevision(id(c), List.of(), "", "", "", Instant.EPOCH, "me", 0, RowState.APPLIED, 0, null));
        }
        return new Status(graph, rows);
    }

    /** The drawing alone, with each revision's line ending in its letter. */
    static List<String> drawing(Status status, String range) {
        Set<String> shown = HistoryGraph.select(status, range);
        List<Revision> ordered = status.graph().ordered();
        List<Revision> newestFirst = new ArrayList<>();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            if (shown.contains(ordered.get(i).id())) {
                newestFirst.add(ordered.get(i));
            }
        }
        return HistoryGraph.draw(newestFirst).stream()
                .map(row -> row.revision() == null ? row.graph()
                        : row.graph() + " " + row.revision().message().substring(4))
                .toList();
    }

    @Nested
    class Drawing {

        @Test
        void aLineIsOneColumn() {
            assertThat(drawing(status("", "A", "B:A", "C:B"), null)).containsExactly("* C", "* B", "* A");
        }

        @Test
        void forkAndMergeOpenAndJoinAColumn() {
            assertThat(drawing(status("", "A", "B:A", "C:A", "D:B,C", "E:D"), null)).containsExactly(
                    "* E",
                    "* D",
                    "|\\",
                    "| * C",
                    "* | B",
                    "|/",
                    "* A");
        }

        @Test
        void twoHeadsStayTwoColumnsDownToTheirBranchPoint() {
            assertThat(drawing(status("", "A", "B:A", "C:A", "D:C"), null)).containsExactly(
                    "* D",
                    "* C",
                    "| * B",
                    "|/",
                    "* A");
        }

        @Test
        void twoRootsEndTheirOwnColumns() {
            assertThat(drawing(status("", "A", "B", "C:A,B"), null)).containsExactly(
                    "* C",
                    "|\\",
                    "| * B",
                    "* A");
        }

        @Test
        void aRootOnTheLeftMovesTheOtherColumnsLeft() {
            assertThat(drawing(status("", "A", "B", "C:B", "D:A"), null)).containsExactly(
                    "* D",
                    "| * C",
                    "| * B",
                    "* A");
            assertThat(drawing(status("", "A", "B:A", "C", "D:C", "E:B", "F:D"), null)).containsExactly(
                    "* F",
                    "| * E",
                    "* | D",
                    "* | C",
                    " /",
                    "* B",
                    "* A");
        }

        @Test
        void aLineJoiningAcrossAnotherColumnPassesUnderIt() {
            assertThat(drawing(status("", "A", "B", "C:B", "D:A", "E:B", "F:C,D,E"), null)).containsExactly(
                    "* F",
                    "|\\",
                    "|\\ \\",
                    "| | * E",
                    "| * | D",
                    "* | | C",
                    "|_|/",
                    "* | B",
                    " /",
                    "* A");
        }
    }

    @Nested
    class Report {

        @Test
        void keepsTheHistoryLineOfEachRevisionAfterTheDrawing() {
            List<String> lines = Reports.historyGraph(status("ABC", "A", "B:A", "C:A", "D:B,C"),
                    HistoryGraph.select(status("ABC", "A", "B:A", "C:A", "D:B,C"), null));

            assertThat(lines).containsExactly(
                    "*   [ ] " + id('D') + "  parents: " + id('B') + ", " + id('C') + "  (head, merge)  rev D",
                    "|\\",
                    "| * [x] " + id('C') + "  parents: " + id('A') + "  (current)  rev C",
                    "* | [x] " + id('B') + "  parents: " + id('A') + "  (current)  rev B",
                    "|/",
                    "*   [x] " + id('A') + "  parents: base  rev A",
                    "[x] applied, [ ] pending; 3 of 4 applied");
        }

        @Test
        void aRangeSaysHowManyAreShown() {
            Status status = status("A", "A", "B:A", "C:B");

            List<String> lines = Reports.historyGraph(status, HistoryGraph.select(status, id('B') + ":"));

            assertThat(lines).hasSize(4);
            assertThat(lines.get(2)).isEqualTo("(showing 2 of 3 revisions)");
        }
    }

    @Nested
    class Ranges {

        final Status status = status("AB", "A", "B:A", "C:B", "D:A", "E:D");

        String letters(String range) {
            StringBuilder out = new StringBuilder();
            for (String id : HistoryGraph.select(status, range)) {
                out.append((char) ('A' + Integer.parseInt(id.substring(12)) - 1));
            }
            return out.toString();
        }

        @Test
        void fromIsIncludedAndWhatItNeedsIsNot() {
            assertThat(letters(null)).isEqualTo("ABCDE");
            assertThat(letters("base:heads")).isEqualTo("ABCDE");
            assertThat(letters(id('B') + ":" + id('C'))).isEqualTo("BC");
            assertThat(letters("20260101000004:")).isEqualTo("BCDE");
            assertThat(letters(":" + id('E'))).isEqualTo("ADE");
        }

        @Test
        void currentIsTheDatabasesState() {
            assertThat(letters(":current")).isEqualTo("AB");
            assertThat(letters("current:")).isEqualTo("BCDE");
        }

        @Test
        void refusesARangeWithoutColonAndUnknownEnds() {
            assertThatThrownBy(() -> HistoryGraph.select(status, "head"))
                    .isInstanceOf(InvalidTargetException.class).hasMessageContaining("<from>:<to>");
            assertThatThrownBy(() -> HistoryGraph.select(status, ":head"))
                    .isInstanceOf(MigrateException.class).hasMessageContaining("heads");
        }
    }
}
