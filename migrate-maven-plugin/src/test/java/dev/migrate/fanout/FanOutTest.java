package dev.migrate.fanout;

import dev.migrate.testing.Configs;
import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateConfig;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.Outcome;
import dev.migrate.run.StatementFailedException;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FanOutTest {


    @TempDir
    Path dir;

    void threeTables() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b;");
        files.add(R3 + "_create_c", R2, "CREATE TABLE c (id INT PRIMARY KEY);", "DROP TABLE c;");
    }

    static List<Member> schemas(TestDatabase db, Path revisions, int count) {
        MigrateConfig config = Configs.config(db.url(), revisions);
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("tenant_%02d", i))
                .map(schema -> new Member(schema, config.withSchema(schema))).toList();
    }

    static final FanOut.Task UPGRADE = (member, tally) -> {
        Migrator migrator = new Migrator(member.config(), MigrationListener.SILENT);
        tally.from(migrator.status());
        try {
            Outcome outcome = migrator.upgrade("head");
            tally.revisions(outcome.plan().steps().size());
            tally.to(outcome.after());
        } catch (RuntimeException e) {
            tally.to(migrator.status());
            throw e;
        }
    };

    @Test
    void twentySchemasReachHeadExceptTheOneWithATableInTheWay() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            threeTables();
            db.execute("CREATE SCHEMA tenant_13; CREATE TABLE tenant_13.b (id INT)");

            Summary summary = new FanOut(4, false).run(schemas(db, dir, 20), UPGRADE);

            assertThat(summary.results()).hasSize(20);
            assertThat(summary.failed()).singleElement().satisfies(failed -> {
                assertThat(failed.name()).isEqualTo("tenant_13");
                assertThat(failed.from()).isEqualTo("base");
                assertThat(failed.to()).isEqualTo(R1);
                assertThat(failed.failure()).isInstanceOf(StatementFailedException.class)
                        .hasMessageContaining(R2).hasMessageContaining("\"b\"");
            });
            assertThat(summary.results()).filteredOn(r -> !r.failed()).hasSize(19).allSatisfy(r -> {
                assertThat(r.from()).isEqualTo("base");
                assertThat(r.to()).isEqualTo(R3);
                assertThat(r.revisions()).isEqualTo(3);
            });
            for (int i = 1; i <= 20; i++) {
                String schema = String.format("tenant_%02d", i);
                List<String> applied = db.column("SELECT revision FROM " + schema + ".migrate_history ORDER BY 1");
                assertThat(applied).as(schema).isEqualTo(i == 13 ? List.of(R1) : List.of(R1, R2, R3));
            }
            assertThat(summary.table().get(13)).startsWith("tenant_13").endsWith("FAILED");
        }
    }

    @Test
    void runsAtMostParallelMembersAtOnce() {
        Set<String> running = ConcurrentHashMap.newKeySet();
        int[] most = new int[1];
        // the first three members wait for each other inside, so three run at once for certain;
        // a fourth could only join them if the fan-out let more than three run
        java.util.concurrent.CountDownLatch threeInside = new java.util.concurrent.CountDownLatch(3);
        List<Member> members = IntStream.range(0, 8).mapToObj(i -> new Member("m" + i,
                Configs.config("jdbc:h2:mem:x", dir))).toList();

        Summary summary = new FanOut(3, false).run(members, (member, tally) -> {
            running.add(member.name());
            synchronized (most) {
                most[0] = Math.max(most[0], running.size());
            }
            threeInside.countDown();
            // the bound only keeps a broken fan-out from hanging the build
            assertThat(threeInside.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            running.remove(member.name());
        });

        assertThat(summary.failed()).isEmpty();
        assertThat(most[0]).isEqualTo(3);
        assertThat(summary.results()).extracting(MemberResult::name)
                .containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7");
    }

    @Test
    void failFastSkipsTheMembersNotStartedYet() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            threeTables();
            db.execute("CREATE SCHEMA tenant_01; CREATE TABLE tenant_01.b (id INT)");

            Summary summary = new FanOut(1, true).run(schemas(db, dir, 4), UPGRADE);

            assertThat(summary.results()).extracting(MemberResult::state).containsExactly(MemberResult.State.FAILED,
                    MemberResult.State.SKIPPED, MemberResult.State.SKIPPED, MemberResult.State.SKIPPED);
            assertThat(db.tables("tenant_02")).isEmpty();
        }
    }

    @Test
    void theTableAlignsItsColumns() {
        Summary summary = new Summary(List.of(
                new MemberResult("tenant_a", "base", R3, 3, java.time.Duration.ofMillis(1234), MemberResult.State.OK,
                        null),
                new MemberResult("b", R1, R1, 0, java.time.Duration.ofMillis(80), MemberResult.State.FAILED,
                        new IllegalStateException("x"))));

        assertThat(summary.table()).containsExactly(
                "database  from            to              revisions   time  status",
                "tenant_a  base            20260103000000          3  1.2 s  ok",
                "b         20260101000000  20260101000000          0  0.1 s  FAILED");
    }
}
