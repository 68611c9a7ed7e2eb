package dev.migrate.scratch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.common.Log;
import dev.migrate.database.ScratchNames;
import dev.migrate.testing.MariaDbServer;
import dev.migrate.testing.PostgresServer;
import dev.migrate.testing.Products;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A scratch database a killed verify left behind is dropped by the next run on the same server once
 * it is older than the limit and no session uses it, and the run says so; one in use, a recent one,
 * and (on PostgreSQL) one without the plugin's marker are left alone. The test makes every database
 * it looks at, under names of its own, and asks the clean-up to look at those names only.
 */
class StaleScratchDatabasesTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void dropsWhatAKilledRunLeftAndSaysSo(TestDatabase.Kind kind) throws Exception {
        boolean postgres = kind == TestDatabase.Kind.POSTGRESQL;
        Consumer<String> admin = postgres ? PostgresServer::execute : MariaDbServer::execute;
        String own = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String oldPrefix = prefix(Instant.now().minus(Duration.ofDays(2)), own);
        String newPrefix = prefix(Instant.now().minus(Duration.ofMinutes(1)), own);
        String stale = oldPrefix + "x1";
        String inUse = oldPrefix + "x2";
        String unmarked = oldPrefix + "x3";
        String recent = newPrefix + "x1";
        List<String> made = new ArrayList<>();
        try (TestDatabase db = TestDatabase.create(kind);
                ScratchDatabase scratch = ScratchDatabase.open(Products.target(db.url()), null)) {
            for (String name : List.of(stale, inUse, recent)) {
                admin.accept("CREATE DATABASE " + name);
                made.add(name);
                if (postgres) {
                    admin.accept("COMMENT ON DATABASE " + name + " IS '" + ScratchNames.marker(Instant.now()) + "'");
                }
            }
            if (postgres) {
                admin.accept("CREATE DATABASE " + unmarked);
                made.add(unmarked);
            }
            List<String> said = new ArrayList<>();
            Log log = new Log() {
                @Override
                public void info(String message) {
                    said.add(message);
                }
            };
            try (Connection session = DriverManager.getConnection(postgres ? PostgresServer.urlFor(inUse)
                    : MariaDbServer.urlFor(inUse))) {
                assertThat(scratch.dropStale(oldPrefix, log)).containsExactly(stale);
                assertThat(scratch.dropStale(newPrefix, log)).isEmpty();
            }

            assertThat(said).singleElement().asString().contains("Dropped 1 scratch database(s) that killed runs left")
                    .contains("made over 6 h ago").contains(stale).doesNotContain(inUse);
            assertThat(exists(kind, stale)).isFalse();
            for (String kept : made.stream().filter(name -> !name.equals(stale)).toList()) {
                assertThat(exists(kind, kept)).as(kept).isTrue();
            }
        } finally {
            for (String name : made) {
                admin.accept("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    private static String prefix(Instant made, String own) {
        // the test's own random part after the plugin's stem, so that nothing but its databases match
        String stem = ScratchNames.stem(made, 0);
        return stem.substring(0, stem.lastIndexOf('_') + 1) + own;
    }

    /** Whether the database {@code name}, one this test made, is still there. */
    private static boolean exists(TestDatabase.Kind kind, String name) throws Exception {
        boolean postgres = kind == TestDatabase.Kind.POSTGRESQL;
        String sql = postgres ? "SELECT 1 FROM pg_database WHERE datname = ?"
                : "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?";
        try (Connection c = DriverManager.getConnection(postgres ? PostgresServer.adminUrl() : MariaDbServer.adminUrl());
                var query = c.prepareStatement(sql)) {
            query.setString(1, name);
            try (var rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }
}
