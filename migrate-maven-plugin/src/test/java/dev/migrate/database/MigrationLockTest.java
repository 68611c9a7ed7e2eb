package dev.migrate.database;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.Outcome;
import dev.migrate.graph.Direction;
import dev.migrate.revision.Revision;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/** One migrating run at a time: the second waits, says who it waits for, and re-reads the history. */
class MigrationLockTest {

    @TempDir
    Path dir;

    /** A listener that stops its run (inside the lock) after the first revision until released. */
    static final class PausingListener extends RecordingListener {
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void revisionDone(Revision revision, Direction direction, Duration took, boolean transactional) {
            super.revisionDone(revision, direction, took, transactional);
            paused.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Migrator migrator(TestDatabase db, RecordingListener listener, Duration lockTimeout) {
        return migrator(db, null, listener, lockTimeout);
    }

    Migrator migrator(TestDatabase db, String schema, RecordingListener listener, Duration lockTimeout) {
        return new Migrator(new MigrateConfig(db.url(), null, null, schema, dir, null, lockTimeout), listener);
    }

    /** A first run of two revisions, stopped inside the migration lock after the first until {@link #release}. */
    record HeldLock(PausingListener listener, CompletableFuture<Outcome> run) {

        void release() {
            listener.release.countDown();
        }

        /** What the first run did, once released. */
        Outcome outcome() throws Exception {
            return run.get(30, TimeUnit.SECONDS);
        }
    }

    HeldLock holdTheLock(TestDatabase db) throws InterruptedException {
        twoRevisions();
        PausingListener listener = new PausingListener();
        CompletableFuture<Outcome> run = CompletableFuture.supplyAsync(
                () -> migrator(db, listener, Duration.ofSeconds(30)).upgrade("head"));
        assertThat(listener.paused.await(20, TimeUnit.SECONDS)).isTrue();
        return new HeldLock(listener, run);
    }

    void twoRevisions() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b;");
    }

    @OnBothDatabases
    void secondRunWaitsForTheLockAndAppliesNothingTheFirstApplied(BothDatabases.Lazy lazy) throws Exception {
        TestDatabase db = lazy.get();
        HeldLock first = holdTheLock(db);

        RecordingListener second = new RecordingListener();
        CompletableFuture<Outcome> secondRun = CompletableFuture.supplyAsync(
                () -> migrator(db, second, Duration.ofSeconds(30)).upgrade("head"));
        waitUntil(() -> second.events().stream().anyMatch(e -> e.startsWith("info Waiting for the migration lock")));
        if (db.isPostgres()) {
            assertThat(second.events()).anySatisfy(e -> assertThat(e)
                    .contains("pid ").contains("application 'migrate-maven-plugin'").contains("connected since"));
        }
        first.release();

        assertThat(first.outcome().plan().steps()).hasSize(2);
        assertThat(secondRun.get(30, TimeUnit.SECONDS).plan().steps()).isEmpty();
        assertThat(second.events()).noneMatch(e -> e.startsWith("up "));
        assertThat(db.column("SELECT revision FROM migrate_history ORDER BY revision")).containsExactly(R1, R2);
    }

    @OnBothDatabases
    void waitingRunGivesUpAfterTheLockTimeout(BothDatabases.Lazy lazy) throws Exception {
        TestDatabase db = lazy.get();
        HeldLock first = holdTheLock(db);
        try {
            assertThatThrownBy(() -> migrator(db, new RecordingListener(), Duration.ofSeconds(1)).upgrade("head"))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("gave up waiting for the migration lock")
                    .hasMessageContaining("migrate.lockTimeout");
        } finally {
            first.release();
        }
        assertThat(first.outcome().plan().steps()).hasSize(2);
    }

    @OnBothDatabases
    void aRunNamingTheSchemaWaitsForARunThatLeavesItOut(BothDatabases.Lazy lazy) throws Exception {
        TestDatabase db = lazy.get();
        HeldLock first = holdTheLock(db);
        try {
            // the same history table, its default schema spelled out in another case
            Migrator namingTheSchema = migrator(db, "Public", new RecordingListener(), Duration.ofSeconds(1));
            assertThatThrownBy(() -> namingTheSchema.upgrade("head"))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("gave up waiting for the migration lock");
        } finally {
            first.release();
        }
        assertThat(first.outcome().plan().steps()).hasSize(2);
    }

    @OnBothDatabases
    void historyTablesOfTwoSchemasHaveLocksOfTheirOwn(BothDatabases.Lazy lazy) throws Exception {
        TestDatabase db = lazy.get();
        HeldLock first = holdTheLock(db);
        try {
            Migrator otherSchema = migrator(db, "other", new RecordingListener(), Duration.ofSeconds(1));
            assertThat(otherSchema.upgrade("head").plan().steps()).hasSize(2);
        } finally {
            first.release();
        }
        assertThat(first.outcome().plan().steps()).hasSize(2);
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
