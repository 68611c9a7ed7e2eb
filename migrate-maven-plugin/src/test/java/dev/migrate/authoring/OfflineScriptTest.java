package dev.migrate.authoring;

import dev.migrate.testing.Configs;
import dev.migrate.testing.Products;
import dev.migrate.database.postgres.PostgresSyntax;
import dev.migrate.database.Dialect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.graph.Direction;
import dev.migrate.graph.InvalidTargetException;
import dev.migrate.revision.Revision;
import dev.migrate.sql.Statement;
import dev.migrate.sql.StatementSplitter;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate:sql: the offline script, and that running it equals an online upgrade. */
class OfflineScriptTest {

    static final String R1 = "20260101090000";
    static final String R2 = "20260102090000";
    static final String R3 = "20260103090000";
    static final String R4 = "20260104090000";
    static final String R5 = "20260105090000";
    static final String R6 = "20260106090000";

    @TempDir
    Path dir;

    Migrator migrator(String url) {
        return new Migrator(Configs.config(url, dir), new RecordingListener());
    }

    /** The sample's history (a fork, a merge), a quote in a message, and a non-transactional index. */
    void sampleHistory(boolean postgres) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_authors", "base", "CREATE TABLE authors (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);",
                "DROP TABLE authors;");
        files.addWithHeader(R2 + "_create_books", "-- parents: " + R1 + "\n-- message: create author's books",
                "CREATE TABLE books (\n  id INT PRIMARY KEY,\n  author_id INT NOT NULL REFERENCES authors (id),\n"
                        + "  title VARCHAR(200) NOT NULL -- the title as printed\n);\n"
                        + "INSERT INTO authors (id, name) VALUES (1, 'O''Brien') -- a quote\n;",
                "DROP TABLE books;\nDELETE FROM authors;");
        files.addWithHeader(R3 + "_create_reviews", "-- parents: " + R1 + "\n-- message: create reviews\n-- branch: reviews",
                "CREATE TABLE reviews (id INT PRIMARY KEY, stars INT NOT NULL);", "DROP TABLE reviews;");
        files.add(R4 + "_merge", R2 + ", " + R3, "", "");
        files.add(R5 + "_add_book_price", R4, "ALTER TABLE books ADD COLUMN price DECIMAL(8, 2);",
                "ALTER TABLE books DROP COLUMN price;");
        files.addWithHeader(R6 + "_index_titles", "-- parents: " + R5 + "\n-- message: index titles\n-- transactional: false",
                postgres ? "CREATE INDEX CONCURRENTLY ix_books_title ON books (title);"
                        : "CREATE INDEX ix_books_title ON books (title);",
                postgres ? "DROP INDEX CONCURRENTLY ix_books_title;" : "DROP INDEX ix_books_title;");
    }

    /** Runs a script the way a plain JDBC client would: split like psql, one statement at a time. */
    static void runScript(TestDatabase db, String script) throws SQLException {
        try (Connection c = db.connect(); java.sql.Statement jdbc = c.createStatement()) {
            for (Statement statement : StatementSplitter.split(script, 1, PostgresSyntax.INSTANCE)) {
                jdbc.execute(statement.sql());
            }
        }
    }

    /** Columns and indexes; H2's migration-lock table, which only online runs create, is left out. */
    static List<String> schema(TestDatabase db) {
        String schema = db.isPostgres() ? "public" : "PUBLIC";
        List<String> columns = db.column("SELECT LOWER(table_name) || '.' || LOWER(column_name) || ' ' || LOWER(data_type)"
                + " || ' ' || is_nullable FROM information_schema.columns WHERE table_schema = '" + schema + "'"
                + " AND LOWER(table_name) <> 'migrate_history_lock' ORDER BY 1");
        List<String> indexes = db.isPostgres()
                ? db.column("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1")
                // H2 names generated indexes after internal object ids, which the lock table shifts:
                // compare the named ones, and only the number of generated ones
                : db.column("SELECT CASE WHEN LOWER(index_name) LIKE 'primary_key_%' OR LOWER(index_name) LIKE"
                        + " 'constraint_%' THEN 'generated index' ELSE LOWER(index_name) END FROM"
                        + " information_schema.indexes WHERE table_schema = 'PUBLIC'"
                        + " AND LOWER(table_name) <> 'migrate_history_lock' ORDER BY 1");
        return java.util.stream.Stream.concat(columns.stream(), indexes.stream()).toList();
    }

    static List<String> historyRows(TestDatabase db) {
        return db.column("SELECT revision || '|' || parents || '|' || message || '|' || upgrade_checksum || '|'"
                + " || downgrade_checksum || '|' || state FROM migrate_history ORDER BY revision");
    }

    @OnBothDatabases
    void runningTheScriptEqualsAnOnlineUpgrade(BothDatabases.Lazy lazy) throws Exception {
        TestDatabase offline = lazy.get();
        sampleHistory(offline.isPostgres());
        OfflineScript script = migrator(offline.url()).offlineScript(null, "head", null,
                offline.isPostgres() ? Products.POSTGRES : Products.H2);

        runScript(offline, script.text());

        try (TestDatabase online = TestDatabase.create(offline.kind())) {
            migrator(online.url()).upgrade("head");
            assertThat(schema(offline)).isEqualTo(schema(online)).contains(
                    "books.price numeric YES", "ix_books_title");
            assertThat(historyRows(offline)).isEqualTo(historyRows(online)).hasSize(6);
            assertThat(offline.column("SELECT name FROM authors")).containsExactly("O'Brien");
            assertThat(offline.column("SELECT message FROM migrate_history WHERE revision = '" + R2 + "'"))
                    .containsExactly("create author's books");
        }
        // the database the script made is one the plugin can keep working with
        assertThat(migrator(offline.url()).status().current()).extracting(Revision::id).containsExactly(R6);

        OfflineScript down = migrator(offline.url()).offlineScript(null, "base", null, script.dialect());
        runScript(offline, down.text());

        assertThat(offline.tables()).containsExactly("migrate_history");
        assertThat(historyRows(offline)).isEmpty();
    }

    @Test
    void wrapsEachTransactionalRevisionWithItsHistoryRow() {
        sampleHistory(true);

        String text = migrator("jdbc:h2:mem:unused").offlineScript("base", "head", null, Products.POSTGRES).text();

        assertThat(text).startsWith("-- Written by migrate-maven-plugin: upgrade from base to head, 6 revisions,"
                + " for PostgreSQL.\n");
        assertThat(text).contains("CREATE TABLE IF NOT EXISTS migrate_history (");
        assertThat(text).contains("""
                -- upgrade 20260101090000 (create authors) (20260101090000_create_authors.sql)
                BEGIN;
                CREATE TABLE authors (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);
                INSERT INTO migrate_history (revision, parents, message, upgrade_checksum, downgrade_checksum,\
                 applied_at, applied_by, duration_ms, state) VALUES ('20260101090000', '', 'create authors', '""");
        assertThat(text).contains("'create author''s books'");
        assertThat(text).contains("INSERT INTO authors (id, name) VALUES (1, 'O''Brien') -- a quote\n;\n");
        assertThat(text).contains("""
                -- transactional: false: no BEGIN/COMMIT, each statement commits on its own
                CREATE INDEX CONCURRENTLY ix_books_title ON books (title);
                INSERT INTO migrate_history""");
        assertThat(text.split("\nBEGIN;\n", -1)).hasSize(6);
        assertThat(text.split("\nCOMMIT;\n", -1)).hasSize(6);
    }

    @Test
    void downgradeDeletesHistoryRowsNewestFirst() {
        sampleHistory(true);

        OfflineScript script = migrator("jdbc:h2:mem:unused").offlineScript("head", R4, null, Products.POSTGRES);

        assertThat(script.plan().direction()).isEqualTo(Direction.DOWN);
        assertThat(script.plan().steps()).extracting(Revision::id).containsExactly(R6, R5);
        assertThat(script.text()).contains("DROP INDEX CONCURRENTLY ix_books_title;\n"
                + "DELETE FROM migrate_history WHERE revision = '" + R6 + "';\n");
        assertThat(script.description()).isEqualTo("downgrade from head to " + R4);
    }

    @Test
    void fromIsTakenAsAppliedAndDirectionCanBeGiven() {
        sampleHistory(true);
        Migrator migrator = migrator("jdbc:h2:mem:unused");

        assertThat(migrator.offlineScript("2026010409", "head", null, Products.H2).plan().steps())
                .extracting(Revision::id).containsExactly(R5, R6);
        assertThat(migrator.offlineScript(null, "base", null, Products.H2).plan().steps()).hasSize(6);
        assertThat(migrator.offlineScript(R5, "-1", null, Products.H2).plan().steps())
                .extracting(Revision::id).containsExactly(R5);
        assertThatThrownBy(() -> migrator.offlineScript(null, "base", Direction.UP, Products.H2))
                .isInstanceOf(InvalidTargetException.class);
    }

    @Test
    void schemaIsCreatedAndMadeCurrentFirst() {
        sampleHistory(false);
        Migrator migrator = new Migrator(new MigrateConfig("jdbc:h2:mem:unused", null, null, "app", dir, "hist"),
                new RecordingListener());

        String text = migrator.offlineScript(null, R1, null, Products.POSTGRES).text();

        assertThat(text).contains("CREATE SCHEMA IF NOT EXISTS app;\nSET search_path TO app;\n"
                + "CREATE TABLE IF NOT EXISTS app.hist (");
        assertThat(text).contains("INSERT INTO app.hist (");
    }

    @Test
    void writesTheScriptToAFile() throws Exception {
        sampleHistory(false);
        OfflineScript script = migrator("jdbc:h2:mem:unused").offlineScript(null, "head", null, Products.H2);
        Path file = dir.resolve("target/migrate/up.sql");

        script.writeTo(file);

        assertThat(Files.readString(file)).isEqualTo(script.text());
    }

    @Test
    void terminatesAStatementEndingInACommentOnTheNextLine() {
        assertThat(OfflineScript.terminated("SELECT 1")).isEqualTo("SELECT 1;");
        assertThat(OfflineScript.terminated("SELECT 1 -- one")).isEqualTo("SELECT 1 -- one\n;");
        assertThat(OfflineScript.terminated("SELECT '--'\nFROM t")).isEqualTo("SELECT '--'\nFROM t;");
        assertThat(OfflineScript.literal("it's")).isEqualTo("'it''s'");
    }
}
