package dev.migrate.verify;

import dev.migrate.testing.Configs;
import static dev.migrate.testing.Ids.R1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateConfig;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.database.ScratchDatabaseException;
import dev.migrate.testing.PostgresServer;
import dev.migrate.testing.Products;
import dev.migrate.scratch.ScratchDatabase;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.FreshPostgres;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where verify runs: its own temporary database, dropped whatever happens, or the one verifyUrl names. */
@FreshPostgres.Each
class ScratchDatabaseTest {

    @TempDir
    Path dir;

    void oneRevision() {
        RevisionFiles.in(dir).add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "SELECT 1;");
    }

    @Test
    void temporaryPostgresDatabaseIsDroppedAlsoWhenVerifyFails(TestDatabase db) {
        oneRevision();
        AtomicReference<String> scratch = new AtomicReference<>();
        MigrationListener failing = new MigrationListener() {
            @Override
            public void info(String message) {
                scratch.set(message.substring(message.indexOf("migrate_verify_")).split(" ")[0]);
                throw new IllegalStateException("interrupted");
            }
        };

        assertThatThrownBy(() -> new Migrator(Configs.config(db.url(), dir), failing)
                .verify(VerifyOptions.defaults())).hasMessage("interrupted");

        assertThat(scratch.get()).startsWith("migrate_verify_");
        assertThat(db.column("SELECT datname FROM pg_database WHERE datname = '" + scratch.get() + "'")).isEmpty();
    }

    @Test
    void rebuildGivesANewEmptyDatabaseAndCloseDropsEveryDatabaseItMade(TestDatabase db) throws java.sql.SQLException {
        ScratchDatabase scratch = ScratchDatabase.open(Products.target(db.url()), null);
        // every database this scratch database makes shares its name's stem: only those are counted
        String first = scratch.url().substring(scratch.url().lastIndexOf('/') + 1).split("\\?")[0];
        String ours = "SELECT datname FROM pg_database WHERE datname LIKE '"
                + first.substring(0, first.lastIndexOf('x') + 1) + "%' ORDER BY 1";
        java.util.Set<String> urls = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            urls.add(scratch.url());
            try (dev.migrate.database.Database database = scratch.connect();
                    java.sql.Statement statement = database.connection().createStatement()) {
                statement.execute("CREATE TABLE left_behind (id INT)");
            }
            scratch.rebuild();
            try (dev.migrate.database.Database database = scratch.connect();
                    java.sql.Statement statement = database.connection().createStatement();
                    java.sql.ResultSet rs = statement.executeQuery("SELECT to_regclass('left_behind') IS NULL")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("rebuild %d starts empty", i + 1).isTrue();
            }
        }
        urls.add(scratch.url());
        // the current database and the spare made in the background for a next rebuild go too
        assertThat(db.column(ours)).isNotEmpty();
        scratch.close();

        assertThat(urls).hasSize(4);
        assertThat(db.column(ours)).isEmpty();
    }

    @Test
    void userWhoMayNotCreateDatabasesIsToldAboutVerifyUrl(TestDatabase db) {
        oneRevision();
        String role = "migrate_nocreate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        PostgresServer.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB");
        try {
            assertThatThrownBy(() -> new Migrator(new MigrateConfig(db.url().replace("user=postgres", "user=" + role),
                    null, null, null, dir, null), MigrationListener.SILENT).verify(VerifyOptions.defaults()))
                    .isInstanceOf(ScratchDatabaseException.class)
                    .hasMessageContaining("the user of migrate.url may not create databases (grant it CREATEDB)")
                    .hasMessageContaining("set migrate.verifyUrl (<verifyUrl>) to an empty database");
        } finally {
            PostgresServer.execute("DROP ROLE " + role);
        }
    }

    @Test
    void verifyUrlIsUsedAsItIsAndLeftEmpty() {
        for (TestDatabase.Kind kind : TestDatabase.Kind.values()) {
            try (TestDatabase configured = TestDatabase.create(kind); TestDatabase target = TestDatabase.create(kind)) {
                RevisionFiles.in(dir).add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");

                VerifyResult result = VerifyFixture.verify(configured, dir, VerifyOptions.defaults().withVerifyUrl(target.url()));

                assertThat(result.findings()).isEmpty();
                assertThat(result.database()).isEqualTo(target.url());
                assertThat(target.tables()).containsExactly("migrate_history");
                assertThat(configured.tables()).isEmpty();
            }
        }
    }

    @Test
    void verifyUrlThatHoldsTablesIsRefused() {
        try (TestDatabase configured = TestDatabase.create(TestDatabase.Kind.H2);
                TestDatabase target = TestDatabase.create(TestDatabase.Kind.H2)) {
            oneRevision();
            target.execute("CREATE TABLE customers (id INT)");

            assertThatThrownBy(() -> VerifyFixture.verify(configured, dir, VerifyOptions.defaults().withVerifyUrl(target.url())))
                    .isInstanceOf(UnsuitableVerifyDatabaseException.class)
                    .hasMessageContaining("is not empty: it holds table customers")
                    .hasMessageContaining("give it an empty database");
        }
    }
}
