package dev.migrate;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static dev.migrate.testing.Configs.config;
import dev.migrate.history.UnfinishedRevisionException;
import dev.migrate.report.Reports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.run.StatementFailedException;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** A non-transactional revision that fails halfway is journaled, and runs wait until it is resolved. */
class FailureJournalTest {


    @TempDir
    Path dir;

    final RecordingListener listener = new RecordingListener();

    Migrator migrator(TestDatabase db) {
        return new Migrator(config(db.url(), dir), listener);
    }

    /** Revision 2 runs outside a transaction and fails on its third statement. */
    RevisionFiles failingHalfway() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.addWithHeader(R2 + "_fill_a", "-- parents: " + R1 + "\n-- message: fill a\n-- transactional: false",
                "INSERT INTO a VALUES (1);\nINSERT INTO a VALUES (2);\nINSERT INTO missing VALUES (3);\nINSERT INTO a VALUES (4);",
                "DELETE FROM a;");
        files.add(R3 + "_create_c", R2, "CREATE TABLE c (id INT);", "DROP TABLE c;");
        return files;
    }

    @OnBothDatabases
    void failedStatementIsRecordedWithHowFarTheRevisionGot(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        failingHalfway();

        assertThatThrownBy(() -> migrator(db).upgrade("head"))
                .isInstanceOf(StatementFailedException.class)
                .hasMessageContaining("recorded as failed")
                .hasMessageContaining("-Dmigrate.resume=true")
                .hasMessageContaining("migrate:stamp");

        assertThat(db.column("SELECT state || ' ' || statements_done FROM migrate_history WHERE revision = '" + R2 + "'"))
                .containsExactly("failed 2");
        assertThat(db.column("SELECT error FROM migrate_history WHERE revision = '" + R2 + "'"))
                .singleElement().asString().contains(R2 + "_fill_a.sql:8");
        assertThat(db.column("SELECT id FROM a ORDER BY id")).containsExactly("1", "2");
        assertThat(Reports.current(migrator(db).status())).anySatisfy(line -> assertThat(line)
                .startsWith("FAILED: upgrade of " + R2 + " stopped after 2 statement(s)"));
        assertThat(Reports.history(migrator(db).status())).anySatisfy(line -> assertThat(line).startsWith("[!] " + R2));
    }

    @OnBothDatabases
    void laterRunsAreRefusedUntilTheFailureIsResolved(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        failingHalfway();
        assertThatThrownBy(() -> migrator(db).upgrade("head")).isInstanceOf(StatementFailedException.class);

        assertThatThrownBy(() -> migrator(db).upgrade("head"))
                .isInstanceOf(UnfinishedRevisionException.class)
                .hasMessageContaining(R2 + " (fill a): upgrade stopped after 2 statement(s)")
                .hasMessageContaining("-Dmigrate.resume=true")
                .hasMessageContaining("migrate:stamp");
        assertThatThrownBy(() -> migrator(db).downgrade("base")).isInstanceOf(UnfinishedRevisionException.class);
        assertThatThrownBy(() -> migrator(db).validate(false)).isInstanceOf(UnfinishedRevisionException.class);
        assertThat(db.tables()).doesNotContain("c");
    }

    @OnBothDatabases
    void resumeContinuesFromTheFailedStatementAfterTheFix(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = failingHalfway();
        assertThatThrownBy(() -> migrator(db).upgrade("head")).isInstanceOf(StatementFailedException.class);
        files.addWithHeader(R2 + "_fill_a", "-- parents: " + R1 + "\n-- message: fill a\n-- transactional: false",
                "INSERT INTO a VALUES (1);\nINSERT INTO a VALUES (2);\nINSERT INTO a VALUES (3);\nINSERT INTO a VALUES (4);",
                "DELETE FROM a;");

        migrator(db).upgrade("head", true);

        // statements 1 and 2 were not run twice (that would break the primary key)
        assertThat(db.column("SELECT id FROM a ORDER BY id")).containsExactly("1", "2", "3", "4");
        assertThat(db.column("SELECT revision || ' ' || state FROM migrate_history ORDER BY revision"))
                .containsExactly(R1 + " applied", R2 + " applied", R3 + " applied");
        assertThat(listener.events()).anySatisfy(e -> assertThat(e).contains("resuming failed up of " + R2));
    }

    @OnBothDatabases
    void stampResolvesAFailedRevision(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        failingHalfway();
        assertThatThrownBy(() -> migrator(db).upgrade("head")).isInstanceOf(StatementFailedException.class);
        db.execute("INSERT INTO a VALUES (3)");
        db.execute("INSERT INTO a VALUES (4)");

        migrator(db).stamp(R2);
        migrator(db).upgrade("head");

        assertThat(db.column("SELECT revision || ' ' || state FROM migrate_history ORDER BY revision"))
                .containsExactly(R1 + " applied", R2 + " stamped", R3 + " applied");
        assertThat(db.tables()).contains("c");
    }
}
