package dev.migrate.database;

import dev.migrate.testing.Products;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rows the seeders write: values per catalog type, distinct only where needed, parents first. */
class RowSeederTest {

    private static Map<String, Long> seed(TestDatabase db, RowSeeder seeder, List<String> notes) throws Exception {
        try (Connection connection = db.connect()) {
            List<SeedTable> tables = seeder.tables(connection, connection.getSchema(), "migrate_history");
            Map<String, Long> counts = new HashMap<>();
            notes.addAll(seeder.seed(connection, tables, counts, 3));
            return counts;
        }
    }

    @Test
    void fillsEveryPostgresTypeWithinItsLimitsAndHonoursKeysAndChecks() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            db.execute("CREATE TYPE mood AS ENUM ('calm', 'busy')");
            db.execute("CREATE DOMAIN small_positive AS INT CHECK (VALUE BETWEEN 1 AND 9)");
            db.execute("CREATE TABLE parent (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code CHAR(2) UNIQUE)");
            db.execute("CREATE TABLE child (id SERIAL PRIMARY KEY, parent_id BIGINT NOT NULL REFERENCES parent (id),"
                    + " name VARCHAR(4) NOT NULL, price NUMERIC(4, 2) CHECK (price < 50), born DATE, seen TIMESTAMPTZ,"
                    + " active BOOLEAN, token UUID UNIQUE, doc JSONB, tags TEXT[], feeling mood NOT NULL,"
                    + " size small_positive, ratio REAL, gap INTERVAL, total INT GENERATED ALWAYS AS (size * 2) STORED)");
            List<String> notes = new java.util.ArrayList<>();

            Map<String, Long> counts = seed(db, Products.POSTGRES.rowSeeder(), notes);

            assertThat(notes).isEmpty();
            assertThat(counts).containsEntry("public.parent", 3L).containsEntry("public.child", 3L);
            assertThat(db.column("SELECT code FROM parent ORDER BY code")).containsExactly("al", "br", "ch");
            // words, cut to the column's length; repeated where nothing asks for distinct values
            assertThat(db.column("SELECT name FROM child ORDER BY id")).containsExactly("alph", "brav", "alph");
            assertThat(db.column("SELECT DISTINCT token::text FROM child")).hasSize(3);
            assertThat(db.column("SELECT count(DISTINCT parent_id) FROM child")).containsExactly("2");
            assertThat(db.column("SELECT price FROM child WHERE price >= 50")).isEmpty();
            assertThat(db.column("SELECT DISTINCT feeling::text FROM child ORDER BY 1")).containsExactly("busy", "calm");
            // the domain's check refuses 101, so the rows were written with the next profile of values
            assertThat(db.column("SELECT tags[1] || ' ' || doc::text || ' ' || size FROM child ORDER BY id LIMIT 1"))
                    .containsExactly("alpha@example.com [\"alpha\"] 1");
            assertThat(db.column("SELECT count(*) FROM child WHERE born IS NULL OR seen IS NULL OR active IS NULL"
                    + " OR ratio IS NULL OR gap IS NULL OR total IS NULL")).containsExactly("0");
        }
    }

    @Test
    void looksUpPostgresTablesByNameWhateverCharactersTheNamesHold() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            db.execute("CREATE TABLE \"it's\" (id INT PRIMARY KEY)");
            db.execute("CREATE TABLE \"back\\slash\" (id INT PRIMARY KEY, parent INT REFERENCES \"it's\" (id))");
            db.execute("CREATE TABLE \"Mixed\" (code TEXT UNIQUE)");
            db.execute("CREATE TABLE plain (id INT)");
            try (Connection connection = db.connect()) {
                RowSeeder seeder = Products.POSTGRES.rowSeeder();

                List<SeedTable> found = seeder.tables(connection, connection.getSchema(), "migrate_history",
                        java.util.Set.of("it's", "back\\slash", "Mixed", "mixed", "nothing"));

                assertThat(found).extracting(SeedTable::display).containsExactlyInAnyOrder("public.it's",
                        "public.back\\slash", "public.Mixed");
                SeedTable child = found.stream().filter(t -> t.name().startsWith("back")).findFirst().orElseThrow();
                assertThat(child.key()).containsExactly("id");
                assertThat(child.foreignKeys()).singleElement().extracting(SeedTable.ForeignKey::referencedTable)
                        .isEqualTo("it's");
                SeedTable mixed = found.stream().filter(t -> t.name().equals("Mixed")).findFirst().orElseThrow();
                assertThat(mixed.isUnique("code")).isTrue();
            }
        }
    }

    @Test
    void tableThatCannotBeFilledIsANoteNotAFailure() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            db.execute("CREATE TABLE flags (on_off BOOLEAN PRIMARY KEY)");
            List<String> notes = new java.util.ArrayList<>();

            Map<String, Long> counts = seed(db, Products.POSTGRES.rowSeeder(), notes);

            assertThat(notes).containsExactly("table public.flags holds no generated rows: column on_off (boolean)"
                    + " cannot take 3 distinct values");
            assertThat(counts).doesNotContainKey("public.flags");
        }
    }

    @Test
    void seedsH2TablesThroughItsMetadata() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            db.execute("CREATE TABLE parent (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(10) NOT NULL)");
            db.execute("CREATE TABLE child (id INT PRIMARY KEY, parent_id INT NOT NULL REFERENCES parent (id),"
                    + " amount DECIMAL(5, 1) CHECK (amount > 0), born_on DATE, ok BOOLEAN)");
            List<String> notes = new java.util.ArrayList<>();

            Map<String, Long> counts = seed(db, Products.H2.rowSeeder(), notes);

            assertThat(notes).isEmpty();
            assertThat(counts).containsEntry("PUBLIC.PARENT", 3L).containsEntry("PUBLIC.CHILD", 3L);
            assertThat(db.column("SELECT name FROM parent ORDER BY id")).containsExactly("alpha", "bravo", "alpha");
            assertThat(db.column("SELECT id FROM child ORDER BY id")).containsExactly("101", "102", "103");
        }
    }
}
