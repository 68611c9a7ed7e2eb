package dev.migrate.database.mysql;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.Outcome;
import dev.migrate.run.StatementFailedException;
import dev.migrate.testing.FreshMariaDb;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.UpgradeProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On MariaDB, where DDL commits on its own, a revision of several DDL statements marked
 * {@code transactional: false} keeps the failure journal: a failed or killed revision is named,
 * resumed from where it stopped, and no completed statement runs twice.
 */
class MariaDbJournalTest {


    @TempDir
    Path dir;

    @FreshMariaDb.Each
    TestDatabase db;
    Process victim;

    @AfterEach
    void stopVictim() throws InterruptedException {
        UpgradeProcess.stop(victim);
    }

    Migrator migrator() {
        return new Migrator(new MigrateConfig(db.url(), null, null, null, dir, null, Duration.ofSeconds(30)),
                new RecordingListener());
    }

    void ddlRevision(String middle) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.addWithHeader(R2 + "_b_and_c", "-- parents: " + R1 + "\n-- message: b and c\n-- transactional: false",
                "CREATE TABLE b (id INT PRIMARY KEY);\n" + middle + "\nCREATE TABLE c (id INT PRIMARY KEY);",
                "DROP TABLE c;\nDROP TABLE b;");
    }

    @Test
    void failedDdlRevisionIsRecordedAsFailedAndResumedAfterTheFixWithoutRunningItsFirstStatementAgain() {
        ddlRevision("ALTER TABLE missing ADD COLUMN x INT;");

        assertThatThrownBy(() -> migrator().upgrade("head")).isInstanceOf(StatementFailedException.class)
                .hasMessageContaining(R2 + "_b_and_c.sql").hasMessageContaining("-Dmigrate.resume=true");
        assertThat(db.column("SELECT CONCAT(state, ' ', statements_done) FROM migrate_history WHERE revision = '"
                + R2 + "'")).containsExactly("failed 1");
        assertThat(db.tables()).containsExactly("a", "b", "migrate_history");

        ddlRevision("ALTER TABLE b ADD COLUMN x INT;");
        Outcome resumed = migrator().upgrade("head", true);

        // CREATE TABLE b would fail if it ran again: the resume starts at the fixed statement
        assertThat(resumed.plan().steps()).extracting(r -> r.id()).containsExactly(R2);
        assertThat(db.tables()).containsExactly("a", "b", "c", "migrate_history");
        assertThat(db.column("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = 'b' ORDER BY ordinal_position")).containsExactly("id", "x");
        assertThat(db.column("SELECT state FROM migrate_history WHERE revision = '" + R2 + "'")).containsExactly("applied");
    }

    @Test
    void revisionKilledMidwayIsFinishedByTheNextRunFromWhereItStopped() throws Exception {
        ddlRevision("SELECT SLEEP(3);");
        victim = UpgradeProcess.start(db.url(), dir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (db.column("SELECT COUNT(*) FROM information_schema.processlist WHERE db = '" + db.name()
                + "' AND info LIKE 'SELECT SLEEP%'").get(0).equals("0")) {
            assertThat(System.nanoTime()).as("the victim reached the long statement in time").isLessThan(deadline);
            Thread.sleep(50);
        }
        victim.destroyForcibly(); // SIGKILL mid-revision: b exists, c does not
        assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(db.column("SELECT CONCAT(state, ' ', statements_done) FROM migrate_history WHERE revision = '"
                + R2 + "'")).containsExactly("running 1");

        Outcome next = migrator().upgrade("head");

        assertThat(next.plan().steps()).extracting(r -> r.id()).containsExactly(R2);
        assertThat(db.tables()).containsExactly("a", "b", "c", "migrate_history");
        assertThat(db.column("SELECT state FROM migrate_history ORDER BY revision")).containsExactly("applied", "applied");
    }
}
