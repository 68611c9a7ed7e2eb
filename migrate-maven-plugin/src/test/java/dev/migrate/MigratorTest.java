package dev.migrate;

import dev.migrate.testing.Configs;
import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static dev.migrate.testing.Ids.R4;
import static dev.migrate.testing.Ids.R5;
import dev.migrate.common.MigrateException;
import dev.migrate.report.Reports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.InvalidIdentifierException;
import dev.migrate.run.StatementFailedException;
import dev.migrate.run.TransactionControlException;
import dev.migrate.graph.IrreversibleRevisionException;
import dev.migrate.graph.MultipleHeadsException;
import dev.migrate.revision.InvalidRevisionsException;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {


    @TempDir
    Path dir;

    final RecordingListener listener = new RecordingListener();

    Migrator migrator(TestDatabase db) {
        return migrator(db, null, null);
    }

    Migrator migrator(TestDatabase db, String schema, String table) {
        return new Migrator(new MigrateConfig(db.url(), null, null, schema, dir, table), listener);
    }

    RevisionFiles threeTables() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT PRIMARY KEY);\nINSERT INTO b VALUES (1);", "DROP TABLE b;");
        files.add(R3 + "_create_c", R2, "CREATE TABLE c (id INT PRIMARY KEY);", "DROP TABLE c;");
        return files;
    }

    List<String> historyIds(TestDatabase db) {
        return db.column("SELECT revision FROM migrate_history ORDER BY revision");
    }

    @OnBothDatabases
    void upgradeToHeadRunsEveryRevisionAndRecordsEach(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        threeTables();

        Outcome outcome = migrator(db).upgrade("head");

        assertThat(db.tables()).containsExactly("a", "b", "c", "migrate_history");
        assertThat(db.column("SELECT COUNT(*) FROM b")).containsExactly("1");
        assertThat(historyIds(db)).containsExactly(R1, R2, R3);
        assertThat(db.column("SELECT parents FROM migrate_history WHERE revision = '" + R2 + "'")).containsExactly(R1);
        assertThat(db.column("SELECT message FROM migrate_history WHERE revision = '" + R3 + "'")).containsExactly("create c");
        assertThat(db.column("SELECT upgrade_checksum FROM migrate_history")).allSatisfy(sum -> assertThat(sum).hasSize(64));
        assertThat(db.column("SELECT applied_by FROM migrate_history")).allSatisfy(by -> assertThat(by).isNotBlank());
        assertThat(listener.events()).containsExactly("up " + R1, "up " + R2, "up " + R3);
        assertThat(outcome.after().current()).extracting(r -> r.id()).containsExactly(R3);
    }

    @OnBothDatabases
    void secondUpgradeFindsNothingToDo(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        threeTables();
        migrator(db).upgrade("head");

        Outcome again = migrator(db).upgrade("head");

        assertThat(again.plan().steps()).isEmpty();
        assertThat(Reports.summary("upgrade", again)).isEqualTo("Nothing to upgrade: the database is at " + R3 + " (head)");
    }

    @OnBothDatabases
    void downgradeMovesOneStepToAnIdAndToBase(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        threeTables();
        migrator(db).upgrade("head");

        migrator(db).downgrade("-1");
        assertThat(db.tables()).containsExactly("a", "b", "migrate_history");
        assertThat(historyIds(db)).containsExactly(R1, R2);

        migrator(db).upgrade("head");
        migrator(db).downgrade(R1.substring(0, 8) + "0");
        assertThat(db.tables()).containsExactly("a", "migrate_history");
        assertThat(historyIds(db)).containsExactly(R1);

        migrator(db).downgrade("base");
        assertThat(db.tables()).containsExactly("migrate_history");
        assertThat(historyIds(db)).isEmpty();
        assertThat(listener.events()).endsWith("down " + R1);
    }

    @OnBothDatabases
    void upgradeToAnIdStopsThere(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        threeTables();

        migrator(db).upgrade(R2);

        assertThat(historyIds(db)).containsExactly(R1, R2);
        assertThat(migrator(db).status().pending()).extracting(r -> r.id()).containsExactly(R3);
    }

    @OnBothDatabases
    void failedStatementInThirdOfFiveKeepsTheFirstTwoAndRunsNoMore(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = threeTables();
        Path third = files.add(R3 + "_create_c", R2,
                "CREATE TABLE c (id INT PRIMARY KEY);\nINSERT INTO c VALUES (1);\nINSERT INTO no_such_table VALUES (1);",
                "DROP TABLE c;");
        files.add(R4 + "_create_d", R3, "CREATE TABLE d (id INT);", "DROP TABLE d;");
        files.add(R5 + "_create_e", R4, "CREATE TABLE e (id INT);", "DROP TABLE e;");

        assertThatThrownBy(() -> migrator(db).upgrade("head"))
                .isInstanceOf(StatementFailedException.class)
                .hasMessageContaining("revision " + R3 + " (create c) failed")
                .hasMessageContaining(third + ":7")
                .hasMessageContaining("statement 3 of 3")
                .hasMessageContaining("SQL state 42")
                .hasMessageContaining(db.isPostgres() ? "rolled back" : "commits DDL statements on its own");

        // H2 ran the revision statement by statement (it holds DDL): it stays recorded as failed
        assertThat(historyIds(db)).isEqualTo(db.isPostgres() ? List.of(R1, R2) : List.of(R1, R2, R3));
        assertThat(db.tables()).doesNotContain("d", "e");
        if (db.isPostgres()) {
            assertThat(db.tables()).containsExactly("a", "b", "migrate_history");
        }
    }

    @OnBothDatabases
    void transactionControlInATransactionalRevisionIsRefusedBeforeAnythingRuns(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = threeTables();
        Path second = files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT);\nCOMMIT;", "DROP TABLE b;");

        assertThatThrownBy(() -> migrator(db).upgrade("head"))
                .isInstanceOf(TransactionControlException.class)
                .hasMessageContaining(second + ":6")
                .hasMessageContaining("transactional: false");

        assertThat(db.tables()).isEmpty();
    }

    @OnBothDatabases
    void nonTransactionalRevisionRunsStatementByStatement(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT, name VARCHAR(20));", "DROP TABLE a;");
        String index = db.isPostgres() ? "CREATE INDEX CONCURRENTLY ix_a_name ON a (name);" : "CREATE INDEX ix_a_name ON a (name);";
        files.addWithHeader(R2 + "_index_a", "-- parents: " + R1 + "\n-- transactional: false", index, "DROP INDEX ix_a_name;");

        migrator(db).upgrade("head");

        assertThat(listener.events()).containsExactly("up " + R1, "up " + R2 + " non-transactional");
        assertThat(historyIds(db)).containsExactly(R1, R2);
    }

    @OnBothDatabases
    void stampRecordsWithoutRunningSql(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        threeTables();

        migrator(db).stamp("head");

        assertThat(db.tables()).containsExactly("migrate_history");
        assertThat(historyIds(db)).containsExactly(R1, R2, R3);
        assertThat(db.column("SELECT state FROM migrate_history")).containsOnly("stamped");

        migrator(db).stamp(R1);
        assertThat(historyIds(db)).containsExactly(R1);
        migrator(db).stamp("base");
        assertThat(historyIds(db)).isEmpty();
    }

    @OnBothDatabases
    void historyTableAndSchemaAreConfigurable(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        threeTables();

        migrator(db, "app", "schema_versions").upgrade("head");

        assertThat(db.tables("app")).containsExactly("a", "b", "c", "schema_versions");
        assertThat(db.column("SELECT COUNT(*) FROM app.schema_versions")).containsExactly("3");
        assertThat(migrator(db, "app", "schema_versions").status().appliedIds()).containsExactly(R1, R2, R3);
    }

    @OnBothDatabases
    void severalHeadsAreRefusedForHeadButAcceptedForHeads(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = threeTables();
        files.add(R4 + "_branch_d", R1, "CREATE TABLE d (id INT);", "DROP TABLE d;");

        assertThatThrownBy(() -> migrator(db).upgrade("head"))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessageContaining(R3)
                .hasMessageContaining(R4);
        assertThat(db.tables()).as("refused while planning: nothing created").isEmpty();

        migrator(db).upgrade("heads");
        assertThat(historyIds(db)).containsExactly(R1, R2, R3, R4);
        assertThat(migrator(db).status().current()).extracting(r -> r.id()).containsExactly(R3, R4);
    }

    @OnBothDatabases
    void downgradeThroughAnIrreversibleRevisionStopsBeforeRunning(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = threeTables();
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT);", "");
        migrator(db).upgrade("head");

        assertThatThrownBy(() -> migrator(db).downgrade("base"))
                .isInstanceOf(IrreversibleRevisionException.class)
                .hasMessageContaining(R2);
        assertThat(historyIds(db)).containsExactly(R1, R2, R3);
        assertThat(db.tables()).contains("c");
    }

    @Test
    void brokenFilesAreReportedBeforeAnyConnection() {
        RevisionFiles files = threeTables();
        files.write("2026_bad_name.sql", "-- parents: base\n-- upgrade\n-- downgrade\n");
        files.add(R4 + "_orphan", "20990101000000", "SELECT 1;", "SELECT 1;");
        Migrator unreachable = new Migrator(Configs.config("jdbc:postgresql://127.0.0.1:1/none", dir), listener);

        assertThatThrownBy(() -> unreachable.upgrade("head"))
                .isInstanceOf(InvalidRevisionsException.class)
                .hasMessageContaining("2026_bad_name.sql")
                .hasMessageContaining("20990101000000");
    }

    @Test
    void unreachableDatabaseIsAnEnvironmentErrorWithoutThePassword() {
        threeTables();
        Migrator unreachable = new Migrator(new MigrateConfig("jdbc:postgresql://127.0.0.1:1/none?password=hunter2",
                "someone", "s3cret", null, dir, null), listener);

        assertThatThrownBy(() -> unreachable.upgrade("head"))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("cannot connect")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("s3cret")
                .satisfies(e -> assertThat(((MigrateException) e).isUserError()).isFalse());
    }

    @Test
    void historyTableNameMustBeAPlainIdentifier() {
        assertThatThrownBy(() -> new Migrator(new MigrateConfig("jdbc:h2:mem:x", null, null, null, dir,
                "history; DROP TABLE users"), listener))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("not a plain SQL identifier");
    }
}
