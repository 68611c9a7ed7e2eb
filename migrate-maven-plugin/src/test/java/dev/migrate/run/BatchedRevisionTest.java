package dev.migrate.run;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL a transactional revision's statements go to the server in one batch. A statement
 * that fails inside the batch must still be named by its file, line and number, and leave the
 * database exactly as it was before the revision: the batch is rolled back and the revision runs
 * again statement by statement, which fails at the same statement.
 */
class BatchedRevisionTest {

    @TempDir
    Path dir;

    private RevisionGraph revisions(TestDatabase db, String upgrade) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_seen", "base", "CREATE TABLE seen (n INT);\nINSERT INTO seen VALUES (1);",
                "DROP TABLE seen;");
        files.add(R2 + "_five_statements", R1, upgrade, "DROP TABLE IF EXISTS b;\nDROP TABLE IF EXISTS a;");
        return GraphLoader.load(dir, dev.migrate.database.Dialects.forUrl(db.url()).syntax(), Placeholders.NONE, null,
                null, db.url(), true);
    }

    private MigrationRun.Result upgrade(TestDatabase db, RevisionGraph graph, List<String> points) {
        return new MigrationRun(dev.migrate.testing.Products.target(db.url()), Duration.ofSeconds(30),
                new RecordingListener()).withCheckpoints(points::add)
                .move(graph, MigrationRun.Mode.RUN, (g, applied) -> g.upgradePlan(Target.parse("head"), applied),
                        ResumeChoice.NO, "upgrade to head");
    }

    @Test
    void aRevisionOfSeveralStatementsRunsInOneBatchAndIsRecorded() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionGraph graph = revisions(db, "CREATE TABLE a (id INT PRIMARY KEY);\nINSERT INTO a VALUES (1);\n"
                    + "CREATE TABLE b (a_id INT REFERENCES a (id));\nINSERT INTO b VALUES (1);\n"
                    + "UPDATE seen SET n = 2;");
            List<String> points = new ArrayList<>();

            upgrade(db, graph, points);

            assertThat(points).contains(R2 + " up: statements 1-5 in one batch, before it",
                    R2 + " up: statements 1-5 in one batch, after it")
                    .noneMatch(point -> point.startsWith(R2 + " up: statement "));
            assertThat(db.column("SELECT a_id FROM b")).containsExactly("1");
            assertThat(db.column("SELECT n FROM seen")).containsExactly("2");
            assertThat(db.column("SELECT revision || ' ' || state || ' ' || statements_done FROM migrate_history"
                    + " ORDER BY revision")).containsExactly(R1 + " applied 0", R2 + " applied 0");
        }
    }

    @Test
    void aStatementFailingInTheMiddleOfTheBatchIsNamedAndLeavesTheDatabaseAsBefore() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionGraph graph = revisions(db, "CREATE TABLE a (id INT PRIMARY KEY);\nINSERT INTO a VALUES (1);\n"
                    + "UPDATE seen SET n = 2;\nINSERT INTO missing VALUES (1);\nCREATE TABLE b (id INT);");
            List<String> points = new ArrayList<>();

            assertThatThrownBy(() -> upgrade(db, graph, points))
                    .isInstanceOf(StatementFailedException.class)
                    .hasMessageContaining("upgrade statement 4 of 5 at " + dir.resolve(R2 + "_five_statements.sql")
                            + ":8")
                    .hasMessageContaining("SQL state 42P01")
                    .hasMessageContaining("relation \"missing\" does not exist")
                    .hasMessageContaining("nothing of it remains")
                    .satisfies(e -> assertThat(((StatementFailedException) e).line()).isEqualTo(8));

            assertThat(points).contains(R2 + " up: statements 1-5 in one batch, failed and rolled back",
                    R2 + " up: statement 4, before it").doesNotContain(R2 + " up: statement 4, after it");
            assertThat(db.tables()).containsExactlyInAnyOrder("seen", "migrate_history");
            assertThat(db.column("SELECT n FROM seen")).containsExactly("1");
            assertThat(db.column("SELECT revision || ' ' || state FROM migrate_history ORDER BY revision"))
                    .containsExactly(R1 + " applied");
        }
    }
}
