package dev.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.common.MigrateException;
import dev.migrate.database.generic.StandardSyntax;
import dev.migrate.database.h2.H2Syntax;
import dev.migrate.database.mysql.MysqlSyntax;
import dev.migrate.database.postgres.PostgresSyntax;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.lint.Facts.Kind;
import dev.migrate.revision.RevisionFileParser;
import dev.migrate.sql.SqlSyntax;
import dev.migrate.sql.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No statement crashes lint, the classifiers or the plan checks' questions: every statement of the
 * project's histories, with each of its tokens deleted in turn, goes through them and nothing but a
 * {@link MigrateException} may come out.
 */
class NoCrashTest {

    /** Rough tokens of the mutation: quoted text, words, numbers, any other character. */
    private static final Pattern PIECE = Pattern.compile(
            "'(?:[^'\\\\]|''|\\\\.)*'|\"(?:[^\"]|\"\")*\"|`[^`]*`|\\$\\$.*?\\$\\$|[A-Za-z_][A-Za-z0-9_$]*|\\d+|\\S",
            Pattern.DOTALL);

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE (id int)", "CREATE TABLE `a`", "CREATE TABLE", "CREATE INDEX",
            "CREATE INDEX ON", "DROP TABLE", "ALTER TABLE", "ALTER TABLE ADD", "TRUNCATE", "CREATE UNIQUE INDEX (",
            "DROP INDEX CONCURRENTLY", "ALTER TABLE t RENAME", "ALTER TABLE t ALTER"})
    void statementsWithoutTheirNamesAreClassifiedWithoutNames(String sql) {
        for (SqlSyntax syntax : syntaxes()) {
            Facts facts = StatementClassifier.classify(sql, syntax);
            assertThat(facts.names()).doesNotContainNull();
            assertThat(facts.kind()).isNotNull();
        }
    }

    @Test
    void createTableWithoutNameIsACreateTableOfNoName() {
        Facts facts = StatementClassifier.classify("CREATE TABLE (id int)", PostgresSyntax.INSTANCE);
        assertThat(facts.kind()).isEqualTo(Kind.CREATE_TABLE);
        assertThat(facts.names()).isEmpty();
        assertThat(lint("CREATE TABLE `a`", MysqlSyntax.INSTANCE)).isNotNull();
    }

    @Test
    void everyHistoryStatementWithEachTokenDeletedLeavesOnlyMigrateExceptions() throws IOException {
        Set<String> statements = new LinkedHashSet<>();
        for (Path file : historyFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            RevisionFileParser.Result result = RevisionFileParser.parse(file, text.getBytes(StandardCharsets.UTF_8),
                    PostgresSyntax.INSTANCE);
            if (result.isValid()) {
                result.revision().upgrade().statements().forEach(s -> statements.add(s.sql()));
                result.revision().downgrade().statements().forEach(s -> statements.add(s.sql()));
            }
        }
        assertThat(statements).hasSizeGreaterThan(300);
        List<String> crashes = new ArrayList<>();
        Set<String> tried = new HashSet<>();
        for (String sql : statements) {
            Matcher m = PIECE.matcher(sql);
            // the leading words are what the classifiers read; a long body adds time, not cases
            for (int n = 0; n < LEADING_PIECES && m.find(); n++) {
                String mutated = sql.substring(0, m.start()) + sql.substring(m.end());
                if (tried.add(mutated)) {
                    feed(mutated, sql, crashes);
                }
            }
        }
        assertThat(tried).hasSizeGreaterThan(3_000);
        assertThat(crashes).isEmpty();
    }

    /**
     * The whole of lint (JSqlParser, keyword classifier, every rule) once with the mutation as the
     * upgrade and the original as the downgrade; the keyword reading and the plan checks' questions
     * under every syntax.
     */
    private static void feed(String mutated, String original, List<String> crashes) {
        try {
            lint(mutated, original, PostgresSyntax.INSTANCE);
        } catch (MigrateException expected) {
            // a refusal with a message is allowed
        } catch (RuntimeException e) {
            crashes.add("lint: " + e + " for: " + mutated);
        }
        for (SqlSyntax syntax : syntaxes()) {
            try {
                KeywordClassifier.classify(Tokens.of(mutated, syntax));
                NoTransactionStatements.of(mutated, syntax);
                syntax.isTransactionControl(new Statement(mutated, 1));
            } catch (MigrateException expected) {
                // a refusal with a message is allowed
            } catch (RuntimeException e) {
                crashes.add(syntax.name() + ": " + e + " for: " + mutated);
            }
        }
    }

    private static final int LEADING_PIECES = 30;

    private static List<?> lint(String sql, SqlSyntax syntax) {
        RevisionFileParser.Result result = parse(sql, sql, syntax);
        assertThat(result.problems()).isEmpty();
        return Linter.lint(RevisionGraph.of(List.of(result.revision())), LintConfig.defaults());
    }

    /** Lint's findings, or none when the mutation made the file unreadable (a problem, reported as such). */
    private static List<?> lint(String upgrade, String downgrade, SqlSyntax syntax) {
        RevisionFileParser.Result result = parse(upgrade, downgrade, syntax);
        return result.isValid() ? Linter.lint(RevisionGraph.of(List.of(result.revision())), LintConfig.defaults())
                : result.problems();
    }

    private static RevisionFileParser.Result parse(String upgrade, String downgrade, SqlSyntax syntax) {
        String file = "-- parents: base\n-- upgrade\n" + upgrade + ";\n-- downgrade\n" + downgrade + ";\n";
        return RevisionFileParser.parse(Path.of("20260101000000_x.sql"), file.getBytes(StandardCharsets.UTF_8),
                syntax);
    }

    private static List<SqlSyntax> syntaxes() {
        return List.of(PostgresSyntax.INSTANCE, H2Syntax.INSTANCE, MysqlSyntax.INSTANCE, StandardSyntax.INSTANCE);
    }

    /** The revision files of the project's test histories, invoker scenarios, sample and compat folder. */
    static List<Path> historyFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("src/test/resources", "../it/projects", "../sample/src/main/migrations",
                "../compat")) {
            Path root = Path.of(folder);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".sql")).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
