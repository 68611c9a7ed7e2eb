package dev.migrate.verify;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static dev.migrate.testing.Ids.R4;
import static dev.migrate.testing.Ids.R5;
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

/** Merge order: the branches of a merge applied both ways must give the same schema. */
class MergeOrderTest {

    @TempDir
    Path dir;

    private static String function(int value) {
        return "CREATE OR REPLACE FUNCTION answer() RETURNS INT LANGUAGE sql AS 'SELECT " + value + "';";
    }

    @Test
    void branchesWhoseOrderChangesAFunctionBodyAreAnError() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles files = RevisionFiles.in(dir);
            files.add(R1 + "_answer", "base", function(1), "DROP FUNCTION answer();");
            files.add(R2 + "_answer_two", R1, function(2), function(1));
            files.add(R3 + "_answer_three", R1, function(3), function(1));
            files.add(R4 + "_merge", R2 + ", " + R3, "", "");

            VerifyResult result = verify(db, dir);

            assertThat(errors(result)).filteredOn(message -> message.startsWith("merge order")).singleElement()
                    .asString().startsWith("merge order of 20260104000000_merge: branch 20260102000000_answer_two"
                            + " and branch 20260103000000_answer_three give different schemas depending on which runs"
                            + " first: function answer(): ")
                    .contains("SELECT 3$function$ with 20260102000000_answer_two first, ")
                    .contains("SELECT 2$function$ with 20260103000000_answer_three first.")
                    .endsWith("make the branches independent, or make one depend on the other");
            assertThat(result.costs()).extracting(VerifyResult.Cost::check).contains("merge order");
        }
    }

    @OnBothDatabases
    void independentBranchesPass(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_b", R1, "CREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b;");
        files.add(R3 + "_c", R1, "CREATE TABLE c (id INT PRIMARY KEY);", "DROP TABLE c;");
        files.add(R4 + "_merge", R2 + ", " + R3, "", "");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).isEmpty();
        assertThat(result.costs()).extracting(VerifyResult.Cost::check).contains("merge order");
    }

    @OnBothDatabases
    void branchThatFailsInOneOrderIsAnError(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_b", R1, "CREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b;");
        // reads the other branch's table without depending on it: passes only when that branch ran first
        files.add(R3 + "_view_on_b", R1, "CREATE VIEW vb AS SELECT id FROM b;", "DROP VIEW vb;");
        files.add(R4 + "_merge", R2 + ", " + R3, "", "");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).singleElement().asString().startsWith("merge order of 20260104000000_merge: branch"
                + " 20260102000000_b and branch 20260103000000_view_on_b: applying 20260103000000_view_on_b before"
                + " 20260102000000_b (at 20260103000000_view_on_b) fails at " + dir.resolve(R3 + "_view_on_b.sql")
                + ":5: SQL state ").endsWith("; the branches are not independent of each other: make one depend on the other");
    }

    @OnBothDatabases
    void branchesThatOnlyOrderColumnsDifferentlyAreAWarningAndAnErrorWhenStrict(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_t", "base", "CREATE TABLE t (id INT PRIMARY KEY);", "DROP TABLE t;");
        files.add(R2 + "_x", R1, "ALTER TABLE t ADD COLUMN x INT;", "ALTER TABLE t DROP COLUMN x;");
        files.add(R3 + "_y", R1, "ALTER TABLE t ADD COLUMN y INT;", "ALTER TABLE t DROP COLUMN y;");
        files.add(R4 + "_merge", R2 + ", " + R3, "", "");

        VerifyResult result = verify(db, dir);
        VerifyResult strict = verify(db, dir, VerifyOptions.defaults().withStrict(true));

        String message = "merge order of 20260104000000_merge: branch 20260102000000_x and branch 20260103000000_y"
                + " leave the columns of table t in an order that depends on which runs first: id, x, y with"
                + " 20260102000000_x first, id, y, x with 20260103000000_y first; only SELECT * and"
                + " INSERT without a column list see the difference (an error with migrate.verify.strict)";
        assertThat(errors(result)).isEmpty();
        assertThat(VerifyFixture.warnings(result)).contains(message);
        assertThat(errors(strict)).containsExactly(message);
    }

    @OnBothDatabases
    void aSecondMergeSeesNothingTheFirstMergesBranchesLeft(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        String r6 = "20260106000000";
        String r7 = "20260107000000";
        String r8 = "20260108000000";
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_t", "base", "CREATE TABLE t (id INT PRIMARY KEY);", "DROP TABLE t;");
        files.add(R2 + "_p", R1, "ALTER TABLE t ADD COLUMN p INT;", "ALTER TABLE t DROP COLUMN p;");
        files.add(R3 + "_q", R1, "ALTER TABLE t ADD COLUMN q INT;", "ALTER TABLE t DROP COLUMN q;");
        files.add(R4 + "_merge", R2 + ", " + R3, "", "");
        files.add(R5 + "_c", R4, "CREATE TABLE c (id INT PRIMARY KEY);", "DROP TABLE c;");
        files.add(r6 + "_x", R5, "ALTER TABLE t ADD COLUMN x INT;", "ALTER TABLE t DROP COLUMN x;");
        files.add(r7 + "_y", R5, "ALTER TABLE t ADD COLUMN y INT;", "ALTER TABLE t DROP COLUMN y;");
        files.add(r8 + "_merge", r6 + ", " + r7, "", "");

        VerifyResult result = verify(db, dir);

        // a database the first merge's branches ran in would fail to upgrade p or q again, or order them q, p
        String tail = " first; only SELECT * and INSERT without a column list see the difference (an error with"
                + " migrate.verify.strict)";
        assertThat(result.findings()).extracting(dev.migrate.common.Finding::message)
                .filteredOn(message -> message.startsWith("merge order")).containsExactly(
                        "merge order of 20260104000000_merge: branch 20260102000000_p and branch 20260103000000_q"
                                + " leave the columns of table t in an order that depends on which runs first: id, p, q"
                                + " with 20260102000000_p first, id, q, p with 20260103000000_q" + tail,
                        "merge order of 20260108000000_merge: branch 20260106000000_x and branch 20260107000000_y"
                                + " leave the columns of table t in an order that depends on which runs first: id, p, q,"
                                + " x, y with 20260106000000_x first, id, p, q, y, x with 20260107000000_y" + tail);
    }
}
