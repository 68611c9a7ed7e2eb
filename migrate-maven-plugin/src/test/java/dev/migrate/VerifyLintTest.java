package dev.migrate;

import dev.migrate.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.lint.LintConfig;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import dev.migrate.common.Finding;
import dev.migrate.common.Severity;
import dev.migrate.verify.Phase;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate:verify runs the lint rules too: their errors fail it, their warnings are reported. */
class VerifyLintTest {

    @TempDir
    Path dir;

    Migrator migrator() {
        return new Migrator(Configs.config("jdbc:h2:mem:verify_lint", dir),
                new RecordingListener());
    }

    @Test
    void lintWarningsAreReportedWithoutFailingVerify() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add("20260101000000_create_t", "base", "CREATE TABLE t (id INT);", "DROP TABLE t;");
        files.add("20260102000000_drop_t", "20260101000000", "DROP TABLE t;", "CREATE TABLE t (id INT);");

        VerifyResult result = migrator().verify(VerifyOptions.defaults(), LintConfig.defaults());

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.findings()).filteredOn(f -> Phase.of(f) == Phase.LINT).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.revisionId()).isEqualTo("20260102000000");
            assertThat(finding.message()).contains("20260102000000_drop_t.sql:5").contains("destructive-upgrade");
        });
    }

    @Test
    void lintErrorsFailVerifyAndRulesCanBeSwitchedOff() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add("20260101000000_create_t", "base", "CREATE TABLE t (id INT);\nVACUUM t;", "DROP TABLE t;");

        // concurrently-in-transaction is PostgreSQL's advice, given on PostgreSQL only
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            Migrator migrator = new Migrator(Configs.config(db.url(), dir),
                    new RecordingListener());
            VerifyResult linted = migrator.verify(VerifyOptions.defaults(), LintConfig.defaults());
            VerifyResult switchedOff = migrator.verify(VerifyOptions.defaults(),
                    new LintConfig(Set.of("concurrently-in-transaction"), 15));

            assertThat(linted.findings()).filteredOn(Finding::isError).extracting(Phase::of).contains(Phase.LINT);
            assertThat(switchedOff.findings()).noneMatch(f -> Phase.of(f) == Phase.LINT);
        }
    }

    @Test
    void aRuleTheProjectSwitchedOffIsLeftOutOfLintButStillComparedWithTheLocksMeasured() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add("20260101000000_create_t", "base", "CREATE TABLE t (id INT, name TEXT);", "DROP TABLE t;");
        files.add("20260102000000_index_t", "20260101000000", "CREATE INDEX t_name ON t (name);", "DROP INDEX t_name;");

        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            Migrator migrator = new Migrator(Configs.config(db.url(), dir), new RecordingListener());
            VerifyResult linted = migrator.verify(VerifyOptions.defaults(), LintConfig.defaults());
            VerifyResult switchedOff = migrator.verify(VerifyOptions.defaults(),
                    new LintConfig(Set.of("index-without-concurrently"), 15));

            assertThat(linted.findings()).filteredOn(f -> Phase.of(f) == Phase.LINT)
                    .anyMatch(f -> f.message().contains("index-without-concurrently"));
            assertThat(switchedOff.findings()).filteredOn(f -> Phase.of(f) == Phase.LINT)
                    .noneMatch(f -> f.message().contains("index-without-concurrently"));
            // the lock report holds what it measured against every rule, whatever the project switched off
            for (VerifyResult result : java.util.List.of(linted, switchedOff)) {
                assertThat(result.findings()).filteredOn(f -> Phase.of(f) == Phase.UPGRADE)
                        .filteredOn(f -> f.message().contains("20260102000000_index_t.sql:"))
                        .filteredOn(f -> f.message().contains(" on table "))
                        .isNotEmpty()
                        .allSatisfy(f -> assertThat(f.message()).doesNotContain("lint did not flag"));
            }
        }
    }
}
