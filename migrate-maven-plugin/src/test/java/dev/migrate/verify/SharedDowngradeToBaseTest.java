package dev.migrate.verify;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static dev.migrate.verify.VerifyFixture.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the full cycle's downgrade to base commits the revisions the stairway found right
 * in groups: a group that fails is run again revision by revision, so a downgrade that fails is
 * reported as it fails alone, and one that fails only for sharing a transaction is not reported.
 */
class SharedDowngradeToBaseTest extends VerifiedHistory {

    SharedDowngradeToBaseTest() {
        super(TestDatabase.Kind.POSTGRESQL);
    }

    @Test
    void aDowngradeThatFailsOnWhatALaterRevisionLeftIsReportedAsItFailsAlone() {
        files.add(R1 + "_create_x", "base", "CREATE TABLE x (id INT PRIMARY KEY);", "DROP TABLE x;");
        files.add(R2 + "_create_a", R1, "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        // its downgrade leaves b, whose key then keeps the downgrade to base from dropping a
        files.add(R3 + "_create_b", R2, "CREATE TABLE b (id INT PRIMARY KEY, a INT REFERENCES a (id));",
                "SELECT 1;");

        VerifyResult result = verify();

        assertThat(errors(result)).contains("downgrade of 20260103000000_create_b leaves table b");
        assertThat(errors(result)).anySatisfy(error -> assertThat(error).startsWith(
                "downgrade to base (at 20260102000000_create_a) fails at " + dir.resolve(R2 + "_create_a.sql")
                        + ":").contains("SQL state 2BP01"));
        assertThat(result.rows()).last().extracting(VerifyResult.Row::result).isEqualTo("FAILED");
    }

    @Test
    void aDowngradeThatFailsOnlyInATransactionSharedWithTheNextIsNotReported() {
        files.add(R1 + "_create_p_c", "base", "CREATE TABLE p (id INT PRIMARY KEY);\n"
                + "CREATE TABLE c (id INT PRIMARY KEY, p INT REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED);",
                "DROP TABLE c;\nDROP TABLE p;");
        // its downgrade leaves the key's deferred check pending until the commit: dropping p in the same
        // transaction fails ("pending trigger events"), a failure no downgrade committed alone meets
        files.add(R2 + "_seed", R1, "INSERT INTO p VALUES (-4242);\nINSERT INTO c VALUES (-4242, -4242);",
                "DELETE FROM c WHERE id = -4242;\nDELETE FROM p WHERE id = -4242;");
        files.add(R3 + "_create_d", R2, "CREATE TABLE d (id INT PRIMARY KEY);", "DROP TABLE d;");

        VerifyResult result = verify();

        assertThat(errors(result)).isEmpty();
        assertThat(result.rows()).extracting(VerifyResult.Row::result).containsExactly("ok", "ok", "ok", "ok");
        assertThat(db().tables()).isEmpty();
    }
}
