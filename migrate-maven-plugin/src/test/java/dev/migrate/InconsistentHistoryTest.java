package dev.migrate;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import dev.migrate.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.history.InconsistentHistoryException;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history table the plugin could not have written (a row deleted or changed by hand, a table
 * without the plugin's columns) stops validate and every goal that moves the database before
 * anything runs, naming the row and what to do.
 */
class InconsistentHistoryTest {


    @TempDir
    Path dir;

    Migrator migrator(TestDatabase db) {
        return new Migrator(Configs.config(db.url(), dir), new RecordingListener());
    }

    void threeRevisions(TestDatabase db) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        files.addWithHeader(R2 + "_fill_a", "-- parents: " + R1 + "\n-- message: fill a\n-- transactional: false",
                "INSERT INTO a VALUES (1);\nINSERT INTO a VALUES (2);", "DELETE FROM a;");
        files.add(R3 + "_create_c", R2, "CREATE TABLE c (id INT);", "DROP TABLE c;");
        migrator(db).upgrade(R2);
    }

    @OnBothDatabases
    void appliedRevisionWhoseParentsRowWasDeletedStopsValidateAndUpgrade(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        threeRevisions(db);
        db.execute("DELETE FROM migrate_history WHERE revision = '" + R1 + "'");

        assertThatThrownBy(() -> migrator(db).validate(false))
                .isInstanceOf(InconsistentHistoryException.class)
                .hasMessageContaining("revision " + R2 + " (fill a) is recorded as applied, but its parent " + R1
                        + " is not")
                .hasMessageContaining("migrate:stamp");
        assertThatThrownBy(() -> migrator(db).upgrade("head")).isInstanceOf(InconsistentHistoryException.class)
                .hasMessageContaining("nothing was run");
        assertThat(db.tables()).doesNotContain("c");
        assertThat(db.column("SELECT revision FROM migrate_history")).containsExactly(R2);
    }

    @OnBothDatabases
    void unknownStateIsNamedWithItsRow(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        threeRevisions(db);
        db.execute("UPDATE migrate_history SET state = 'halfway' WHERE revision = '" + R2 + "'");

        assertThatThrownBy(() -> migrator(db).validate(false))
                .isInstanceOf(InconsistentHistoryException.class)
                .hasMessageContaining("the row of revision " + R2)
                .hasMessageContaining("has state 'halfway', which this plugin never writes");
        assertThatThrownBy(() -> migrator(db).upgrade("head")).isInstanceOf(InconsistentHistoryException.class);
        assertThat(db.tables()).doesNotContain("c");
    }

    @OnBothDatabases
    void completedStatementCountBeyondTheFileStopsTheRun(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        threeRevisions(db);
        db.execute("UPDATE migrate_history SET state = 'running', statements_done = 9 WHERE revision = '" + R2 + "'");

        assertThatThrownBy(() -> migrator(db).upgrade("head"))
                .isInstanceOf(InconsistentHistoryException.class)
                .hasMessageContaining("the row of revision " + R2 + " (fill a) says statements_done = 9 (state running),"
                        + " but its section has 2 statement(s)");
        assertThat(db.column("SELECT id FROM a ORDER BY id")).containsExactly("1", "2");
    }

    @OnBothDatabases
    void historyTableWithoutTheStateColumnIsNamedAsSuch(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles.in(dir).add(R1 + "_create_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        db.execute("CREATE TABLE migrate_history (revision VARCHAR(14), parents VARCHAR(200))");

        assertThatThrownBy(() -> migrator(db).validate(false))
                .isInstanceOf(InconsistentHistoryException.class)
                .hasMessageContaining("has no column message, upgrade_checksum")
                .hasMessageContaining("state")
                .hasMessageNotContaining("check the user's rights");
        assertThatThrownBy(() -> migrator(db).upgrade("head")).isInstanceOf(InconsistentHistoryException.class);
        assertThat(db.tables()).doesNotContain("a");
    }
}
