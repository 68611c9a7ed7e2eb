package dev.migrate.verify;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.verify.VerifyFixture.errors;
import static dev.migrate.verify.VerifyFixture.verify;
import static dev.migrate.verify.VerifyFixture.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.LockMode;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The locks upgrade statements take on existing tables, measured on PostgreSQL. */
class LockReportTest {

    @TempDir
    Path dir;

    TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private void history(String upgrade, String downgrade) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY, amount INT, label VARCHAR(40));",
                "DROP TABLE a;");
        files.add(R2 + "_change", R1, upgrade, downgrade);
    }

    @Test
    void columnTypeChangeIsShownAsARewriteUnderAccessExclusive() throws Exception {
        history("ALTER TABLE a ALTER COLUMN amount TYPE BIGINT;", "ALTER TABLE a ALTER COLUMN amount TYPE INT;");

        VerifyResult result = verify(db, dir, VerifyOptions.defaults().withReportDirectory(dir.resolve("reports")));

        String warning = "upgrade of 20260102000000_change at " + dir.resolve(R2 + "_change.sql") + ":5 takes ACCESS"
                + " EXCLUSIVE on table public.a (3 rows) and rewrites it: reads and writes of the table wait until the"
                + " revision commits";
        assertThat(errors(result)).isEmpty();
        assertThat(warnings(result)).containsExactly(warning);
        assertThat(Files.readString(result.report())).contains(JUnitXmlReport.escape("warning: " + warning));
        assertThat(VerifyReport.summary(result)).contains("lock sampling").contains("synthetic rows");
    }

    @Test
    void failOnLockTurnsTheMeasuredLockIntoAnError() {
        history("ALTER TABLE a ALTER COLUMN amount TYPE BIGINT;", "ALTER TABLE a ALTER COLUMN amount TYPE INT;");

        VerifyResult result = verify(db, dir, VerifyOptions.defaults().withFailOnLock(LockMode.ACCESS_EXCLUSIVE));

        assertThat(errors(result)).singleElement().asString().contains("takes ACCESS EXCLUSIVE on table public.a")
                .contains("and rewrites it").endsWith("(migrate.verify.failOnLock is ACCESS_EXCLUSIVE)");
    }

    @Test
    void binaryCompatibleTypeChangeTakesTheLockButRewritesNothingWhichLintDidNotKnow() {
        history("ALTER TABLE a ALTER COLUMN label TYPE TEXT;", "ALTER TABLE a ALTER COLUMN label TYPE VARCHAR(40);");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).isEmpty();
        assertThat(warnings(result)).singleElement().asString().contains("takes ACCESS EXCLUSIVE on table public.a")
                .doesNotContain("rewrites").endsWith("; lint's column-type-change warning expects a rewrite, but the"
                        + " table kept its storage");
    }

    @Test
    void statementsOnNewTablesOnlyTakeNoReportedLock() {
        history("CREATE TABLE b (id INT PRIMARY KEY, amount BIGINT);\nCREATE INDEX ix_b_amount ON b (amount);",
                "DROP TABLE b;");

        VerifyResult result = verify(db, dir, VerifyOptions.defaults().withFailOnLock(LockMode.SHARE));

        assertThat(errors(result)).isEmpty();
        assertThat(warnings(result)).isEmpty();
    }

    @Test
    void indexOnAnExistingTableBlocksWritesAndLintAgrees() {
        history("CREATE INDEX ix_a_amount ON a (amount);", "DROP INDEX ix_a_amount;");

        VerifyResult result = verify(db, dir);

        assertThat(warnings(result)).singleElement().asString().contains(":5 takes SHARE on table public.a (3 rows):"
                + " writes of the table wait until the revision commits").doesNotContain("lint");
    }

    @Test
    void secondIndexOnATableTheRevisionAlreadyLockedIsNotSaidToTakeNoLock() {
        // the first index's SHARE lock is held until commit: the second takes the same, nothing new to measure
        history("CREATE INDEX ix_a_amount ON a (amount);\nCREATE INDEX ix_a_label ON a (label);",
                "DROP INDEX ix_a_label;\nDROP INDEX ix_a_amount;");

        VerifyResult result = verify(db, dir);

        assertThat(warnings(result)).singleElement().asString().contains(":5 takes SHARE on table public.a");
        assertThat(result.findings()).extracting(dev.migrate.common.Finding::message)
                .noneMatch(message -> message.contains("measured no lock"));
    }

    @Test
    void typeChangeThatPassedOnlyOnEmptyTablesClaimsNoMeasurement() {
        history("ALTER TABLE a ALTER COLUMN label TYPE NUMERIC USING label::numeric;",
                "ALTER TABLE a ALTER COLUMN label TYPE VARCHAR(40);");

        VerifyResult result = verify(db, dir);

        // it failed on the generated rows and passed on empty tables, unobserved: no lock was measured there
        assertThat(errors(result)).singleElement().asString().contains("fails on a table with rows");
        assertThat(result.findings()).extracting(dev.migrate.common.Finding::message)
                .noneMatch(message -> message.contains("measured no lock"));
    }

    @Test
    void oneStatementLockingSeveralTablesReportsThemInTheOrderOfTheirNames() {
        // made in the reverse of their names' order, so that their catalog ids do not sort like their names
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_tables", "base", "CREATE TABLE t_e (id INT);\nCREATE TABLE t_d (id INT);\n"
                + "CREATE TABLE t_c (id INT);\nCREATE TABLE t_b (id INT);\nCREATE TABLE t_a (id INT);",
                "DROP TABLE t_a, t_b, t_c, t_d, t_e;");
        files.add(R2 + "_lock", R1, "LOCK TABLE t_c, t_e, t_a, t_d, t_b IN SHARE MODE;", "SELECT 1;");

        VerifyResult result = verify(db, dir);

        assertThat(warnings(result)).extracting(message -> message.replaceAll(".* on table public\\.(t_.).*", "$1"))
                .containsExactly("t_a", "t_b", "t_c", "t_d", "t_e");
    }
}
