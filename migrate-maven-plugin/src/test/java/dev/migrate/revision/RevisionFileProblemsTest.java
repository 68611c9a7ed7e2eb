package dev.migrate.revision;

import dev.migrate.database.postgres.PostgresSyntax;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.common.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One problem per row: the file, the line it is reported on, and words of the message and its advice. */
class RevisionFileProblemsTest {

    private static final String NAME = "20261120143000_create_users.sql";
    private static final String BODY = "-- upgrade\nCREATE TABLE users (id int);\n-- downgrade\nDROP TABLE users;\n";

    @TempDir
    Path dir;

    static Stream<Arguments> singleProblems() {
        return Stream.of(
                row("name without id", "create_users.sql", "-- parents: base\n" + BODY, 0,
                        "does not start with a 14-digit revision id", "rename it"),
                row("name with bad slug", "20261120143000_Create-Users.sql", "-- parents: base\n" + BODY, 0,
                        "does not match", "rename it to 20261120143000_create_users.sql"),
                row("month 13", "20261320143000_x.sql", "-- parents: base\n" + BODY, 0,
                        "not a valid UTC timestamp", "month 13", "rename the file"),
                row("February 30", "20260230143000_x.sql", "-- parents: base\n" + BODY, 0,
                        "not a valid UTC timestamp", "rename the file"),
                row("empty file", NAME, "", 0, "the file is empty", "delete the file"),
                row("whitespace-only file", NAME, " \n\t\n", 0, "the file is empty"),
                row("SQL before the upgrade marker", NAME, "-- parents: base\nSELECT 1;\nSELECT 2;\n" + BODY, 2,
                        "only '--' comments", "move this SQL below '-- upgrade'"),
                row("block comment in the header", NAME, "/* licence */\n-- parents: base\n" + BODY, 1,
                        "only '--' comments"),
                row("missing parents", NAME, "-- message: hi\n" + BODY, 1,
                        "no 'parents' line", "add '-- parents: base'"),
                row("key in wrong case", NAME, "-- Parents: base\n" + BODY, 1,
                        "'Parents' must be lower case", "write '-- parents: ...'"),
                row("underscore for dash", NAME, "-- parents: base\n-- depends_on: 20261101000000\n" + BODY, 2,
                        "written with '_'", "'-- depends-on: ...'"),
                row("key given twice", NAME, "-- parents: base\n-- message: a\n-- message: b\n" + BODY, 3,
                        "'message' is given twice, on lines 2 and 3", "keep only one"),
                row("base mixed with ids", NAME, "-- parents: base, 20261101000000\n" + BODY, 1,
                        "mixes 'base' with revision ids", "write 'base' alone"),
                row("malformed parent id", NAME, "-- parents: 2026110100\n" + BODY, 1,
                        "'2026110100' in 'parents:' is not a full 14-digit revision id", "write the id exactly"),
                row("duplicate parent", NAME, "-- parents: 20261101000000 , 20261101000000\n" + BODY, 1,
                        "lists 20261101000000 twice", "list each revision once"),
                row("revision is its own parent", NAME, "-- parents: 20261120143000\n" + BODY, 1,
                        "names itself (20261120143000)", "name other revisions"),
                row("empty parents", NAME, "-- parents:\n" + BODY, 1, "has no value", "write 'base'"),
                row("stray comma in parents", NAME, "-- parents: 20261101000000,\n" + BODY, 1,
                        "empty entry", "remove the stray comma"),
                row("malformed depends-on", NAME, "-- parents: base\n-- depends-on: abc\n" + BODY, 2,
                        "'abc' in 'depends-on:' is not a full 14-digit revision id"),
                row("depends-on base", NAME, "-- parents: base\n-- depends-on: base\n" + BODY, 2,
                        "'base' in 'depends-on:' is not a full 14-digit revision id"),
                row("branch label with @", NAME, "-- parents: base\n-- branch: billing@head\n" + BODY, 2,
                        "contains '@'", "remove the '@'"),
                row("branch label with a blank", NAME, "-- parents: base\n-- branch: my branch\n" + BODY, 2,
                        "may only use letters, digits", "rename it"),
                row("transactional not a boolean", NAME, "-- parents: base\n-- transactional: no\n" + BODY, 2,
                        "'transactional: no' is neither true nor false", "write 'transactional: true'"),
                row("irreversible not a boolean", NAME, "-- parents: base\n-- irreversible: yes\n" + BODY, 2,
                        "neither true nor false", "'irreversible: false'"),
                row("tag with a blank", NAME, "-- parents: base\n-- tags: release 1\n" + BODY, 2,
                        "tag 'release 1' may only use letters, digits, '.', '-' and '_'", "rename it"),
                row("tag that is a keyword", NAME, "-- parents: base\n-- tags: head\n" + BODY, 2,
                        "tag 'head' is a target keyword", "choose another tag"),
                row("tag of digits only", NAME, "-- parents: base\n-- tags: 2026\n" + BODY, 2,
                        "only digits", "'v2026'"),
                row("tag with @", NAME, "-- parents: base\n-- tags: v1@head\n" + BODY, 2,
                        "contains '@'", "remove the '@'"),
                row("tag listed twice", NAME, "-- parents: base\n-- tags: v1, v1\n" + BODY, 2,
                        "lists 'v1' twice"),
                row("empty tags", NAME, "-- parents: base\n-- tags:\n" + BODY, 2,
                        "'tags:' has no value"),
                row("misspelt tags key", NAME, "-- parents: base\n-- tag: v1\n" + BODY, 2,
                        "did you mean 'tags'"),
                row("malformed replaces id", NAME, "-- parents: base\n-- replaces: 2026110100\n" + BODY, 2,
                        "'2026110100' in 'replaces:' is not a full 14-digit revision id"),
                row("misspelt replaces key", NAME, "-- parents: base\n-- replace: 20261101000000\n" + BODY, 2,
                        "did you mean 'replaces'"),
                row("empty lint-ignore", NAME, "-- parents: base\n-- lint-ignore:\n" + BODY, 2,
                        "has no value", "list the lint rule ids"),
                row("missing upgrade marker", NAME,
                        "-- parents: base\nCREATE TABLE t (id int);\n-- downgrade\nDROP TABLE t;\n", 2,
                        "no '-- upgrade' marker", "add a line '-- upgrade'"),
                row("missing downgrade marker", NAME,
                        "-- parents: base\n-- upgrade\nCREATE TABLE t (id int);\n\n", 3,
                        "no '-- downgrade' marker", "add a line '-- downgrade'", "irreversible: true"),
                row("look-alike downgrade marker", NAME,
                        "-- parents: base\n-- upgrade\nCREATE TABLE t (id int);\n-- downgrade:\nDROP TABLE t;", 5,
                        "no '-- downgrade' marker", "line 4 starts with 'downgrade'"),
                row("upgrade marker twice", NAME, "-- parents: base\n-- upgrade\nSELECT 1;\n-- upgrade\n-- downgrade\n",
                        4, "'-- upgrade' marker appears twice, on lines 2 and 4", "exactly once"),
                row("downgrade marker twice", NAME, "-- parents: base\n" + BODY + "-- downgrade\n", 6,
                        "'-- downgrade' marker appears twice, on lines 4 and 6"),
                row("downgrade before upgrade", NAME,
                        "-- parents: base\n-- downgrade\nDROP TABLE t;\n-- upgrade\nCREATE TABLE t (id int);\n", 2,
                        "'-- downgrade' marker on line 2 comes before the '-- upgrade' marker on line 4",
                        "put the upgrade section first"),
                row("unterminated string in upgrade", NAME,
                        "-- parents: base\n-- upgrade\nSELECT 1;\nSELECT 'oops;\n-- downgrade\n", 4,
                        "in the upgrade section, string literal opened on line 4 is never closed"),
                row("unterminated dollar quote in downgrade", NAME,
                        "-- parents: base\n" + BODY + "DO $fn$ BEGIN END $$;\n", 6,
                        "in the downgrade section, dollar-quoted string $fn$ opened on line 6 is never closed"),
                row("unterminated block comment", NAME,
                        "-- parents: base\n" + BODY + "/* never /* closed */\n", 6, "block comment opened on line 6"),
                row("unterminated quoted identifier", NAME,
                        "-- parents: base\n" + BODY + "SELECT \"x;\n", 6, "quoted identifier opened on line 6"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleProblems")
    void reportsTheProblemWithFileLineAndAdvice(String rule, String fileName, String content, int line,
            List<String> words) throws IOException {
        Files.writeString(dir.resolve(fileName), content);

        List<Finding> problems = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE).problems();

        assertThat(problems).as(rule).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.toString()).contains(fileName + (line > 0 ? ":" + line + ":" : ":"));
            assertThat(problem.message()).contains(words);
        });
    }

    @ParameterizedTest(name = "{0}: did you mean {1}?")
    @MethodSource("typos")
    void reportsKeysThatLookLikeHeaderKeys(String written, String meant) throws IOException {
        Files.writeString(dir.resolve(NAME), "-- parents: base\n-- " + written + ": x\n" + BODY);

        assertThat(RevisionFolder.scan(dir, PostgresSyntax.INSTANCE).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).contains("'" + written + ":' is not a header key",
                    "did you mean '" + meant + "'", "write '-- " + meant + ": ...'");
        });
    }

    static Stream<Arguments> typos() {
        return Stream.of(Arguments.of("transactionl", "transactional"), Arguments.of("mesage", "message"),
                Arguments.of("branches", "branch"), Arguments.of("irreversable", "irreversible"),
                Arguments.of("dependson", "depends-on"), Arguments.of("depends on", "depends-on"),
                Arguments.of("lint-ingore", "lint-ignore"), Arguments.of("Parent", "parents"));
    }

    @Test
    void reportsParentTypoInsteadOfAMissingParentsLine() throws IOException {
        Files.writeString(dir.resolve(NAME), "-- parent: base\n" + BODY);

        assertThat(RevisionFolder.scan(dir, PostgresSyntax.INSTANCE).problems()).extracting(Finding::line, Finding::message)
                .anySatisfy(t -> assertThat(t.toList()).containsExactly(1,
                        "'parent:' is not a header key; did you mean 'parents'? write '-- parents: ...', or reword the"
                                + " comment if it is documentation"))
                .hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-- Author: Jane", "-- Note: keep in sync with the app", "-- Revises: abc",
            "-- TODO: index later", "-- see https://example.com/x", "-- Date: 2026-11-20", "-- Ticket: PAY-12",
            "-- Reviewed by: Bob", "-- Description: what it does", "-- in branch: main", "-- WARNING: slow",
            "-- no colon here", "--", "-- key: value", "-- upgrade notes: none"})
    void keepsDocumentationCommentsWithoutComplaint(String comment) throws IOException {
        Files.writeString(dir.resolve(NAME), comment + "\n-- parents: base\n" + BODY);

        RevisionFolder folder = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE);

        assertThat(folder.problems()).isEmpty();
        assertThat(folder.revisions()).hasSize(1);
    }

    @Test
    void reportsTheLineOfTheFirstByteThatIsNotUtf8() throws IOException {
        byte[] latin1 = ("-- parents: base\n-- message: caf\u00e9\n" + BODY).getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve(NAME), latin1);

        assertThat(RevisionFolder.scan(dir, PostgresSyntax.INSTANCE).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).contains("not valid UTF-8", "0xE9", "save it as UTF-8");
        });
    }

    @Test
    void reportsEveryProblemOfOneFileTogether() throws IOException {
        Files.writeString(dir.resolve("20261120143000_Bad.sql"), String.join("\n",
                "-- Parents: base",
                "-- transactional: maybe",
                "SELECT 1;",
                "-- upgrade",
                "SELECT 'x;",
                "-- upgrade"));

        RevisionFolder folder = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE);

        assertThat(folder.problems()).extracting(Finding::line).containsExactly(0, 1, 2, 3, 5, 6, 6);
        // the name is not well formed, so no id is taken from it
        assertThat(folder.idsOfBrokenFiles()).isEmpty();
    }

    private static Arguments row(String rule, String fileName, String content, int line, String... words) {
        return Arguments.of(rule, fileName, content, line, List.of(words));
    }
}
