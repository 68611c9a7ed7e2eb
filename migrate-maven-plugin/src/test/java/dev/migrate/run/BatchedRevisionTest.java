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
 * database exactly as it was before the revision, without running any statement twice where the
 * driver names the failed one. A statement that returns rows, which PgJDBC would stop at its first
 * row in a batch, makes its revision run statement by statement.
 */
class BatchedRevisionTest {

    @TempDir
    Path dir;

    private RevisionGraph revisions(TestDatabase db, String upgrade) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_seen", "base", "CREATE TABLE seen (n INT);\nINSERT INTO seen VALUES (1);\n"
                + "CREATE SEQUENCE s;", "DROP SEQUENCE s;\nDROP TABLE seen;");
        files.add(R2 + "_five_statements", R1, upgrade, "DROP TABLE IF EXISTS b;\nDROP TABLE IF EXISTS a;");
        return GraphLoader.load(dir, dev.migrate.database.Dialects.forUrl(db.url()).syntax(), Placeholders.NONE, null,
                null, db.url(), true);
    }

    private MigrationRun.Result upgrade(TestDatabase db, RevisionGraph graph, List<String> points) {
        return upgrade(db.url(), graph, points);
    }

    private MigrationRun.Result upgrade(String url, RevisionGraph graph, List<String> points) {
        return new MigrationRun(dev.migrate.testing.Products.target(url), Duration.ofSeconds(30),
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

            assertThat(points).contains(R2 + " up: statements 1-5 in one batch, failed and rolled back")
                    .noneMatch(point -> point.startsWith(R2 + " up: statement "));
            assertThat(db.tables()).containsExactlyInAnyOrder("seen", "migrate_history");
            assertThat(db.column("SELECT n FROM seen")).containsExactly("1");
            assertThat(db.column("SELECT revision || ' ' || state FROM migrate_history ORDER BY revision"))
                    .containsExactly(R1 + " applied");
        }
    }

    @Test
    void aFailedBatchIsNamedFromTheDriverWithoutRunningAnyStatementAgain() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionGraph graph = revisions(db, "INSERT INTO seen VALUES (nextval('s'));\nCREATE TABLE a (id INT);\n"
                    + "INSERT INTO missing VALUES (1);\nCREATE TABLE b (id INT);");
            List<String> points = new ArrayList<>();

            assertThatThrownBy(() -> upgrade(db, graph, points))
                    .isInstanceOf(StatementFailedException.class)
                    .hasMessageContaining("upgrade statement 3 of 4 at " + dir.resolve(R2 + "_five_statements.sql")
                            + ":7")
                    .hasMessageContaining("SQL state 42P01: ERROR: relation \"missing\" does not exist")
                    .hasMessageContaining("nothing of it remains")
                    .satisfies(e -> assertThat(((StatementFailedException) e).line()).isEqualTo(7))
                    .satisfies(e -> assertThat(((StatementFailedException) e).sqlState()).isEqualTo("42P01"));

            assertThat(points).contains(R2 + " up: statements 1-4 in one batch, failed and rolled back")
                    .noneMatch(point -> point.startsWith(R2 + " up: statement "));
            assertThat(db.tables()).containsExactlyInAnyOrder("seen", "migrate_history");
            assertThat(db.column("SELECT n FROM seen")).containsExactly("1");
            // statement 1 ran once: the one value a rollback cannot give back was taken once
            assertThat(db.column("SELECT last_value || ' ' || is_called FROM s")).containsExactly("1 true");
            assertThat(db.column("SELECT revision || ' ' || state FROM migrate_history ORDER BY revision"))
                    .containsExactly(R1 + " applied");
        }
    }

    @Test
    void aFailedBatchTheDriverDoesNotNameRunsAgainStatementByStatementToNameIt() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionGraph graph = revisions(db, "INSERT INTO seen VALUES (nextval('s'));\nCREATE TABLE a (id INT);\n"
                    + "INSERT INTO missing VALUES (1);\nCREATE TABLE b (id INT);");
            List<String> points = new ArrayList<>();
            // without the statement's text in PgJDBC's message, its entry number is not taken on trust
            String url = db.url() + (db.url().contains("?") ? "&" : "?") + "logServerErrorDetail=false";

            assertThatThrownBy(() -> upgrade(url, graph, points))
                    .isInstanceOf(StatementFailedException.class)
                    .hasMessageContaining("upgrade statement 3 of 4 at " + dir.resolve(R2 + "_five_statements.sql")
                            + ":7")
                    .hasMessageContaining("relation \"missing\" does not exist");

            assertThat(points).contains(R2 + " up: statements 1-4 in one batch, failed and rolled back",
                    R2 + " up: statement 3, before it").doesNotContain(R2 + " up: statement 3, after it");
            assertThat(db.tables()).containsExactlyInAnyOrder("seen", "migrate_history");
            assertThat(db.column("SELECT n FROM seen")).containsExactly("1");
        }
    }

    @Test
    void aRevisionWithStatementsThatReturnRowsRunsStatementByStatementAndEachRunsWhole() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionGraph graph = revisions(db, "SELECT setval('s', 42);\nCREATE TABLE a (id BIGINT);\n"
                    + "INSERT INTO a SELECT nextval('s') FROM generate_series(1, 3);\n"
                    + "SELECT nextval('s') FROM generate_series(1, 3);\nINSERT INTO a VALUES (nextval('s'));");
            List<String> points = new ArrayList<>();

            upgrade(db, graph, points);

            assertThat(points).contains(R2 + " up: statement 1, before it", R2 + " up: statement 5, after it")
                    .noneMatch(point -> point.startsWith(R2) && point.contains("in one batch"));
            // every row of statement 4 took its value, and nothing ran twice
            assertThat(db.column("SELECT id FROM a ORDER BY id")).containsExactly("43", "44", "45", "49");
            assertThat(db.column("SELECT last_value FROM s")).containsExactly("49");
            assertThat(db.column("SELECT revision || ' ' || state FROM migrate_history ORDER BY revision"))
                    .containsExactly(R1 + " applied", R2 + " applied");
        }
    }

    @Test
    void rowsWordsInCommentsStringsAndBodiesDoNotStopTheBatch() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionGraph graph = revisions(db, "/* SELECT 1 */ CREATE TABLE a (id INT, note TEXT);\n"
                    + "INSERT INTO a VALUES (1, 'SELECT id RETURNING id') /* RETURNING */;\n"
                    + "INSERT INTO a VALUES (2, E'it\\'s VALUES (1) RETURNING *') -- RETURNING note\n;\n"
                    + "DO $body$ BEGIN INSERT INTO a SELECT 3, 'returning'; END $body$;\n"
                    + "UPDATE seen SET n = 2 /* RETURNING n */;\n"
                    + "COMMENT ON TABLE a IS 'TABLE a; SHOW ALL; WITH x AS (SELECT 1) SELECT * FROM x'");
            List<String> points = new ArrayList<>();

            upgrade(db, graph, points);

            assertThat(points).contains(R2 + " up: statements 1-6 in one batch, after it")
                    .noneMatch(point -> point.startsWith(R2 + " up: statement "));
            assertThat(db.column("SELECT id || ' ' || note FROM a ORDER BY id")).containsExactly(
                    "1 SELECT id RETURNING id", "2 it's VALUES (1) RETURNING *", "3 returning");
            assertThat(db.column("SELECT n FROM seen")).containsExactly("2");
        }
    }

    @Test
    void aWithWhoseMainStatementIsADataChangeGoesInTheBatchAndEachOfItsSubqueriesRunsWhole() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            // as a squash carries lemmy's: a data change in the list, RETURNING what the main UPDATE reads
            RevisionGraph graph = revisions(db, "CREATE TABLE a (id INT PRIMARY KEY, done BOOLEAN);\n"
                    + "INSERT INTO a SELECT n, false FROM generate_series(1, 3) n;\nCREATE TABLE b (a_id INT);\n"
                    + "WITH x AS (\nINSERT INTO b SELECT id FROM a RETURNING a_id)\nUPDATE a SET done = true FROM x"
                    + " WHERE a.id = x.a_id;\nUPDATE seen SET n = 2;");
            List<String> points = new ArrayList<>();

            upgrade(db, graph, points);

            assertThat(points).contains(R2 + " up: statements 1-5 in one batch, after it")
                    .noneMatch(point -> point.startsWith(R2 + " up: statement "));
            assertThat(db.column("SELECT a_id FROM b ORDER BY a_id")).containsExactly("1", "2", "3");
            assertThat(db.column("SELECT id || ' ' || done FROM a ORDER BY id")).containsExactly("1 true", "2 true",
                    "3 true");
            assertThat(db.column("SELECT n FROM seen")).containsExactly("2");
        }
    }
}
