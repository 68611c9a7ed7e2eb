package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.FreshPostgres;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several replicas migrating one PostgreSQL database at once: each revision is applied by exactly
 * one of them, and all of them finish.
 */
class ConcurrentUpgradeTest {

    static final int RUNS = 5;
    static final int ROUNDS = 20;

    @TempDir
    Path dir;

    Migrator migrator(TestDatabase db, RecordingListener listener) {
        return new Migrator(new MigrateConfig(db.url(), null, null, null, dir, null, Duration.ofSeconds(60)), listener);
    }

    @Test
    void fiveRunsAtOnceApplyEachRevisionExactlyOnce() throws Exception {
        RevisionFiles files = RevisionFiles.in(dir);
        String parent = "base";
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String id = "2026010" + i + "000000";
            files.add(id + "_create_t" + i, parent, "CREATE TABLE t" + i + " (id INT PRIMARY KEY);\n"
                    + "INSERT INTO t" + i + " VALUES (1);", "DROP TABLE t" + i + ";");
            parent = id;
            ids.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
                    CyclicBarrier start = new CyclicBarrier(RUNS);
                    List<RecordingListener> listeners = new ArrayList<>();
                    List<CompletableFuture<Outcome>> runs = new ArrayList<>();
                    for (int run = 0; run < RUNS; run++) {
                        RecordingListener listener = new RecordingListener();
                        listeners.add(listener);
                        runs.add(CompletableFuture.supplyAsync(() -> {
                            await(start);
                            return migrator(db, listener).upgrade("head");
                        }, pool));
                    }
                    int applied = 0;
                    for (CompletableFuture<Outcome> run : runs) {
                        applied += run.get(120, TimeUnit.SECONDS).plan().steps().size();
                    }
                    List<String> upEvents = listeners.stream().flatMap(l -> l.events().stream())
                            .filter(e -> e.startsWith("up ")).toList();
                    assertThat(upEvents).as("round %d: every revision applied once, by one run", round)
                            .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "up " + id).toList());
                    assertThat(applied).as("round %d: plans add up to the revisions", round).isEqualTo(ids.size());
                    assertThat(db.column("SELECT revision FROM migrate_history ORDER BY revision")).containsExactlyElementsOf(ids);
                    assertThat(db.column("SELECT SUM(id) FROM (SELECT id FROM t1 UNION ALL SELECT id FROM t6) x"))
                            .containsExactly("2");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The key of the advisory lock the test holds to stop the first run where it wants it. */
    static final long HOLD = 731_0042L;

    @Test
    @FreshPostgres.Each
    void runStartedDuringCreateIndexConcurrentlyWaitsAndFinishesWithoutDeadlock(TestDatabase db) throws Exception {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add("20260101000000_create_t", "base",
                "CREATE TABLE t (id INT PRIMARY KEY, name TEXT);\nINSERT INTO t SELECT g, 'n' || g FROM generate_series(1, 1000) g;",
                "DROP TABLE t;");
        // the first run stops before its CREATE INDEX CONCURRENTLY until the test lets it go: no race window
        files.addWithHeader("20260102000000_index_t", "-- parents: 20260101000000\n-- message: index t\n-- transactional: false",
                "SELECT pg_advisory_lock(" + HOLD + ");\nSELECT pg_advisory_unlock(" + HOLD + ");\n"
                        + "CREATE INDEX CONCURRENTLY ix_t_name ON t (name);", "DROP INDEX CONCURRENTLY ix_t_name;");
        files.add("20260103000000_create_u", "20260102000000", "CREATE TABLE u (id INT);", "DROP TABLE u;");
        try (java.sql.Connection holder = db.connect()) {
            holder.createStatement().execute("SELECT pg_advisory_lock(" + HOLD + ")");
            RecordingListener first = new RecordingListener();
            CompletableFuture<Outcome> firstRun = CompletableFuture.supplyAsync(() -> migrator(db, first).upgrade("head"));
            waitUntil("the first run waits at the held lock", () -> !db.column("SELECT COUNT(*) FROM pg_locks"
                    + " WHERE locktype = 'advisory' AND NOT granted AND objid = " + HOLD).get(0).equals("0"));
            RecordingListener second = new RecordingListener();
            CompletableFuture<Outcome> secondRun = CompletableFuture.supplyAsync(() -> migrator(db, second).upgrade("head"));
            waitUntil("the second run waits for the migration lock", () -> second.events().stream()
                    .anyMatch(e -> e.startsWith("info Waiting for the migration lock")));
            holder.createStatement().execute("SELECT pg_advisory_unlock(" + HOLD + ")");

            assertThat(firstRun.get(120, TimeUnit.SECONDS).plan().steps()).hasSize(3);
            assertThat(secondRun.get(120, TimeUnit.SECONDS).plan().steps()).isEmpty();
            assertThat(db.column("SELECT indexname FROM pg_indexes WHERE tablename = 't' ORDER BY 1"))
                    .containsExactly("ix_t_name", "t_pkey");
            assertThat(db.column("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'ix_t_name'::regclass"))
                    .containsExactly("true");
        }
    }

    /**
     * Polls until {@code condition} holds. The bound only keeps a broken build from hanging; nothing
     * depends on how soon the condition comes.
     */
    private static void waitUntil(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; !condition.getAsBoolean(); i++) {
            if (i > 6_000) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
