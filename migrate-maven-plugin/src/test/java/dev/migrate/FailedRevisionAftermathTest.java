package dev.migrate;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Configs.config;
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

/**
 * What a failed transactional revision leaves behind, as the README's guarantees table states it:
 * nothing on PostgreSQL; on H2, which commits at each DDL statement, a revision holding DDL runs
 * statement by statement, so whatever ran before the failed statement stays and is recorded (the
 * revision is left failed, to resume), with the error listing those lines.
 */
class FailedRevisionAftermathTest {


    @TempDir
    Path dir;

    @OnBothDatabases
    void anInsertBeforeAFailingDdlStatementStaysOnH2AndIsRolledBackOnPostgres(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_fill_a", R1, "INSERT INTO a VALUES (1);\nCREATE TABLE a (id INT);", "DELETE FROM a;");
        Migrator migrator = new Migrator(config(db.url(), dir),
                new RecordingListener());

        assertThatThrownBy(() -> migrator.upgrade("head"))
                .isInstanceOf(StatementFailedException.class)
                .hasMessageContaining(db.isPostgres() ? "nothing of it remains"
                        : "the statements before it (lines 5) stayed applied. It is recorded as failed");

        assertThat(db.column("SELECT revision || ' ' || state || ' ' || statements_done FROM migrate_history"
                + " ORDER BY revision")).isEqualTo(db.isPostgres() ? java.util.List.of(R1 + " applied 0")
                        : java.util.List.of(R1 + " applied 1", R2 + " failed 1"));
        assertThat(db.column("SELECT id FROM a")).isEqualTo(db.isPostgres() ? java.util.List.of()
                : java.util.List.of("1"));
    }

    @OnBothDatabases
    void dataChangesAfterTheLastDdlStatementAreRolledBackOnBoth(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_fill_a", R1, "INSERT INTO a VALUES (1);\nINSERT INTO missing VALUES (2);", "DELETE FROM a;");
        Migrator migrator = new Migrator(config(db.url(), dir),
                new RecordingListener());

        assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(StatementFailedException.class);

        assertThat(db.column("SELECT id FROM a")).isEmpty();
    }
}
