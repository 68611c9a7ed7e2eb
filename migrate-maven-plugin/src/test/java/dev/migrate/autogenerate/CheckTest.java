package dev.migrate.autogenerate;

import dev.migrate.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateConfig;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrate:check on a live PostgreSQL database: changes made by hand outside the revisions are each
 * named; a database that matches its revisions, and revisions that match the desired schema, pass.
 */
class CheckTest {

    /** One database for the class, emptied before each test. */
    private static final KindFixture.SharedPostgres POSTGRES = new KindFixture.SharedPostgres();

    @TempDir
    Path work;
    TestDatabase db;
    Migrator migrator;

    @BeforeEach
    void upgradeALiveDatabase() throws Exception {
        db = POSTGRES.emptied();
        RevisionFiles files = RevisionFiles.in(work.resolve("migrations"));
        files.add("20260101000000_orders", "base", """
                CREATE TABLE orders (id bigint PRIMARY KEY, total int NOT NULL);
                CREATE INDEX ix_orders_total ON orders (total);
                CREATE FUNCTION tax(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT x / 5';
                """, "DROP FUNCTION tax(integer); DROP TABLE orders;");
        migrator = new Migrator(Configs.config(db.url(), files.folder()),
                MigrationListener.SILENT);
        migrator.upgrade("head");
    }

    @AfterAll
    static void dropDatabase() {
        POSTGRES.close();
    }

    private CheckResult check() {
        return migrator.check(new CheckOptions(work.resolve("no-schema").toString(), work.resolve("reports")));
    }

    @Test
    void passesWhenTheDatabaseMatchesItsRevisions() {
        CheckResult result = check();

        assertThat(result.checked()).containsExactly(CheckResult.Comparison.LIVE);
        assertThat(result.findings()).isEmpty();
        assertThat(result.report()).exists();
    }

    @Test
    void namesAColumnAddedByHand() throws Exception {
        KindFixture.execute(db, "ALTER TABLE orders ADD COLUMN note text");

        assertThat(check().errors()).extracting(CheckResult.Finding::message)
                .containsExactly("column orders.note was added outside the revisions");
    }

    @Test
    void namesAnIndexDroppedByHand() throws Exception {
        KindFixture.execute(db, "DROP INDEX ix_orders_total");

        assertThat(check().errors()).extracting(CheckResult.Finding::message)
                .containsExactly("index ix_orders_total on table orders was removed outside the revisions");
    }

    @Test
    void namesAFunctionWhoseBodyWasChanged() throws Exception {
        KindFixture.execute(db, "CREATE OR REPLACE FUNCTION tax(x integer) RETURNS integer LANGUAGE sql IMMUTABLE"
                + " AS 'SELECT x / 4'");

        CheckResult result = check();
        assertThat(result.errors()).singleElement().extracting(CheckResult.Finding::message).asString()
                .startsWith("function tax(x integer) was changed outside the revisions").contains("x / 4");
        assertThat(Files.readString(result.report())).contains("failures=\"1\"").contains("tax(x integer)");
    }

    @Test
    void comparesTheHeadWithTheDesiredSchema() throws Exception {
        Path schema = Files.createDirectories(work.resolve("schema"));
        Files.writeString(schema.resolve("01_orders.sql"), """
                CREATE TABLE orders (id bigint PRIMARY KEY, total int NOT NULL, paid boolean);
                CREATE INDEX ix_orders_total ON orders (total);
                CREATE FUNCTION tax(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT x / 5';
                """);

        CheckResult result = migrator.check(new CheckOptions(schema.toString(), null));

        assertThat(result.checked()).containsExactly(CheckResult.Comparison.DESIRED, CheckResult.Comparison.LIVE);
        assertThat(result.errors()).extracting(CheckResult.Finding::message)
                .containsExactly("column orders.paid is in the desired schema but no revision creates it");
    }

    @Test
    void countsAColumnOrderDifferenceAsAWarningInTheSummary() throws Exception {
        Path schema = Files.createDirectories(work.resolve("schema"));
        Files.writeString(schema.resolve("01_orders.sql"), """
                CREATE TABLE orders (total int NOT NULL, id bigint PRIMARY KEY);
                CREATE INDEX ix_orders_total ON orders (total);
                CREATE FUNCTION tax(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT x / 5';
                """);

        CheckResult result = migrator.check(new CheckOptions(schema.toString(), null));

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.warnings()).singleElement().extracting(CheckResult.Finding::message).asString()
                .contains("orders");
        assertThat(result.counts()).isEqualTo("2 comparison(s), 0 difference(s), 1 warning(s)");
    }

    @Test
    void comparesOnlyTheConfiguredSchemaOfADatabaseWithOtherSchemas() throws Exception {
        Migrator tenant = new Migrator(new MigrateConfig(db.url(), null, null, "t4", work.resolve("migrations"), null),
                MigrationListener.SILENT);
        tenant.upgrade("head");
        KindFixture.execute(db, "CREATE SCHEMA t1; CREATE TABLE t1.orders (id bigint); CREATE SCHEMA billing;"
                + " CREATE TABLE billing.invoices (id int); ALTER TABLE t4.orders ADD COLUMN note text");

        CheckResult result = tenant.check(new CheckOptions(work.resolve("no-schema").toString(), null));

        assertThat(result.errors()).extracting(CheckResult.Finding::message)
                .containsExactly("column t4.orders.note was added outside the revisions");
    }
}
