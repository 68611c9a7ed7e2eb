package dev.migrate;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.UpgradeProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven process killed with SIGKILL in the middle of a long statement leaves the database
 * consistent and the lock free, and the next run completes the work. PostgreSQL only: it is the
 * database whose guarantees are at stake here.
 */
class CrashRecoveryTest {


    @TempDir
    Path dir;

    TestDatabase db;
    Process victim;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        UpgradeProcess.stop(victim);
        db.close();
    }

    /** Revision 2 sleeps as long as the control table says: 60 s for the victim, 0 afterwards. */
    void revisions(boolean transactional) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_control", "base",
                "CREATE TABLE crash_control (sleep_seconds INT NOT NULL);\nINSERT INTO crash_control VALUES (60);",
                "DROP TABLE crash_control;");
        files.addWithHeader(R2 + "_slow", "-- parents: " + R1 + "\n-- message: slow\n-- transactional: " + transactional,
                "CREATE TABLE before_sleep (id INT);\nSELECT pg_sleep(sleep_seconds) FROM crash_control;\n"
                        + "CREATE TABLE after_sleep (id INT);",
                "DROP TABLE after_sleep;\nDROP TABLE before_sleep;");
        files.add(R3 + "_create_c", R2, "CREATE TABLE c (id INT);", "DROP TABLE c;");
    }

    void killMidStatement() throws Exception {
        victim = UpgradeProcess.start(db.url(), dir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (db.column("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND state = 'active' AND query LIKE 'SELECT pg_sleep%'").get(0).equals("0")) {
            assertThat(victim.isAlive()).as("the victim process is still running").isTrue();
            assertThat(System.nanoTime()).as("the victim reached the long statement in time").isLessThan(deadline);
            Thread.sleep(100);
        }
        victim.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the client
        assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    void waitForOrphanToEnd() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!db.column("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND application_name = 'migrate-maven-plugin'").get(0).equals("0")) {
            assertThat(System.nanoTime()).as("the killed run's sessions ended").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    Outcome nextRun(RecordingListener listener) {
        db.execute("UPDATE crash_control SET sleep_seconds = 0");
        return new Migrator(new MigrateConfig(db.url(), null, null, null, dir, null, Duration.ofSeconds(30)), listener)
                .upgrade("head");
    }

    @Test
    void killedTransactionalRevisionLeavesNothingAndTheNextRunCompletesIt() throws Exception {
        revisions(true);
        killMidStatement();
        waitForOrphanToEnd();

        // consistent: revision 2 left neither its first table nor a history row, and no lock is held
        assertThat(db.tables()).containsExactly("crash_control", "migrate_history");
        assertThat(db.column("SELECT revision FROM migrate_history")).containsExactly(R1);
        assertThat(db.column("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).containsExactly("0");

        Outcome outcome = nextRun(new RecordingListener());

        assertThat(outcome.plan().steps()).extracting(r -> r.id()).containsExactly(R2, R3);
        assertThat(db.tables()).containsExactly("after_sleep", "before_sleep", "c", "crash_control", "migrate_history");
        assertThat(db.column("SELECT revision || ' ' || state FROM migrate_history ORDER BY revision"))
                .containsExactly(R1 + " applied", R2 + " applied", R3 + " applied");
    }

    @Test
    void killedNonTransactionalRevisionIsFinishedFromWhereItStopped() throws Exception {
        revisions(false);
        killMidStatement();
        waitForOrphanToEnd();

        // the journal says how far it got: statement 1 done, statement 2 cut off
        assertThat(db.column("SELECT state || ' ' || statements_done FROM migrate_history WHERE revision = '" + R2 + "'"))
                .containsExactly("running 1");
        assertThat(db.tables()).contains("before_sleep").doesNotContain("after_sleep");
        assertThat(db.column("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).containsExactly("0");

        RecordingListener listener = new RecordingListener();
        nextRun(listener);

        // CREATE TABLE before_sleep was not run twice (it would fail), and everything is applied
        assertThat(listener.events()).anySatisfy(e -> assertThat(e).contains("finishing interrupted up of " + R2));
        assertThat(db.tables()).containsExactly("after_sleep", "before_sleep", "c", "crash_control", "migrate_history");
        assertThat(db.column("SELECT revision || ' ' || state FROM migrate_history ORDER BY revision"))
                .containsExactly(R1 + " applied", R2 + " applied", R3 + " applied");
    }
}
