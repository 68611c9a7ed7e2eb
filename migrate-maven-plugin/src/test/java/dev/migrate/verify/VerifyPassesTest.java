package dev.migrate.verify;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static dev.migrate.testing.Ids.R4;
import static dev.migrate.testing.Ids.R5;
import static dev.migrate.verify.VerifyFixture.apartFromLocks;
import static dev.migrate.verify.VerifyFixture.errors;
import static dev.migrate.verify.VerifyFixture.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** Correct histories pass, and verify leaves the configured database alone. */
class VerifyPassesTest {

    static final Path SAMPLE = Path.of("..", "sample", "src", "main", "migrations");

    @TempDir
    Path dir;

    @TempDir
    Path reports;

    @OnBothDatabases
    void sampleProjectPassesWithoutTouchingTheConfiguredDatabase(BothDatabases.Lazy lazy) throws IOException {
        TestDatabase db = lazy.get();
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }

        VerifyResult result = verify(db, dir);

        assertThat(apartFromLocks(result)).isEmpty();
        assertThat(result.rows()).hasSize(9).extracting(VerifyResult.Row::result)
                .allMatch(outcome -> outcome.equals("ok") || outcome.equals("warning"));
        assertThat(db.tables()).isEmpty();
    }

    @OnBothDatabases
    void historyWithBranchesAndAMergePasses(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_users", "base", "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100));",
                "DROP TABLE users;");
        files.addWithHeader(R2 + "_create_orders", "-- parents: " + R1 + "\n-- branch: orders",
                "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT REFERENCES users (id));\n"
                        + "CREATE INDEX ix_orders_user ON orders (user_id);",
                "DROP INDEX ix_orders_user;\nDROP TABLE orders;");
        files.addWithHeader(R3 + "_user_names", "-- parents: " + R1 + "\n-- branch: names",
                "ALTER TABLE users ADD COLUMN name VARCHAR(100) DEFAULT 'anonymous' NOT NULL;\n"
                        + "CREATE SEQUENCE user_numbers START WITH 100 INCREMENT BY 5;",
                "DROP SEQUENCE user_numbers;\nALTER TABLE users DROP COLUMN name;");
        files.add(R4 + "_merge", R2 + ", " + R3, "", "");
        files.add(R5 + "_orders_view", R4,
                "CREATE VIEW user_orders AS SELECT u.name, o.id FROM users u JOIN orders o ON o.user_id = u.id;",
                "DROP VIEW user_orders;");

        VerifyResult result = verify(db, dir, VerifyOptions.defaults().withReportDirectory(reports));

        assertThat(errors(result)).isEmpty();
        assertThat(apartFromLocks(result)).isEmpty();
        assertThat(result.rows()).extracting(VerifyResult.Row::name).containsExactly("20260101000000_create_users",
                "20260102000000_create_orders", "20260103000000_user_names", "20260104000000_merge",
                "20260105000000_orders_view", "full cycle");
        assertThat(result.report()).isEqualTo(reports.resolve("TEST-migrate-verify.xml"));
    }

    @OnBothDatabases
    void historyInItsOwnSchemaPasses(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_users", "base", "CREATE TABLE users (id INT PRIMARY KEY);", "DROP TABLE users;");
        files.add(R2 + "_index_users", R1, "CREATE UNIQUE INDEX ux_users ON users (id);", "DROP INDEX ux_users;");

        VerifyResult result = new Migrator(new MigrateConfig(db.url(), null, null, "app", dir, "schema_history"),
                new RecordingListener()).verify(VerifyOptions.defaults());

        assertThat(apartFromLocks(result)).isEmpty();
    }

    @OnBothDatabases
    void junitReportHasATestCasePerRevisionPerCheck(BothDatabases.Lazy lazy) throws IOException {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_users", "base", "CREATE TABLE users (id INT PRIMARY KEY);", "DROP TABLE users;");
        files.add(R2 + "_index_users", R1, "CREATE INDEX ix_users ON users (id);", "SELECT 1;");

        VerifyResult result = verify(db, dir, VerifyOptions.defaults().withReportDirectory(reports.resolve("nested")));

        String xml = Files.readString(result.report());
        assertThat(xml).startsWith("<?xml").contains("<testsuite name=\"migrate-verify\" tests=\"9\" failures=\"2\"")
                .contains("<testcase classname=\"migrate.verify.20260101000000_create_users\" name=\"upgrade runs\"")
                .contains("classname=\"migrate.verify.20260102000000_index_users\" name=\"downgrade restores the schema\"")
                .contains("<failure message=\"downgrade of 20260102000000_index_users leaves index ix_users on table users\"")
                .contains("classname=\"migrate.verify.full_cycle\" name=\"downgrade to base empties the schema\"")
                .contains("classname=\"migrate.verify.graph\" name=\"the revisions have the expected number of heads\"");
    }
}
