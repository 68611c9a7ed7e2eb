package dev.migrate.run;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.database.Identifier;
import dev.migrate.graph.GraphLoader;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.revision.Placeholders;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A statement that was started outside a transaction when its run died, and whose outcome the
 * database cannot show, is neither run again nor skipped silently: the next run stops before
 * anything runs, naming it, until the user says assume-done or rerun.
 */
class InDoubtStatementTest {

    static final String HEADER = "-- parents: base\n-- message: numbers\n-- transactional: false";

    @TempDir
    Path dir;

    final RecordingListener listener = new RecordingListener();

    MigrationRun.Result upgrade(TestDatabase db, ResumeChoice choice, PlanRunner.Checkpoints checkpoints) {
        RevisionGraph graph = GraphLoader.load(dir, dev.migrate.database.Dialects.forUrl(db.url()).syntax(), Placeholders.NONE, null, null, db.url(), true);
        return new MigrationRun(dev.migrate.testing.Products.target(db.url()), Duration.ofSeconds(30), listener).withCheckpoints(checkpoints).move(graph, MigrationRun.Mode.RUN,
                        (g, applied) -> g.upgradePlan(Target.parse("head"), applied), choice, "upgrade");
    }

    static PlanRunner.Checkpoints killAt(String point) {
        return reached -> {
            if (reached.equals(point)) {
                throw new KillAtEveryPointTest.Killed(point);
            }
        };
    }

    /** H2 commits CREATE SEQUENCE on its own, and the plugin cannot tell from the catalog whether it ran. */
    void sequenceRevision() {
        RevisionFiles.in(dir).addWithHeader(R1 + "_numbers", HEADER,
                "CREATE TABLE a (id INT);\nCREATE SEQUENCE seq_a;\nINSERT INTO a VALUES (1);", "DROP TABLE a;");
    }

    @Test
    void uncheckableStatementStopsTheNextRunUntilTheUserSaysItCompleted() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            sequenceRevision();
            assertThatThrownBy(() -> upgrade(db, ResumeChoice.NO,
                    killAt(R1 + " up: statement 2, after it, before its journal entry 'done'")))
                    .isInstanceOf(KillAtEveryPointTest.Killed.class);

            assertThatThrownBy(() -> upgrade(db, ResumeChoice.NO, PlanRunner.Checkpoints.NONE))
                    .isInstanceOf(InDoubtStatementException.class)
                    .hasMessageContaining("statement 2 (" + R1 + "_numbers.sql:7) ran outside a transaction")
                    .hasMessageContaining("nothing was run")
                    .hasMessageContaining("-Dmigrate.resume=assume-done")
                    .hasMessageContaining("-Dmigrate.resume=rerun");
            assertThat(db.column("SELECT id FROM a")).isEmpty();
            assertThat(db.column("SELECT state || ' ' || statements_done FROM migrate_history"))
                    .containsExactly("started 1");

            upgrade(db, ResumeChoice.ASSUME_DONE, PlanRunner.Checkpoints.NONE);

            assertThat(db.column("SELECT id FROM a")).containsExactly("1");
            assertThat(db.column("SELECT state FROM migrate_history")).containsExactly("applied");
            assertThat(listener.events()).anyMatch(e -> e.startsWith("warn statement 2 of " + R1)
                    && e.contains("counts as done, as -Dmigrate.resume=assume-done says"));
        }
    }

    @Test
    void uncheckableStatementRunsAgainWhenTheUserSaysRerun() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            sequenceRevision();
            assertThatThrownBy(() -> upgrade(db, ResumeChoice.NO,
                    killAt(R1 + " up: statement 2, after its journal entry 'started', before it")))
                    .isInstanceOf(KillAtEveryPointTest.Killed.class);

            upgrade(db, ResumeChoice.RERUN, PlanRunner.Checkpoints.NONE);

            assertThat(db.column("SELECT id FROM a")).containsExactly("1");
            assertThat(db.column("SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES")).containsExactly("SEQ_A");
        }
    }

    @Test
    void invalidIndexLeftByAnInterruptedConcurrentBuildStopsTheRunNamingIt() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles.in(dir).addWithHeader(R1 + "_numbers", HEADER,
                    "CREATE TABLE b (id INT);\nINSERT INTO b VALUES (1), (1);\nCREATE UNIQUE INDEX CONCURRENTLY ix_b ON b (id);",
                    "DROP TABLE b;");
            assertThatThrownBy(() -> upgrade(db, ResumeChoice.NO,
                    killAt(R1 + " up: statement 3, after its journal entry 'started', before it")))
                    .isInstanceOf(KillAtEveryPointTest.Killed.class);
            // what a build killed halfway leaves: an invalid index of that name
            assertThatThrownBy(() -> db.execute("CREATE UNIQUE INDEX CONCURRENTLY ix_b ON b (id)"))
                    .hasMessageContaining("could not create unique index");

            assertThatThrownBy(() -> upgrade(db, ResumeChoice.NO, PlanRunner.Checkpoints.NONE))
                    .isInstanceOf(InDoubtStatementException.class)
                    .hasMessageContaining("statement 3 (" + R1 + "_numbers.sql:8)")
                    .hasMessageContaining("index ix_b exists but is invalid")
                    .hasMessageContaining("DROP INDEX CONCURRENTLY ix_b");
            assertThat(db.column("SELECT state || ' ' || statements_done FROM migrate_history"))
                    .containsExactly("started 2");
        }
    }
}
