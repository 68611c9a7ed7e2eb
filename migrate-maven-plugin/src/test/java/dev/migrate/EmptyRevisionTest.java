package dev.migrate;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static dev.migrate.testing.Configs.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.common.Finding;
import dev.migrate.lint.LintConfig;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision whose two sections are both empty (what migrate:revision writes before the user fills
 * it in) is a no-op both ways: recorded, nothing run, and no obstacle to downgrading. A non-merge
 * revision with an empty upgrade is warned about.
 */
class EmptyRevisionTest {


    @TempDir
    Path dir;

    final RecordingListener listener = new RecordingListener();

    Migrator migrator(String url) {
        return new Migrator(config(url, dir), listener);
    }

    /** Revision 2 is exactly what migrate:revision writes: a header and two empty sections. */
    void withEmptyMiddleRevision() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.write(R2 + "_todo.sql", "-- parents: " + R1 + "\n-- message: todo\n\n-- upgrade\n\n-- downgrade\n");
        files.add(R3 + "_create_b", R2, "CREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b;");
    }

    @OnBothDatabases
    void aRevisionWithBothSectionsEmptyIsRecordedAndDowngradedThroughWithoutRunningAnything(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        withEmptyMiddleRevision();

        migrator(db.url()).upgrade("head");

        assertThat(db.column("SELECT revision FROM migrate_history ORDER BY revision")).containsExactly(R1, R2, R3);
        assertThat(db.tables()).containsExactly("a", "b", "migrate_history");
        assertThat(listener.events()).anySatisfy(e -> assertThat(e).startsWith("warn " + R2 + " (todo)")
                .contains("empty upgrade section"));

        Outcome down = migrator(db.url()).downgrade("base");

        assertThat(down.plan().steps()).extracting(r -> r.id()).containsExactly(R3, R2, R1);
        assertThat(db.column("SELECT revision FROM migrate_history")).isEmpty();
        assertThat(db.tables()).containsExactly("migrate_history");
    }

    @OnBothDatabases
    void verifyDoesNotCallItIrreversible(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        withEmptyMiddleRevision();

        VerifyResult result = migrator(db.url()).verify(VerifyOptions.defaults(), LintConfig.defaults());

        assertThat(result.errors()).isEmpty();
        assertThat(result.findings()).extracting(Finding::message)
                .noneMatch(message -> message.contains("irreversible"))
                .anyMatch(message -> message.contains("the upgrade section has no statement"));
        assertThat(result.rows()).extracting(VerifyResult.Row::result).doesNotContain("irreversible", "FAILED");
    }

    @Test
    void lintWarnsAboutAnEmptyUpgradeExceptInAMerge() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.write(R2 + "_undo_only.sql", "-- parents: " + R1 + "\n\n-- upgrade\n\n-- downgrade\nDROP TABLE a;\n");
        files.add(R3 + "_create_b", R1, "CREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b;");
        files.write("20260104000000_merge.sql", "-- parents: " + R2 + ", " + R3 + "\n\n-- upgrade\n\n-- downgrade\n");

        List<Finding> findings = migrator("jdbc:h2:mem:unused").lint(LintConfig.defaults());

        assertThat(findings).filteredOn(f -> f.ruleId().equals("empty-upgrade")).singleElement().satisfies(f -> {
            assertThat(f.file().getFileName().toString()).isEqualTo(R2 + "_undo_only.sql");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).contains("changes nothing", "while its downgrade does run");
        });
    }
}
