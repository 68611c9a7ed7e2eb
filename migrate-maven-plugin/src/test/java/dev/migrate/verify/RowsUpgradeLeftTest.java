package dev.migrate.verify;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.verify.VerifyFixture.errors;
import static dev.migrate.verify.VerifyFixture.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table the upgrade did not reach kept every row it held: the rows check is not walked over it
 * after the upgrade, and a downgrade that loses its rows is still named.
 */
class RowsUpgradeLeftTest {

    @TempDir
    Path dir;

    @OnBothDatabases
    void downgradeThatDeletesRowsOfATableItsUpgradeLeftLosesThem(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        String table = db.isPostgres() ? "public.a" : "PUBLIC.A";
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(20));", "DROP TABLE a;");
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b;\nDELETE FROM a;");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).containsExactly("downgrade of 20260102000000_create_b loses 3 of the 3 rows table "
                + table + " held before the upgrade: in production that is data gone (a table dropped and recreated,"
                + " rows deleted); change the table in place instead");
    }
}
