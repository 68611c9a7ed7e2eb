package dev.migrate.lint;

import dev.migrate.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.common.Finding;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lint rules declare the products they apply to: PostgreSQL's lock advice is not given on H2. */
class LintProductsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://127.0.0.1:1/unused | concurrently-in-transaction,constraint-without-not-valid,"
                    + "destructive-upgrade,index-without-concurrently,new-enum-value-before-commit,unparsed-statement",
            "jdbc:h2:mem:unused                   | destructive-upgrade,unparsed-statement",
            "jdbc:sqlite:unused.db                | destructive-upgrade,unparsed-statement"})
    void givesEachProductTheRulesThatHoldOnIt(String url, String expectedRules) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add("20260101000000_create_t", "base", "CREATE TABLE t (id INT PRIMARY KEY, u INT);"
                + "\nCREATE TABLE u (id INT PRIMARY KEY);", "DROP TABLE u;\nDROP TABLE t;");
        files.add("20260102000000_change_t", "20260101000000", String.join("\n",
                "CREATE INDEX ix_t_u ON t (u);",
                "ALTER TABLE t ADD CONSTRAINT fk_t_u FOREIGN KEY (u) REFERENCES u (id);",
                "VACUUM t;",
                "ALTER TYPE mood ADD VALUE 'calm';",
                "UPDATE t SET mood = 'calm';",
                "DROP TABLE u;"), "CREATE TABLE u (id INT PRIMARY KEY);\nALTER TABLE t DROP CONSTRAINT fk_t_u;"
                + "\nDROP INDEX ix_t_u;");
        Migrator migrator = new Migrator(Configs.config(url, dir), new RecordingListener());

        List<String> rules = migrator.lint(LintConfig.defaults()).stream()
                .filter(f -> f.file().getFileName().toString().startsWith("20260102000000"))
                .map(Finding::ruleId).distinct().sorted().toList();

        assertThat(rules).containsExactly(expectedRules.split(","));
    }
}
