package dev.migrate.run;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.graph.GraphLoader;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.revision.Placeholders;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run killed at any point between a statement and its journal entry (before, during and after
 * each statement and each journal write) is resumed by the next run so that every statement has run
 * exactly once. The kill is a test hook that leaves the run without committing what is open, as a
 * killed process leaves it; each statement of the non-transactional revision records its own
 * number, so a statement run twice or skipped shows in the rows. It runs on H2, PostgreSQL and
 * MariaDB (where every DDL statement commits on its own); a server that cannot be reached skips
 * its run on a developer's machine and fails it under {@code CI=true}.
 */
class KillAtEveryPointTest {


    @TempDir
    Path dir;

    /** Thrown by the hook: an Error, so nothing in the run mistakes it for a failed statement. */
    static final class Killed extends Error {
        Killed(String point) {
            super("killed at " + point);
        }
    }

    RevisionGraph revisions(TestDatabase db) {
        String concurrently = db.isPostgres() ? "CONCURRENTLY " : "";
        String onT = db.kind() == TestDatabase.Kind.MARIADB ? " ON t" : "";
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_ran", "base", "CREATE TABLE ran (n INT);", "DROP TABLE ran;");
        files.addWithHeader(R2 + "_build_t", "-- parents: " + R1 + "\n-- message: build t\n-- transactional: false",
                "INSERT INTO ran VALUES (1);\nCREATE TABLE t (id INT);\nINSERT INTO ran VALUES (2);\n"
                        + "CREATE INDEX " + concurrently + "ix_t ON t (id);\nINSERT INTO ran VALUES (3);",
                "INSERT INTO ran VALUES (-1);\nDROP INDEX " + concurrently + "ix_t" + onT + ";\nINSERT INTO ran VALUES (-2);\n"
                        + "DROP TABLE t;\nINSERT INTO ran VALUES (-3);");
        files.add(R3 + "_create_u", R2, "INSERT INTO ran VALUES (30);\nCREATE TABLE u (id INT);",
                "DROP TABLE u;\nINSERT INTO ran VALUES (-30);");
        return GraphLoader.load(dir, dev.migrate.database.Dialects.forUrl(db.url()).syntax(), Placeholders.NONE, null, null, db.url(), true);
    }

    MigrationRun run(TestDatabase db, RecordingListener listener) {
        return new MigrationRun(dev.migrate.testing.Products.target(db.url()), Duration.ofSeconds(30), listener);
    }

    MigrationRun.Result upgrade(MigrationRun run, RevisionGraph graph) {
        return run.move(graph, MigrationRun.Mode.RUN, (g, applied) -> g.upgradePlan(Target.parse("head"), applied),
                ResumeChoice.NO, "upgrade to head");
    }

    MigrationRun.Result downgradeToR1(MigrationRun run, RevisionGraph graph) {
        return run.move(graph, MigrationRun.Mode.RUN, (g, applied) -> g.downgradePlan(Target.parse(R1), applied),
                ResumeChoice.NO, "downgrade to " + R1);
    }

    /** The tables of a run gone, in one statement (one connection, one round trip: this runs at every point). */
    static void reset(TestDatabase db) {
        db.execute("DROP TABLE IF EXISTS u, t, ran, migrate_history");
    }

    /** Every point the hook is told of in an uninterrupted run of {@code move}. */
    static List<String> points(TestDatabase db, java.util.function.Consumer<PlanRunner.Checkpoints> move) {
        List<String> points = new ArrayList<>();
        move.accept(points::add);
        return points;
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.Kind.class)
    void upgradeKilledAtAnyPointRunsEveryStatementExactlyOnce(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            upgradeKilledAtAnyPoint(db);
        }
    }

    private void upgradeKilledAtAnyPoint(TestDatabase db) {
        RevisionGraph graph = revisions(db);
        List<String> points = new ArrayList<>();
        upgrade(run(db, new RecordingListener()).withCheckpoints(points::add), graph);
        assertThat(points).anyMatch(point -> point.contains("'started'")).anyMatch(p -> p.contains("shared"))
                .hasSizeGreaterThan(20);

        for (String point : points) {
            reset(db);
            assertThatThrownBy(() -> upgrade(run(db, new RecordingListener()).withCheckpoints(reached -> {
                if (reached.equals(point)) {
                    throw new Killed(point);
                }
            }), graph)).isInstanceOf(Killed.class);

            RecordingListener listener = new RecordingListener();
            upgrade(run(db, listener), graph);

            assertThat(db.column("SELECT n FROM ran ORDER BY n")).as("statements run after a kill at " + point)
                    .containsExactly("1", "2", "3", "30");
            assertThat(db.tables()).as("after a kill at " + point).contains("t", "u");
            assertThat(db.column(HISTORY))
                    .as("after a kill at " + point)
                    .containsExactly(R1 + " applied", R2 + " applied", R3 + " applied");
            assertThat(indexExists(db)).as("index after a kill at " + point).isTrue();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.Kind.class)
    void downgradeKilledAtAnyPointRunsEveryStatementExactlyOnce(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            downgradeKilledAtAnyPoint(db);
        }
    }

    private void downgradeKilledAtAnyPoint(TestDatabase db) {
        RevisionGraph graph = revisions(db);
        upgrade(run(db, new RecordingListener()), graph);
        List<String> points = new ArrayList<>();
        downgradeToR1(run(db, new RecordingListener()).withCheckpoints(points::add), graph);
        assertThat(points).anyMatch(point -> point.contains("'started'")).hasSizeGreaterThan(20);

        for (String point : points) {
            reset(db);
            upgrade(run(db, new RecordingListener()), graph);
            assertThatThrownBy(() -> downgradeToR1(run(db, new RecordingListener()).withCheckpoints(reached -> {
                if (reached.equals(point)) {
                    throw new Killed(point);
                }
            }), graph)).isInstanceOf(Killed.class);

            downgradeToR1(run(db, new RecordingListener()), graph);

            assertThat(db.column("SELECT n FROM ran ORDER BY n")).as("statements run after a kill at " + point)
                    .containsExactly("-30", "-3", "-2", "-1", "1", "2", "3", "30");
            assertThat(db.tables()).as("after a kill at " + point).doesNotContain("t", "u");
            assertThat(db.column(HISTORY))
                    .as("after a kill at " + point).containsExactly(R1 + " applied");
        }
    }

    static final String HISTORY = "SELECT CONCAT(revision, ' ', state) FROM migrate_history ORDER BY revision";

    private static boolean indexExists(TestDatabase db) {
        return !db.column(switch (db.kind()) {
            case POSTGRESQL -> "SELECT indexrelid FROM pg_index WHERE indisvalid AND indexrelid = to_regclass('ix_t')";
            case MARIADB -> "SELECT index_name FROM information_schema.statistics WHERE table_schema = '" + db.name()
                    + "' AND index_name = 'ix_t'";
            case H2 -> "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'IX_T'";
        }).isEmpty();
    }
}
