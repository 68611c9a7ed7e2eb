package dev.migrate;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static dev.migrate.testing.Configs.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.history.EditedExecutedStatementsException;
import dev.migrate.report.Reports;
import dev.migrate.run.StatementFailedException;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming a non-transactional revision continues from its failed statement, so the statements
 * that already ran must still be the ones in the file: an edit of those is refused, an edit of the
 * others (the fix) is accepted.
 */
class ResumeSafetyTest {

    static final String HEADER = "-- parents: " + R1 + "\n-- message: fill a\n-- transactional: false";

    @TempDir
    Path dir;

    final RecordingListener listener = new RecordingListener();

    Migrator migrator(TestDatabase db) {
        return new Migrator(config(db.url(), dir), listener);
    }

    /** Revision 2 runs outside a transaction; statements 1 and 2 run, statement 3 (line 8) fails. */
    RevisionFiles failedAtStatement3(TestDatabase db) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.addWithHeader(R2 + "_fill_a", HEADER, "INSERT INTO a VALUES (1);\nINSERT INTO a VALUES (2);\n"
                + "INSERT INTO missing VALUES (3);", "DELETE FROM a;");
        files.add(R3 + "_create_c", R2, "CREATE TABLE c (id INT);", "DROP TABLE c;");
        assertThatThrownBy(() -> migrator(db).upgrade("head")).isInstanceOf(StatementFailedException.class);
        return files;
    }

    @OnBothDatabases
    void resumeRefusesAnEditOfAStatementThatAlreadyRan(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = failedAtStatement3(db);
        files.addWithHeader(R2 + "_fill_a", HEADER, "INSERT INTO a VALUES (10);\nINSERT INTO a VALUES (2);\n"
                + "INSERT INTO a VALUES (3);", "DELETE FROM a;");

        assertThatThrownBy(() -> migrator(db).upgrade("head", true))
                .isInstanceOf(EditedExecutedStatementsException.class)
                .hasMessageContaining("cannot resume " + R2 + " (fill a)")
                .hasMessageContaining("statement 1 (" + R2 + "_fill_a.sql:6) ran before the revision stopped")
                .hasMessageNotContaining("statement 2 (")
                .hasMessageContaining("migrate:stamp");

        // nothing ran, and the row still says where the revision stopped, with the old checksum
        assertThat(db.column("SELECT id FROM a ORDER BY id")).containsExactly("1", "2");
        assertThat(db.column("SELECT state || ' ' || statements_done FROM migrate_history WHERE revision = '" + R2
                + "'")).containsExactly("failed 2");
        assertThat(db.tables()).doesNotContain("c");
    }

    @OnBothDatabases
    void resumeRefusesWhenStatementsThatRanWereRemoved(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = failedAtStatement3(db);
        files.addWithHeader(R2 + "_fill_a", HEADER, "INSERT INTO a VALUES (3);", "DELETE FROM a;");

        assertThatThrownBy(() -> migrator(db).upgrade("head", true))
                .isInstanceOf(EditedExecutedStatementsException.class)
                .hasMessageContaining("now has 1 statement(s) in that section, but 2 had already run");
    }

    @OnBothDatabases
    void resumeAcceptsAFixOfTheFailedStatementAndTheOnesAfterIt(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = failedAtStatement3(db);
        // trailing blanks on a statement that ran are no edit
        files.addWithHeader(R2 + "_fill_a", HEADER, "INSERT INTO a VALUES (1);   \nINSERT INTO a VALUES (2);\n"
                + "INSERT INTO a VALUES (3);\nINSERT INTO a VALUES (4);", "DELETE FROM a;");

        Outcome outcome = migrator(db).upgrade("head", true);

        assertThat(db.column("SELECT id FROM a ORDER BY id")).containsExactly("1", "2", "3", "4");
        assertThat(db.column("SELECT revision || ' ' || state FROM migrate_history ORDER BY revision"))
                .containsExactly(R1 + " applied", R2 + " applied", R3 + " applied");
        // the database now matches the file it recorded
        assertThat(migrator(db).validate(true).pending()).isEmpty();
        // the resumed revision counts as run
        assertThat(outcome.plan().steps()).extracting(r -> r.id()).containsExactly(R2, R3);
        assertThat(Reports.summary("upgrade", outcome)).startsWith("Upgraded 2 revisions in ");
    }

    @OnBothDatabases
    void aResumedLastRevisionIsReportedAsUpgradedNotAsNothingToDo(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = failedAtStatement3(db);
        files.addWithHeader(R2 + "_fill_a", HEADER, "INSERT INTO a VALUES (1);\nINSERT INTO a VALUES (2);\n"
                + "INSERT INTO a VALUES (3);", "DELETE FROM a;");

        Outcome outcome = migrator(db).upgrade(R2, true);

        assertThat(Reports.summary("upgrade", outcome)).startsWith("Upgraded 1 revision in ");
        assertThat(Reports.summary("upgrade", migrator(db).upgrade(R2))).startsWith("Nothing to upgrade");
    }

    @OnBothDatabases
    void aHistoryTableOfAnOlderReleaseGetsTheNewColumnOnTheFirstRunThatWrites(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        migrator(db).upgrade("head");
        db.execute("ALTER TABLE migrate_history DROP COLUMN done_checksums");
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT);", "DROP TABLE b;");

        // reading leaves the old table as it is
        assertThat(migrator(db).status().pending()).hasSize(1);
        assertThat(columns(db)).doesNotContain("done_checksums");

        migrator(db).upgrade("head");

        assertThat(columns(db)).contains("done_checksums");
        assertThat(db.column("SELECT revision FROM migrate_history ORDER BY revision")).containsExactly(R1, R2);
    }

    private static java.util.List<String> columns(TestDatabase db) {
        return db.column("SELECT LOWER(column_name) FROM information_schema.columns"
                + " WHERE LOWER(table_name) = 'migrate_history'");
    }
}
