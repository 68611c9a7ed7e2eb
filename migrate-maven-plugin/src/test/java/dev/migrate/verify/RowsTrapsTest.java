package dev.migrate.verify;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static dev.migrate.verify.VerifyFixture.errors;
import static dev.migrate.verify.VerifyFixture.verify;
import static dev.migrate.verify.VerifyFixture.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthetic rows: upgrades that pass on empty tables and fail on tables with rows, downgrades that
 * lose rows, each next to a safe twin that passes.
 */
class RowsTrapsTest {

    @TempDir
    Path dir;

    private RevisionFiles files(String createTable) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", createTable, "DROP TABLE a;");
        return files;
    }

    private RevisionFiles orders() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_orders", "base", "CREATE TABLE orders (id INT PRIMARY KEY, total NUMERIC(10, 2));",
                "DROP TABLE orders;");
        return files;
    }

    private String file(String name) {
        return dir.resolve(name + ".sql").toString();
    }

    @OnBothDatabases
    void notNullColumnWithoutDefaultFailsOnATableWithRows(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        files("CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(20));")
                .add(R2 + "_add_score", R1, "ALTER TABLE a ADD COLUMN score INT NOT NULL;", "ALTER TABLE a DROP COLUMN score;");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).singleElement().asString()
                .startsWith("upgrade of 20260102000000_add_score fails on a table with rows: at "
                        + file(R2 + "_add_score") + ":5: SQL state ")
                .contains("; it passed on empty tables");
        // verify went on from the empty-table state: downgrade, re-upgrade and the full cycle ran
        assertThat(result.rows()).extracting(VerifyResult.Row::result).containsExactly("ok", "FAILED", "ok");
    }

    @OnBothDatabases
    void notNullColumnWithDefaultPasses(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        files("CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(20));")
                .add(R2 + "_add_score", R1, "ALTER TABLE a ADD COLUMN score INT DEFAULT 0 NOT NULL;",
                        "ALTER TABLE a DROP COLUMN score;");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).isEmpty();
    }

    @Test
    void tableWhoseOwnTriggerRefusesTruncateIsLeftOutAndVerifyGoesOn() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            // as LemmyNet/lemmy's forbid_diesel_cli: every change of the table, TRUNCATE included, raises
            RevisionFiles files = RevisionFiles.in(dir);
            files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(20));\n"
                    + "CREATE TABLE guarded (id INT PRIMARY KEY);\n"
                    + "CREATE FUNCTION refuse() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN"
                    + " RAISE 'guarded is managed elsewhere'; END; $$;\n"
                    + "CREATE TRIGGER refuse BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON guarded"
                    + " EXECUTE FUNCTION refuse();", "DROP TABLE guarded;\nDROP FUNCTION refuse();\nDROP TABLE a;");
            files.add(R2 + "_add_score", R1, "ALTER TABLE a ADD COLUMN score INT NOT NULL;",
                            "ALTER TABLE a DROP COLUMN score;");

            VerifyResult result = verify(db, dir);

            // the upgrade that fails on rows is still found, and tried again on emptied tables
            assertThat(errors(result)).singleElement().asString()
                    .startsWith("upgrade of 20260102000000_add_score fails on a table with rows")
                    .contains("; it passed on empty tables");
            assertThat(result.rows()).extracting(VerifyResult.Row::result).containsExactly("ok", "FAILED", "ok");
            assertThat(warnings(result)).filteredOn(warning -> warning.contains("guarded")).singleElement().asString()
                    .isEqualTo("table public.guarded is left out of the rows check: it cannot be emptied in the scratch"
                            + " database (ERROR: guarded is managed elsewhere)");
        }
    }

    @Test
    void castThatFailsOnWordsFailsOnATableWithRows() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            files("CREATE TABLE a (id INT PRIMARY KEY, code TEXT);")
                    .add(R2 + "_code_to_int", R1, "ALTER TABLE a ALTER COLUMN code TYPE INT USING code::int;",
                            "ALTER TABLE a ALTER COLUMN code TYPE TEXT;");

            VerifyResult result = verify(db, dir);

            assertThat(errors(result)).singleElement().asString()
                    .startsWith("upgrade of 20260102000000_code_to_int fails on a table with rows: at "
                            + file(R2 + "_code_to_int") + ":5: SQL state 22P02: ")
                    .contains("invalid input syntax for type integer: \"alpha\"")
                    .contains("it passed on empty tables");
        }
    }

    @Test
    void castThatConvertsEveryValuePasses() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            files("CREATE TABLE a (id INT PRIMARY KEY, code TEXT);")
                    .add(R2 + "_code_to_int", R1, "ALTER TABLE a ADD COLUMN code_number INT;\n"
                            + "UPDATE a SET code_number = CASE WHEN code ~ '^[0-9]+$' THEN code::int END;",
                            "ALTER TABLE a DROP COLUMN code_number;");

            VerifyResult result = verify(db, dir);

            assertThat(errors(result)).isEmpty();
        }
    }

    @OnBothDatabases
    void uniqueIndexOverRepeatedValuesFailsOnATableWithRows(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        files("CREATE TABLE a (id INT PRIMARY KEY, city VARCHAR(40));")
                .add(R2 + "_unique_city", R1, "CREATE UNIQUE INDEX ux_a_city ON a (city);", "DROP INDEX ux_a_city;");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).singleElement().asString()
                .startsWith("upgrade of 20260102000000_unique_city fails on a table with rows: at "
                        + file(R2 + "_unique_city") + ":5: SQL state 23505: ")
                .contains("it passed on empty tables");
    }

    @OnBothDatabases
    void uniqueIndexOverDistinctValuesPasses(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        files("CREATE TABLE a (id INT PRIMARY KEY, city VARCHAR(40));")
                .add(R2 + "_unique_city", R1, "CREATE UNIQUE INDEX ux_a_city ON a (id, city);", "DROP INDEX ux_a_city;");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).isEmpty();
    }

    @OnBothDatabases
    void downgradeThatDropsAndRecreatesATableLosesItsRows(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        String table = db.isPostgres() ? "public.a" : "PUBLIC.A";
        files("CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(20));")
                .add(R2 + "_add_note", R1, "ALTER TABLE a ADD COLUMN note VARCHAR(20);",
                        "DROP TABLE a;\nCREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(20));");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).containsExactly("downgrade of 20260102000000_add_note loses 3 of the 3 rows table "
                + table + " held before the upgrade: in production that is data gone (a table dropped and recreated,"
                + " rows deleted); change the table in place instead");
    }

    @Test
    void downgradeThatLosesRowsARenameMovedIsCaught() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            orders().add(R2 + "_rename", R1, "ALTER TABLE orders RENAME TO orders_v2;",
                            "DROP TABLE orders_v2;\nCREATE TABLE orders (id INT PRIMARY KEY, total NUMERIC(10, 2));");

            VerifyResult result = verify(db, dir);

            assertThat(errors(result)).containsExactly("downgrade of 20260102000000_rename loses 3 of the 3 rows table"
                    + " public.orders held before the upgrade: in production that is data gone (a table dropped and"
                    + " recreated, rows deleted); change the table in place instead");
            // the rows the rename moved are counted where the lock was taken
            assertThat(warnings(result)).anyMatch(message -> message.contains(" on table public.orders_v2 (3 rows)"));
        }
    }

    @Test
    void downgradeThatLosesRowsAMoveToAnotherSchemaMovedIsCaught() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            orders().add(R2 + "_archive", R1, "CREATE SCHEMA archive;\nALTER TABLE orders SET SCHEMA archive;",
                            "DROP TABLE archive.orders;\nDROP SCHEMA archive;\n"
                                    + "CREATE TABLE orders (id INT PRIMARY KEY, total NUMERIC(10, 2));");

            VerifyResult result = verify(db, dir);

            assertThat(errors(result)).containsExactly("downgrade of 20260102000000_archive loses 3 of the 3 rows table"
                    + " public.orders held before the upgrade: in production that is data gone (a table dropped and"
                    + " recreated, rows deleted); change the table in place instead");
        }
    }

    @Test
    void downgradeThatRenamesTheTableBackKeepsItsRows() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            orders().add(R2 + "_rename", R1, "ALTER TABLE orders RENAME TO orders_v2;\n"
                            + "ALTER TABLE orders_v2 RENAME COLUMN total TO amount;",
                            "ALTER TABLE orders_v2 RENAME COLUMN amount TO total;\n"
                                    + "ALTER TABLE orders_v2 RENAME TO orders;");

            VerifyResult result = verify(db, dir);

            assertThat(errors(result)).isEmpty();
            assertThat(warnings(result)).noneMatch(message -> message.contains("loses") || message.contains("changes"));
        }
    }

    @OnBothDatabases
    void downgradeThatAltersTheTableInPlaceKeepsItsRows(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        files("CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(20));")
                .add(R2 + "_add_note", R1, "ALTER TABLE a ADD COLUMN note VARCHAR(20);", "ALTER TABLE a DROP COLUMN note;");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).isEmpty();
        assertThat(warnings(result)).noneMatch(message -> message.contains("loses") || message.contains("changes"));
    }

    @OnBothDatabases
    void valuesAnUpgradeChangesForGoodAreAWarningAndAnErrorWhenStrict(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        files("CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(20));")
                .add(R2 + "_shout", R1, "ALTER TABLE a ADD COLUMN loud BOOLEAN;\nUPDATE a SET name = UPPER(name);",
                        "ALTER TABLE a DROP COLUMN loud;");

        VerifyResult result = verify(db, dir);
        VerifyResult strict = verify(db, dir, VerifyOptions.defaults().withStrict(true));

        String message = "downgrade of 20260102000000_shout changes 3 of the 3 rows table "
                + (db.isPostgres() ? "public.a" : "PUBLIC.A") + " held before the upgrade (columns "
                + (db.isPostgres() ? "name" : "NAME") + "): the values it had before the upgrade do not come back";
        assertThat(errors(result)).isEmpty();
        assertThat(warnings(result)).contains(message);
        assertThat(errors(strict)).containsExactly(message);
    }

    @OnBothDatabases
    void rowsOffFindsNothingOnTheSameTraps(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        files("CREATE TABLE a (id INT PRIMARY KEY, city VARCHAR(40));")
                .add(R2 + "_unique_city", R1, "CREATE UNIQUE INDEX ux_a_city ON a (city);", "DROP INDEX ux_a_city;");
        RevisionFiles.in(dir).add(R3 + "_add_score", R2, "ALTER TABLE a ADD COLUMN score INT NOT NULL;",
                "ALTER TABLE a DROP COLUMN score;");

        VerifyResult result = verify(db, dir, VerifyOptions.defaults().withRows(0));

        assertThat(errors(result)).isEmpty();
        assertThat(result.costs()).extracting(VerifyResult.Cost::check).doesNotContain("synthetic rows");
    }
}
