package dev.migrate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.common.Finding;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows check reads only the tables a phase reached; its findings must be those of a run that
 * reads every table at every point, message for message: on the project's realistic history and on
 * a history of data traps (rows changed through cascades, routines, views, triggers, renames).
 */
class RowsReachTest {

    @TempDir
    Path dir;

    @AfterEach
    void readWhatIsReachedAgain() {
        RowsCheck.readEverything = false;
    }

    private static List<String> messages(TestDatabase db, Path folder, boolean everything) {
        RowsCheck.readEverything = everything;
        try {
            return VerifyFixture.verify(db, folder).findings().stream().map(Finding::message).toList();
        } finally {
            RowsCheck.readEverything = false;
        }
    }

    @Test
    void realisticHistoryFindsWhatReadingEverythingFinds() throws Exception {
        Path folder = Path.of(getClass().getResource("/histories/postgres-realistic").toURI());
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            List<String> everything = messages(db, folder, true);
            List<String> reached = messages(db, folder, false);

            assertThat(reached).isNotEmpty().containsExactlyElementsOf(everything);
        }
    }

    @OnBothDatabases
    void dataTrapsFindWhatReadingEverythingFinds(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        boolean postgres = db.kind() == TestDatabase.Kind.POSTGRESQL;
        Traps traps = new Traps(RevisionFiles.in(dir));
        traps.add("tables", "CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(20));\n"
                + "CREATE TABLE b (id INT PRIMARY KEY, a_id INT REFERENCES a (id) ON DELETE CASCADE, v VARCHAR(20));\n"
                + "CREATE TABLE c (id INT PRIMARY KEY, v VARCHAR(20));\n"
                + "CREATE TABLE e (id INT PRIMARY KEY, v VARCHAR(20));",
                "DROP TABLE e; DROP TABLE c; DROP TABLE b; DROP TABLE a;");
        // values changed and not changed back
        traps.add("upper_names", "UPDATE a SET name = UPPER(name);", "UPDATE a SET name = name;");
        // rows of b go with a's through the foreign key, which no statement names
        traps.add("delete_first_a", "DELETE FROM a WHERE id = (SELECT MIN(id) FROM a);", "UPDATE a SET name = name;");
        // the downgrade loses all but one of b's rows: how many b held depends on the cascade above
        traps.add("b_column", "ALTER TABLE b ADD COLUMN w INT;",
                "DELETE FROM b WHERE id > (SELECT MIN(id) FROM b);\nALTER TABLE b DROP COLUMN w;");
        // a table dropped and recreated by the downgrade
        traps.add("c_recreated", "ALTER TABLE c ADD COLUMN w INT;",
                "DROP TABLE c;\nCREATE TABLE c (id INT PRIMARY KEY, v VARCHAR(20));");
        traps.add("c_again", "ALTER TABLE c ADD COLUMN x INT;", "ALTER TABLE c DROP COLUMN x;");
        if (postgres) {
            // a routine deletes e's rows; the next revision's downgrade loses rows only if e was filled again
            traps.add("purge_function", "CREATE FUNCTION purge_e() RETURNS void LANGUAGE sql AS 'DELETE FROM e';",
                    "DROP FUNCTION purge_e();");
            traps.add("purge", "SELECT purge_e();", "SELECT 1;");
            traps.add("e_column", "ALTER TABLE e ADD COLUMN z INT;",
                    "DELETE FROM e WHERE id > (SELECT MIN(id) FROM e);\nALTER TABLE e DROP COLUMN z;");
            // rows deleted through a view
            traps.add("f_and_view", "CREATE TABLE f (id INT PRIMARY KEY, v TEXT);\nCREATE VIEW fv AS SELECT * FROM f;",
                    "DROP VIEW fv;\nDROP TABLE f;");
            traps.add("delete_through_view", "DELETE FROM fv WHERE id > (SELECT MIN(id) FROM f);", "SELECT 1;");
            traps.add("f_column", "ALTER TABLE f ADD COLUMN z INT;",
                    "DELETE FROM f;\nALTER TABLE f DROP COLUMN z;");
            // a trigger on g deletes h's rows
            traps.add("g_h_trigger", "CREATE TABLE h (id INT PRIMARY KEY, v TEXT);\n"
                    + "CREATE TABLE g (id INT PRIMARY KEY, v TEXT);\n"
                    + "CREATE FUNCTION clear_h() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM h;"
                    + " RETURN NEW; END $$;\n"
                    + "CREATE TRIGGER g_clears_h AFTER UPDATE ON g FOR EACH STATEMENT EXECUTE FUNCTION clear_h();",
                    "DROP TABLE g;\nDROP FUNCTION clear_h();\nDROP TABLE h;");
            traps.add("touch_g", "UPDATE g SET v = v;", "SELECT 1;");
            traps.add("h_column", "ALTER TABLE h ADD COLUMN z INT;", "DELETE FROM h;\nALTER TABLE h DROP COLUMN z;");
            // rows moved by a rename and by a move to another schema
            traps.add("orders", "CREATE TABLE orders (id INT PRIMARY KEY, total NUMERIC(10, 2));", "DROP TABLE orders;");
            traps.add("orders_renamed", "ALTER TABLE orders RENAME TO orders_v2;",
                    "DROP TABLE orders_v2;\nCREATE TABLE orders (id INT PRIMARY KEY, total NUMERIC(10, 2));");
            traps.add("orders_moved", "CREATE SCHEMA archive;\nALTER TABLE orders SET SCHEMA archive;",
                    "DROP TABLE archive.orders;\nDROP SCHEMA archive;\n"
                            + "CREATE TABLE orders (id INT PRIMARY KEY, total NUMERIC(10, 2));");
        }

        List<String> everything = messages(db, dir, true);
        List<String> reached = messages(db, dir, false);

        assertThat(everything).anyMatch(message -> message.contains(" loses "));
        assertThat(reached).containsExactlyElementsOf(everything);
    }

    /** Revisions one after another, each the child of the one before. */
    private static final class Traps {
        private final RevisionFiles files;
        private String parent = "base";
        private int day = 1;

        Traps(RevisionFiles files) {
            this.files = files;
        }

        void add(String slug, String upgrade, String downgrade) {
            String id = String.format("202601%02d000000", day++);
            files.add(id + "_" + slug, parent, upgrade, downgrade);
            parent = id;
        }
    }
}
