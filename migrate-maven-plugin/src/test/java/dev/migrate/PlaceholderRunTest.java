package dev.migrate;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import dev.migrate.database.Dialects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.common.Finding;
import dev.migrate.database.Dialect;
import dev.migrate.lint.LintConfig;
import dev.migrate.report.Reports;
import dev.migrate.revision.InvalidRevisionsException;
import dev.migrate.revision.Placeholders;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import dev.migrate.verify.VerifyOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** Placeholders on a real database: what is sent, what is recorded, and what stops a run. */
class PlaceholderRunTest {


    @TempDir
    Path dir;

    final RecordingListener listener = new RecordingListener();

    Migrator migrator(TestDatabase db, String schema, Map<String, String> values) {
        return new Migrator(new MigrateConfig(db.url(), null, null, schema, dir, null, null,
                new Placeholders(true, values)), listener);
    }

    void tenantTables() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_settings", "base",
                "CREATE TABLE settings (name VARCHAR(50) PRIMARY KEY, owner VARCHAR(50), tenant VARCHAR(50));\n"
                        + "INSERT INTO settings VALUES ('plan', '${owner}', '${migrate:schema}');",
                "DROP TABLE settings;");
        files.add(R2 + "_create_orders", R1, "CREATE TABLE ${table} (id INT PRIMARY KEY);\n"
                + "INSERT INTO settings VALUES ('literal', '$${owner}', '${migrate:revision}');",
                "DELETE FROM settings WHERE name = 'literal';\nDROP TABLE ${table};");
    }

    @OnBothDatabases
    void sendsTheReplacedSqlAndANewValueIsNotAnEdit(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        tenantTables();

        migrator(db, "tenant_a", Map.of("owner", "alice", "table", "orders")).upgrade("head");

        assertThat(db.tables("tenant_a")).containsExactly("migrate_history", "orders", "settings");
        assertThat(db.column("SELECT owner || '/' || tenant FROM tenant_a.settings ORDER BY name"))
                .containsExactly("${owner}/" + R2, "alice/tenant_a");

        // another value later: the files are unchanged, so the history still matches them
        Migrator other = migrator(db, "tenant_a", Map.of("owner", "bob", "table", "orders"));
        assertThat(other.validate(true).current()).extracting(r -> r.id()).containsExactly(R2);
        assertThat(other.upgrade("head").plan().steps()).isEmpty();

        other.downgrade("base");
        assertThat(db.tables("tenant_a")).containsExactly("migrate_history");
    }

    @OnBothDatabases
    void aMissingValueIsReportedWithTheOtherFileProblemsBeforeAnythingRuns(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT);\nGRANT SELECT ON a TO ${reader};",
                "DROP TABLE a;");
        files.write("20260102000000_broken.sql", "-- parents: " + R1 + "\n-- upgrade\nSELECT 1;\n");

        assertThatThrownBy(() -> migrator(db, null, Map.of()).upgrade("head"))
                .isInstanceOfSatisfying(InvalidRevisionsException.class, e -> {
                    assertThat(e.problems()).extracting(Finding::line).contains(6);
                    assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(2);
                    assertThat(e.getMessage()).contains(R1 + "_create_a.sql:6", "${reader}", "20260102000000_broken.sql");
                });
        assertThat(db.tables()).isEmpty();
    }

    @OnBothDatabases
    void goalsThatReadNoSqlNeedNoValues(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT);\nGRANT SELECT ON a TO ${reader};",
                "DROP TABLE a;");
        Migrator migrator = migrator(db, null, Map.of());

        assertThat(migrator.status().pending()).extracting(r -> r.id()).containsExactly(R1);
        assertThat(migrator.filesOnly().graph().heads()).extracting(r -> r.id()).containsExactly(R1);
        assertThat(migrator.revision("next", List.of(), List.of(), List.of())).exists();
        assertThatThrownBy(() -> migrator.lint(LintConfig.defaults())).isInstanceOf(InvalidRevisionsException.class)
                .hasMessageContaining("${reader}");
        assertThat(db.tables()).isEmpty();
    }

    @OnBothDatabases
    void offlineSqlLintAndVerifySeeTheReplacedText(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE ${name} (id INT PRIMARY KEY);", "DROP TABLE ${name};");
        Migrator migrator = migrator(db, null, Map.of("name", "accounts"));

        assertThat(migrator.offlineScript(null, "head", null, Dialects.forUrl(db.url())).text())
                .contains("CREATE TABLE accounts (id INT PRIMARY KEY)").doesNotContain("${name}");
        assertThat(migrator.verify(VerifyOptions.defaults()).errors()).isEmpty();
        assertThat(Reports.show(migrator.filesOnly(), migrator.load().find(R1).orElseThrow(), false))
                .contains("CREATE TABLE ${name} (id INT PRIMARY KEY);", "-- upgrade, as sent (placeholders replaced)",
                        "CREATE TABLE accounts (id INT PRIMARY KEY);");
    }

    @OnBothDatabases
    void disabledSendsTheTextAsWritten(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (v VARCHAR(20));\nINSERT INTO a VALUES ('${kept}');",
                "DROP TABLE a;");

        new Migrator(new MigrateConfig(db.url(), null, null, null, dir, null, null,
                new Placeholders(false, Map.of("kept", "replaced"))), listener).upgrade("head");

        assertThat(db.column("SELECT v FROM a")).isEqualTo(List.of("${kept}"));
    }
}
