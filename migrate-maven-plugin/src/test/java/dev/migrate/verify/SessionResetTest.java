package dev.migrate.verify;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.verify.VerifyFixture.errors;
import static dev.migrate.verify.VerifyFixture.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL each plan of verify starts in a session reset to a new connection's state, while
 * the statements the driver prepared for verify itself stay prepared: what an upgrade leaves in its
 * session (a prepared statement, a temporary table, a setting) is gone when its downgrade runs, as
 * it would be in production, where the downgrade runs another day.
 */
class SessionResetTest {

    @TempDir
    Path dir;

    @Test
    void downgradeThatExecutesAStatementTheUpgradePreparedFails() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles.in(dir).add(R1 + "_items", "base",
                    "CREATE TABLE items (id INT PRIMARY KEY);\nPREPARE forget_items AS DELETE FROM items;",
                    "EXECUTE forget_items;\nDROP TABLE items;");

            VerifyResult result = verify(db, dir);

            assertThat(errors(result)).first().asString()
                    .startsWith("downgrade of " + R1 + "_items fails at")
                    .contains("prepared statement \"forget_items\" does not exist");
        }
    }

    @Test
    void downgradeThatNeedsTheUpgradesTemporaryTableAndSettingFails() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles.in(dir).add(R1 + "_items", "base", """
                    CREATE TABLE items (id INT PRIMARY KEY);
                    CREATE TEMP TABLE parked (id INT);
                    SET statement_timeout = '1min';""", """
                    DO $$ BEGIN
                        IF current_setting('statement_timeout') <> '1min' OR to_regclass('pg_temp.parked') IS NULL THEN
                            RAISE EXCEPTION 'statement_timeout %, parked %', current_setting('statement_timeout'),
                                to_regclass('pg_temp.parked') IS NOT NULL;
                        END IF;
                    END $$;
                    INSERT INTO parked SELECT id FROM items;
                    DROP TABLE items;""");

            VerifyResult result = verify(db, dir);

            assertThat(errors(result)).first().asString()
                    .startsWith("downgrade of " + R1 + "_items fails at").contains("statement_timeout 0, parked f ");
        }
    }
}
