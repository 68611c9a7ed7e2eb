package dev.migrate.database.mysql;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.Outcome;
import dev.migrate.run.StatementFailedException;
import dev.migrate.testing.FreshMariaDb;
import dev.migrate.testing.MariaDbServer;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** upgrade, downgrade, stamp and history on a real MariaDB server, where each DDL statement commits on its own. */
class MariaDbMigrateTest {


    @TempDir
    Path dir;

    @FreshMariaDb.Each
    TestDatabase db;
    final RecordingListener listener = new RecordingListener();

    Migrator migrator(String url, String schema) {
        return new Migrator(new MigrateConfig(url, null, null, schema, dir, null), listener);
    }

    Migrator migrator() {
        return migrator(db.url(), null);
    }

    void threeRevisions() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL);",
                "DROP TABLE a;");
        files.add(R2 + "_fill_a", R1, "INSERT INTO a VALUES (1, 'it''s'), (2, 'back\\\\slash');",
                "DELETE FROM a;");
        files.add(R3 + "_create_b", R2, "CREATE TABLE b (id INT PRIMARY KEY, a_id INT NOT NULL,"
                + " CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id));\nCREATE INDEX ix_b_a ON b (a_id);",
                "DROP TABLE b;");
    }

    List<String> historyIds() {
        return db.column("SELECT revision FROM migrate_history ORDER BY revision");
    }

    @Test
    void upgradeToHeadRunsEveryRevisionAndRecordsEachInTheDatabase() {
        threeRevisions();

        Outcome outcome = migrator().upgrade("head");

        assertThat(db.tables()).containsExactly("a", "b", "migrate_history");
        assertThat(db.column("SELECT name FROM a ORDER BY id")).containsExactly("it's", "back\\slash");
        assertThat(historyIds()).containsExactly(R1, R2, R3);
        assertThat(db.column("SELECT state FROM migrate_history")).containsOnly("applied");
        assertThat(db.column("SELECT engine FROM information_schema.tables WHERE table_schema = '" + db.name()
                + "' AND table_name = 'migrate_history'")).containsExactly("InnoDB");
        assertThat(outcome.after().current()).extracting(r -> r.id()).containsExactly(R3);
        assertThat(listener.events()).contains("up " + R1, "up " + R2, "up " + R3)
                .noneMatch(e -> e.contains("No migration lock"));
    }

    @Test
    void downgradeToBaseUndoesEveryRevisionAndEmptiesTheHistory() {
        threeRevisions();
        migrator().upgrade("head");

        migrator().downgrade(R1);
        assertThat(db.tables()).containsExactly("a", "migrate_history");
        assertThat(db.column("SELECT COUNT(*) FROM a")).containsExactly("0");
        assertThat(historyIds()).containsExactly(R1);

        migrator().downgrade("base");
        assertThat(db.tables()).containsExactly("migrate_history");
        assertThat(historyIds()).isEmpty();
    }

    @Test
    void stampRecordsWithoutRunningAndStatusReadsTheHistory() {
        threeRevisions();

        migrator().stamp(R2);

        assertThat(db.tables()).containsExactly("migrate_history");
        assertThat(db.column("SELECT state FROM migrate_history ORDER BY revision")).containsExactly("stamped", "stamped");
        assertThat(migrator().status().current()).extracting(r -> r.id()).containsExactly(R2);
        assertThat(migrator().status().pending()).extracting(r -> r.id()).containsExactly(R3);
    }

    @Test
    void mysqlSchemeUrlIsServedByTheShippedDriver() {
        threeRevisions();

        migrator(db.url().replace("jdbc:mariadb:", "jdbc:mysql:"), null).upgrade("head");

        assertThat(historyIds()).containsExactly(R1, R2, R3);
    }

    @Test
    void schemaNamesTheDatabaseToMigrateAndIsCreatedWhenMissing() {
        String tenant = db.name() + "_t";
        threeRevisions();
        try {
            migrator(MariaDbServer.adminUrl(), tenant).upgrade("head");

            assertThat(db.tables(tenant)).containsExactly("a", "b", "migrate_history");
            assertThat(db.tables()).isEmpty();
            assertThat(migrator(MariaDbServer.adminUrl(), tenant).status().current()).extracting(r -> r.id())
                    .containsExactly(R3);
        } finally {
            MariaDbServer.execute("DROP DATABASE IF EXISTS " + tenant);
        }
    }

    @Test
    void userWithRightsOnOneDatabaseOnlyUpgradesAndDowngradesIt() {
        String user = "migrate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        MariaDbServer.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'secret'");
        MariaDbServer.execute("CREATE USER '" + user + "'@'localhost' IDENTIFIED BY 'secret'");
        MariaDbServer.execute("CREATE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY 'secret'");
        try {
            for (String host : List.of("%", "localhost", "127.0.0.1")) {
                MariaDbServer.execute("GRANT ALL ON " + db.name() + ".* TO '" + user + "'@'" + host + "'");
            }
            threeRevisions();
            String url = "jdbc:mariadb://127.0.0.1:3306/" + db.name();
            Migrator limited = new Migrator(new MigrateConfig(url, user, "secret", db.name(), dir, null), listener);

            limited.upgrade("head");
            assertThat(db.tables()).containsExactly("a", "b", "migrate_history");
            limited.downgrade("base");
            assertThat(db.tables()).containsExactly("migrate_history");
        } finally {
            for (String host : List.of("%", "localhost", "127.0.0.1")) {
                MariaDbServer.execute("DROP USER IF EXISTS '" + user + "'@'" + host + "'");
            }
        }
    }

    @Test
    void failedDdlRevisionIsRecordedAsFailedAndTheMessageSaysWhatStayedApplied() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_half", R1, "CREATE TABLE b (id INT PRIMARY KEY);\nCREATE TABLE a (id INT);", "DROP TABLE b;");

        assertThatThrownBy(() -> migrator().upgrade("head"))
                .isInstanceOf(StatementFailedException.class)
                .hasMessageContaining(R2 + "_half.sql:6")
                .hasMessageContaining("commits DDL statements on its own")
                .hasMessageContaining("-Dmigrate.resume=true");

        // what no peer hides: the first statement stayed, because MariaDB cannot roll DDL back, and the
        // journal says so, so that a resume does not run it twice
        assertThat(db.tables()).containsExactly("a", "b", "migrate_history");
        assertThat(db.column("SELECT CONCAT(revision, ' ', state, ' ', statements_done) FROM migrate_history"
                + " ORDER BY revision")).containsExactly(R1 + " applied 1", R2 + " failed 1");
    }

    @Test
    void dataOnlyRevisionFailingHalfwayLeavesNoRowBehind() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_fill", R1, "INSERT INTO a VALUES (1);\nINSERT INTO a VALUES (1);", "DELETE FROM a;");

        assertThatThrownBy(() -> migrator().upgrade("head")).isInstanceOf(StatementFailedException.class);

        assertThat(db.column("SELECT COUNT(*) FROM a")).containsExactly("0");
        assertThat(historyIds()).containsExactly(R1);
    }
}
