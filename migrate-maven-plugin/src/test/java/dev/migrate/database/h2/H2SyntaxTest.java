package dev.migrate.database.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.sql.Statement;
import dev.migrate.sql.StatementSplitter;
import dev.migrate.sql.UnsplittableSqlException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.h2.util.ScriptReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** H2Syntax splits as H2's own script runner does: compared with {@link ScriptReader} on the same text. */
class H2SyntaxTest {

    static Stream<String> inputs() {
        return Stream.of(
                "SELECT 'a;b'; SELECT 2",
                "SELECT 'it''s;'; SELECT 2",
                "SELECT \"a;\"\"b\" FROM t; SELECT 2",
                "CREATE ALIAS f AS $$ String f() { return \";\"; } $$; SELECT 2",
                "SELECT 1 // slash comment ;\n, 2; SELECT 3",
                "SELECT 1 -- dash comment ;\n, 2; SELECT 3",
                "SELECT /* block ; */ 1; SELECT 2",
                "SELECT (1; SELECT 2)",
                "-- leading\nSELECT 1;\n\n// leading too\nSELECT 2;",
                "SELECT E'\\'; SELECT 2",
                "SELECT 'multi\nline;'; SELECT 2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void splitsAsScriptReader(String input) throws IOException {
        assertThat(ours(input)).containsExactlyElementsOf(h2(input));
    }

    @Test
    void splitsTheProjectsRevisionFilesAsScriptReader() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("src/test/resources", "../it/projects", "../sample/src/main/migrations")) {
            try (Stream<Path> walk = Files.walk(Path.of(folder))) {
                walk.filter(p -> p.toString().endsWith(".sql")).forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        int compared = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
            List<String> ours;
            try {
                ours = ours(text);
            } catch (UnsplittableSqlException e) {
                continue; // files broken on purpose; ScriptReader would send what is left
            }
            assertThat(ours).as(file.toString()).containsExactlyElementsOf(h2(text));
            compared++;
        }
        assertThat(compared).isGreaterThan(100);
    }

    private static List<String> ours(String text) {
        return StatementSplitter.split(text, 1, H2Syntax.INSTANCE).stream().map(Statement::sql)
                .map(H2SyntaxTest::withoutLeadingComments).toList();
    }

    private static List<String> h2(String text) throws IOException {
        List<String> statements = new ArrayList<>();
        try (ScriptReader reader = new ScriptReader(new StringReader(text))) {
            for (String sql = reader.readStatement(); sql != null; sql = reader.readStatement()) {
                String kept = withoutLeadingComments(sql);
                if (!kept.isEmpty()) {
                    statements.add(kept);
                }
            }
        }
        return statements;
    }

    /** psql and the plugin drop leading line comments, ScriptReader keeps them; both ignore blanks around. */
    private static String withoutLeadingComments(String sql) {
        String s = sql.strip();
        while (s.startsWith("--") || s.startsWith("//")) {
            int newline = s.indexOf('\n');
            s = newline < 0 ? "" : s.substring(newline + 1).strip();
        }
        return s;
    }
}
