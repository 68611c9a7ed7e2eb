package dev.migrate.database.mysql;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.common.Finding;
import dev.migrate.common.Severity;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision that runs {@code USE} another database: its history row, and every later one, still
 * goes to the migrated database, and the next revision starts there again.
 */
class MariaDbUseOtherDatabaseTest {

    @TempDir
    Path dir;

    TestDatabase db;
    TestDatabase other;

    @BeforeEach
    void createDatabases() {
        db = TestDatabase.create(TestDatabase.Kind.MARIADB);
        other = TestDatabase.create(TestDatabase.Kind.MARIADB);
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_audit_elsewhere", R1, "USE " + other.name() + ";\nCREATE TABLE audit (id INT PRIMARY KEY);",
                "USE " + other.name() + ";\nDROP TABLE audit;");
        files.add(R3 + "_create_b", R2, "CREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b;");
    }

    @AfterEach
    void dropDatabases() {
        db.close();
        other.close();
    }

    Migrator migrator() {
        return new Migrator(new MigrateConfig(db.url(), null, null, null, dir, null), new RecordingListener());
    }

    @Test
    void upgradeRecordsEveryRevisionInTheMigratedDatabaseAndComesBackAfterTheUse() {
        migrator().upgrade("head");

        assertThat(db.column("SELECT revision FROM migrate_history ORDER BY revision")).containsExactly(R1, R2, R3);
        assertThat(db.tables()).containsExactly("a", "b", "migrate_history");
        assertThat(other.tables()).containsExactly("audit");
    }

    @Test
    void downgradeRemovesTheRowsFromTheMigratedDatabase() {
        migrator().upgrade("head");

        migrator().downgrade(R1);

        assertThat(db.column("SELECT revision FROM migrate_history ORDER BY revision")).containsExactly(R1);
        assertThat(db.tables()).containsExactly("a", "migrate_history");
        assertThat(other.tables()).isEmpty();
    }

    @Test
    void verifyKeepsItsHistoryInTheScratchDatabase() {
        VerifyResult result = migrator().verify(VerifyOptions.defaults());

        assertThat(result.findings()).filteredOn(f -> f.severity() == Severity.ERROR).extracting(Finding::message)
                .isEmpty();
        assertThat(other.tables()).doesNotContain("migrate_history");
    }
}
