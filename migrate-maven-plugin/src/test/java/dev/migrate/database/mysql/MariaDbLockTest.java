package dev.migrate.database.mysql;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.Outcome;
import dev.migrate.database.LockTimeoutException;
import dev.migrate.testing.FreshMariaDb;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.UpgradeProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration lock on MariaDB: GET_LOCK on a name of the database and the history table, the
 * holder's connection named while a run waits, and released by the server when the holder dies.
 */
class MariaDbLockTest {


    @TempDir
    Path dir;

    @FreshMariaDb.Each
    TestDatabase db;
    Process victim;

    @AfterEach
    void stopVictim() throws InterruptedException {
        UpgradeProcess.stop(victim);
    }

    String runLock() {
        return "migrate:run:" + db.name() + ".migrate_history";
    }

    Migrator migrator(RecordingListener listener, Duration lockTimeout) {
        return new Migrator(new MigrateConfig(db.url(), null, null, null, dir, null, lockTimeout), listener);
    }

    void twoRevisions(String secondUpgrade) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_t", "base", "CREATE TABLE t (id INT PRIMARY KEY);", "DROP TABLE t;");
        files.add(R2 + "_fill_t", R1, secondUpgrade, "DELETE FROM t;");
    }

    /** A connection of the test's own that holds {@code name}, and its connection id. */
    static long hold(Connection connection, String name) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT GET_LOCK('" + name + "', 0), CONNECTION_ID()")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the test took the lock").isEqualTo(1);
            return rs.getLong(2);
        }
    }

    @Test
    void waitingRunNamesTheHoldersConnectionAndRunsOnceReleased() throws Exception {
        twoRevisions("INSERT INTO t VALUES (1);");
        RecordingListener listener = new RecordingListener();
        CompletableFuture<Outcome> run;
        try (Connection holder = db.connect()) {
            long id = hold(holder, runLock());
            run = CompletableFuture.supplyAsync(() -> migrator(listener, Duration.ofSeconds(30)).upgrade("head"));
            waitUntil(() -> listener.events().stream().anyMatch(e -> e.startsWith("info Waiting for the migration lock")));
            assertThat(listener.events()).anySatisfy(e -> assertThat(e)
                    .contains("(" + runLock() + ")").contains("connection id " + id + ", user root"));
            assertThat(db.tables()).doesNotContain("t");
        }
        assertThat(run.get(30, TimeUnit.SECONDS).plan().steps()).hasSize(2);
        assertThat(db.column("SELECT id FROM t")).containsExactly("1");
    }

    @Test
    void waitingRunGivesUpAfterTheLockTimeoutNamingTheHolder() throws Exception {
        twoRevisions("INSERT INTO t VALUES (1);");
        try (Connection holder = db.connect()) {
            long id = hold(holder, runLock());
            assertThatThrownBy(() -> migrator(new RecordingListener(), Duration.ofSeconds(1)).upgrade("head"))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("gave up waiting for the migration lock")
                    .hasMessageContaining("connection id " + id)
                    .hasMessageContaining("migrate.lockTimeout");
        }
        assertThat(db.tables()).doesNotContain("t");
    }

    @Test
    void lockOfAnotherDatabaseOnTheSameServerDoesNotBlock() throws Exception {
        twoRevisions("INSERT INTO t VALUES (1);");
        try (Connection holder = db.connect()) {
            hold(holder, "migrate:run:" + db.name() + "_other.migrate_history");
            migrator(new RecordingListener(), Duration.ofSeconds(1)).upgrade("head");
        }
        assertThat(db.column("SELECT id FROM t")).containsExactly("1");
    }

    @Test
    void killedHoldersLockIsReleasedAndTheNextRunAppliesTheRevisionOnce() throws Exception {
        twoRevisions("INSERT INTO t VALUES (1);\nSELECT SLEEP(3);\nINSERT INTO t VALUES (2);");
        victim = UpgradeProcess.start(db.url(), dir);
        waitUntil(() -> !db.column("SELECT COUNT(*) FROM information_schema.processlist WHERE db = '" + db.name()
                + "' AND info LIKE 'SELECT SLEEP%'").get(0).equals("0"));
        assertThat(db.column("SELECT IS_USED_LOCK('" + runLock() + "') IS NOT NULL")).containsExactly("1");

        victim.destroyForcibly(); // SIGKILL: no shutdown hook, no unlock from the client
        assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
        waitUntil(() -> db.column("SELECT IS_USED_LOCK('" + runLock() + "') IS NULL").get(0).equals("1"));

        RecordingListener listener = new RecordingListener();
        Outcome next = migrator(listener, Duration.ofSeconds(30)).upgrade("head");

        assertThat(next.plan().steps()).extracting(r -> r.id()).containsExactly(R2);
        assertThat(db.column("SELECT id FROM t ORDER BY id")).containsExactly("1", "2");
        assertThat(db.column("SELECT revision FROM migrate_history ORDER BY revision")).containsExactly(R1, R2);
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
