package dev.migrate.verify;

import dev.migrate.common.Finding;
import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static dev.migrate.testing.Ids.R4;
import static dev.migrate.verify.VerifyFixture.errors;
import static dev.migrate.verify.VerifyFixture.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statement errors, irreversible revisions and extra heads: reported together, one run for all. */
class VerifyFailuresTest {

    @TempDir
    Path dir;

    @OnBothDatabases
    void downgradeWithAStatementErrorNamesFileAndLineAndVerifyGoesOn(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b;\nDROP TABLE no_such_table;");
        files.add(R3 + "_create_c", R2, "CREATE TABLE c (id INT PRIMARY KEY);", "SELECT 1;");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result).get(0)).startsWith("downgrade of 20260102000000_create_b fails at "
                + dir.resolve(R2 + "_create_b.sql") + ":9: SQL state ");
        // the next revision is still checked, in a database rebuilt where the failed downgrade left it unknown
        assertThat(errors(result)).contains("downgrade of 20260103000000_create_c leaves table c");
        assertThat(result.rows()).extracting(VerifyResult.Row::result).containsExactly("ok", "FAILED", "FAILED", "FAILED");
        assertThat(db.tables()).isEmpty();
    }

    @OnBothDatabases
    void upgradeThatFailsSkipsTheRevisionsThatNeedItButNotTheOthers(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_broken", R1, "CREATE TABLE b (id INT);\nCREATE TABLE b (id INT);", "DROP TABLE b;");
        files.add(R3 + "_needs_broken", R2, "CREATE TABLE c (id INT);", "DROP TABLE c;");
        files.add(R4 + "_other_branch", R1, "CREATE TABLE d (id INT);", "SELECT 1;");

        VerifyResult result = verify(db, dir, VerifyOptions.defaults().withExpectedHeads(2));

        assertThat(errors(result)).hasSize(3);
        assertThat(errors(result).get(0)).startsWith("upgrade of 20260102000000_broken fails at "
                + dir.resolve(R2 + "_broken.sql") + ":6: SQL state ");
        assertThat(errors(result).get(1)).isEqualTo("downgrade of 20260104000000_other_branch leaves table d");
        assertThat(result.findings()).extracting(Finding::message).contains(
                "20260103000000_needs_broken not checked: it needs 20260102000000, whose upgrade failed",
                "full cycle not run: the upgrade of 20260102000000 failed");
        assertThat(result.rows()).extracting(VerifyResult.Row::result)
                .containsExactly("ok", "FAILED", "skipped", "FAILED", "skipped");
    }

    @OnBothDatabases
    void irreversibleRevisionFailsUnlessAcknowledged(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_seed_a", R1, "INSERT INTO a VALUES (1);", "");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).containsExactly("20260102000000_seed_a has an empty downgrade section, so it cannot"
                + " be undone: write its downgrade or, if that is on purpose, add '-- irreversible: true' to its header"
                + " (or set migrate.verify.allowIrreversible)");
        assertThat(result.findings()).extracting(Finding::message).contains(
                "full cycle not run: the downgrade to base cannot pass the irreversible revision 20260102000000_seed_a");
        assertThat(result.rows()).extracting(VerifyResult.Row::result).containsExactly("ok", "FAILED", "skipped");
    }

    @OnBothDatabases
    void irreversibleRevisionPassesWithItsHeaderLine(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.addWithHeader(R2 + "_seed_a", "-- parents: " + R1 + "\n-- irreversible: true", "INSERT INTO a VALUES (1);", "");

        VerifyResult result = verify(db, dir);

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.findings()).extracting(Finding::message).contains("20260102000000_seed_a is irreversible"
                + " (its header says so): its downgrade and re-upgrade are not checked");
        assertThat(result.rows()).extracting(VerifyResult.Row::result).containsExactly("ok", "irreversible", "skipped");
    }

    @Test
    void irreversibleRevisionPassesWhenAllowedByConfiguration() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            RevisionFiles files = RevisionFiles.in(dir);
            files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "");

            VerifyResult result = verify(db, dir, VerifyOptions.defaults().withAllowIrreversible(true));

            assertThat(result.hasErrors()).isFalse();
            assertThat(VerifyFixture.warnings(result)).containsExactly("20260101000000_create_a is irreversible"
                    + " (allowed by migrate.verify.allowIrreversible): its downgrade and re-upgrade are not checked");
        }
    }

    @OnBothDatabases
    void twoHeadsFailUnlessTwoAreExpected(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b;");
        files.add(R3 + "_create_c", R1, "CREATE TABLE c (id INT PRIMARY KEY);", "DROP TABLE c;");

        assertThat(errors(verify(db, dir))).containsExactly("the revisions have 2 heads (20260102000000, 20260103000000)"
                + " where verify expects 1: join them with a merge revision (parents: 20260102000000, 20260103000000),"
                + " or set migrate.verify.heads to 2");
        assertThat(errors(verify(db, dir, VerifyOptions.defaults().withExpectedHeads(2)))).isEmpty();
    }

    @Test
    void leftoverTypeMakesTheReUpgradesCreateTypeFailOnPostgres() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles files = RevisionFiles.in(dir);
            files.add(R1 + "_create_mood", "base",
                    "CREATE TYPE mood AS ENUM ('sad', 'happy');\nCREATE TABLE people (id INT, mood mood);",
                    "DROP TABLE people;");

            VerifyResult result = verify(db, dir);

            assertThat(errors(result)).startsWith("downgrade of 20260101000000_create_mood leaves type mood");
            assertThat(errors(result).get(1)).isEqualTo("re-upgrade of 20260101000000_create_mood fails at "
                    + dir.resolve(R1 + "_create_mood.sql") + ":5: SQL state 42710: ERROR: type \"mood\" already exists");
        }
    }

    @Test
    void leftoverDomainMakesTheReUpgradesCreateDomainFailOnH2() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            RevisionFiles files = RevisionFiles.in(dir);
            files.add(R1 + "_create_positive", "base",
                    "CREATE DOMAIN positive AS INT CHECK (VALUE > 0);\nCREATE TABLE stock (id INT, amount positive);",
                    "DROP TABLE stock;");

            VerifyResult result = verify(db, dir);

            assertThat(errors(result)).startsWith("downgrade of 20260101000000_create_positive leaves domain positive");
            assertThat(errors(result).get(1)).startsWith("re-upgrade of 20260101000000_create_positive fails at "
                    + dir.resolve(R1 + "_create_positive.sql") + ":5: SQL state 90119");
        }
    }

    @Test
    void downgradeThatForgetsATriggerAndItsFunctionIsNamedOnPostgres() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles files = RevisionFiles.in(dir);
            files.add(R1 + "_create_users", "base", "CREATE TABLE users (id INT PRIMARY KEY, updated_at TIMESTAMP);",
                    "DROP TABLE users;");
            files.add(R2 + "_touch_users", R1, """
                    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        NEW.updated_at := now();
                        RETURN NEW;
                    END $$;
                    CREATE TRIGGER trg_users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();""",
                    "DROP TRIGGER trg_users_touch ON users;");

            VerifyResult result = verify(db, dir);

            assertThat(errors(result)).startsWith("downgrade of 20260102000000_touch_users leaves function touch()");
        }
    }

    @Test
    void downgradeThatChangesAFunctionBodyShowsWhereItDiffersOnPostgres() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles files = RevisionFiles.in(dir);
            files.add(R1 + "_create_answer", "base", "CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT 42 $$;",
                    "DROP FUNCTION answer();");
            files.add(R2 + "_change_answer", R1,
                    "CREATE OR REPLACE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT 43 $$;",
                    "CREATE OR REPLACE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT 41 $$;");

            VerifyResult result = verify(db, dir);

            assertThat(errors(result)).singleElement().asString()
                    .startsWith("downgrade of 20260102000000_change_answer: function answer(): ")
                    .contains("SELECT 42", "before the upgrade", "SELECT 41", "after the downgrade");
        }
    }

    @Test
    void downgradeThatForgetsExtendedStatisticsIsNamedOnPostgres() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles files = RevisionFiles.in(dir);
            files.add(R1 + "_create_post", "base", "CREATE TABLE post (id INT PRIMARY KEY, community_id INT, creator_id INT);",
                    "DROP TABLE post;");
            files.add(R2 + "_post_statistics", R1, "ALTER TABLE post ADD COLUMN score INT;\n"
                    + "CREATE STATISTICS post_by (ndistinct) ON community_id, creator_id FROM post;",
                    "ALTER TABLE post DROP COLUMN score;");

            VerifyResult result = verify(db, dir);

            assertThat(errors(result)).first().asString()
                    .isEqualTo("downgrade of 20260102000000_post_statistics leaves statistics post_by on table post");
        }
    }
}
