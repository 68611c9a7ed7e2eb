package dev.migrate.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.database.postgres.PostgresSyntax;
import dev.migrate.graph.GraphLoader;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.testing.RevisionFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A placeholder value that changes the SQL around it (adds a statement, closes the quote or comment
 * it stands in) is a warning naming the placeholder, and an error when placeholders are strict;
 * values that stay where they were written say nothing.
 */
class PlaceholderEscapesTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private RevisionGraph load(String upgrade, Map<String, String> values, boolean strict) {
        RevisionFiles.in(dir).add("20260101000000_values", "base", upgrade, "DELETE FROM t;");
        return GraphLoader.load(dir, PostgresSyntax.INSTANCE, new Placeholders(true, values, strict), "app", "u",
                "jdbc:postgresql://db/app", true, warnings::add);
    }

    static Stream<Arguments> escaping() {
        return Stream.of(
                Arguments.of("INSERT INTO t VALUES ('${v}');", "x'); DROP TABLE t; --"),
                Arguments.of("INSERT INTO t VALUES ('${v}');", "a', 'b"),
                Arguments.of("INSERT INTO t VALUES (1); -- note: ${v}", "x\nDROP TABLE t;"),
                Arguments.of("INSERT INTO t VALUES (${v});", "1); DROP TABLE t; INSERT INTO t VALUES (2"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("escaping")
    void warnsNamingAValueThatChangesTheSqlAroundIt(String upgrade, String value) {
        RevisionGraph graph = load(upgrade, Map.of("v", value), false);

        assertThat(graph.ordered()).hasSize(1);
        assertThat(warnings).singleElement().asString().contains("20260101000000_values.sql:")
                .contains("the value of ${v} changes the SQL around it")
                .contains("-Dmigrate.placeholders.strict=true");
    }

    static Stream<Arguments> staying() {
        return Stream.of(
                Arguments.of("INSERT INTO t VALUES ('${v}');", "O''Brien; or not"),
                Arguments.of("INSERT INTO ${migrate:schema}.t VALUES (1);", "ignored"),
                Arguments.of("CREATE TABLE t (${v});", "a INT, b VARCHAR(10) DEFAULT 'x;y'"),
                Arguments.of("CREATE TABLE \"${v}\" (id INT);", "Mixed Case"),
                Arguments.of("INSERT INTO t VALUES (1); -- note: ${v}", "a comment; still"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("staying")
    void saysNothingOfValuesThatStayWhereTheyWereWritten(String upgrade, String value) {
        load(upgrade, Map.of("v", value), false);

        assertThat(warnings).isEmpty();
    }

    @Test
    void strictMakesItAnErrorBeforeAnythingRuns() {
        assertThatThrownBy(() -> load("INSERT INTO t VALUES (1);\nINSERT INTO t VALUES ('${name}');",
                Map.of("name", "x'); DROP TABLE t; --"), true))
                .isInstanceOf(InvalidRevisionsException.class)
                .hasMessageContaining("20260101000000_values.sql:6") // the second INSERT, below the header
                .hasMessageContaining("the value of ${name} changes the SQL around it")
                .hasMessageNotContaining("strict=true makes");
    }
}
