package dev.migrate;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static dev.migrate.testing.Configs.config;
import dev.migrate.history.EditedRevisionsException;
import dev.migrate.history.PendingRevisionsException;
import dev.migrate.history.Status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.graph.UnknownAppliedRevisionException;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Applied revisions are held against their files before anything moves. */
class HistoryChecksTest {


    @TempDir
    Path dir;

    final RecordingListener listener = new RecordingListener();

    Migrator migrator(TestDatabase db) {
        return new Migrator(config(db.url(), dir), listener);
    }

    RevisionFiles twoTables() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b;");
        return files;
    }

    @OnBothDatabases
    void editedUpgradeOfAnAppliedRevisionStopsTheRunAndNamesBothWaysOut(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = twoTables();
        migrator(db).upgrade("head");
        Path edited = files.add(R1 + "_create_a", "base", "CREATE TABLE a (id BIGINT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R3 + "_create_c", R2, "CREATE TABLE c (id INT);", "DROP TABLE c;");

        assertThatThrownBy(() -> migrator(db).upgrade("head"))
                .isInstanceOf(EditedRevisionsException.class)
                .hasMessageContaining(R1 + " (create a): " + edited)
                .hasMessageContaining("revert the edit")
                .hasMessageContaining("migrate:repair");
        assertThat(db.tables()).doesNotContain("c");
        assertThatThrownBy(() -> migrator(db).validate(false)).isInstanceOf(EditedRevisionsException.class);

        assertThat(migrator(db).repair()).extracting(r -> r.id()).containsExactly(R1);
        migrator(db).upgrade("head");
        assertThat(db.tables()).contains("c");
    }

    @OnBothDatabases
    void editedUpgradeOfTheLatestRevisionDoesNotBlockItsOwnDowngrade(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = twoTables();
        migrator(db).upgrade("head");
        // the users' loop: edit the upgrade of the latest revision, downgrade it, upgrade again
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT PRIMARY KEY, note VARCHAR(20));", "DROP TABLE b;");

        migrator(db).downgrade("-1");

        assertThat(db.tables()).containsExactly("a", "migrate_history");
        assertThat(listener.events()).anySatisfy(event -> assertThat(event)
                .startsWith("warn the upgrade section of applied revision " + R2).contains("downgrading it anyway"));
        migrator(db).upgrade("head");
        assertThat(db.column("SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) = 'b'"
                + " AND LOWER(column_name) = 'note'")).containsExactly("1");
    }

    @OnBothDatabases
    void editedUpgradeStillBlocksADowngradeWhoseDowngradeSectionWasEditedToo(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = twoTables();
        migrator(db).upgrade("head");
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT PRIMARY KEY, note VARCHAR(20));",
                "DROP TABLE b; DROP TABLE a;");

        assertThatThrownBy(() -> migrator(db).downgrade("-1")).isInstanceOf(EditedRevisionsException.class);
        assertThat(db.tables()).contains("a", "b");
    }

    @OnBothDatabases
    void editedUpgradeOfAnEarlierRevisionStillBlocksADowngradeThatKeepsIt(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = twoTables();
        migrator(db).upgrade("head");
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id BIGINT PRIMARY KEY);", "DROP TABLE a;");

        assertThatThrownBy(() -> migrator(db).downgrade("-1")).isInstanceOf(EditedRevisionsException.class)
                .hasMessageContaining(R1);
        assertThat(db.tables()).contains("a", "b");
    }

    @OnBothDatabases
    void editedDowngradeOnlyWarnsAndIsRecordedAgain(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = twoTables();
        migrator(db).upgrade("head");
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE IF EXISTS b;");
        files.add(R3 + "_create_c", R2, "CREATE TABLE c (id INT);", "DROP TABLE c;");

        migrator(db).upgrade("head");

        assertThat(listener.events()).anySatisfy(event -> assertThat(event)
                .startsWith("warn the downgrade section of applied revision " + R2).contains("re-recording"));
        listener.events().clear();
        migrator(db).upgrade("head");
        assertThat(listener.events()).noneMatch(event -> event.startsWith("warn"));
    }

    @OnBothDatabases
    void lineEndingsAndTrailingBlanksAreNotEdits(BothDatabases.Lazy lazy) throws Exception {
        TestDatabase db = lazy.get();
        Path file = twoTables().folder().resolve(R1 + "_create_a.sql");
        migrator(db).upgrade("head");
        String windows = "\uFEFF" + Files.readString(file).replace("\n", "   \r\n");
        Files.writeString(file, windows);

        Status status = migrator(db).validate(true);

        assertThat(status.pending()).isEmpty();
        assertThat(listener.events()).noneMatch(event -> event.startsWith("warn"));
    }

    @OnBothDatabases
    void appliedRevisionWithoutAFileStopsTheRun(BothDatabases.Lazy lazy) throws Exception {
        TestDatabase db = lazy.get();
        twoTables();
        migrator(db).upgrade("head");
        Files.delete(dir.resolve(R2 + "_create_b.sql"));

        assertThatThrownBy(() -> migrator(db).upgrade("head"))
                .isInstanceOf(UnknownAppliedRevisionException.class)
                .hasMessageContaining(R2)
                .hasMessageContaining("Restore the missing file");
        assertThatThrownBy(() -> migrator(db).downgrade("base")).isInstanceOf(UnknownAppliedRevisionException.class);
        assertThat(db.tables()).contains("a", "b");
    }

    @OnBothDatabases
    void validateFailsOnPendingRevisionsOnlyWhenAsked(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        twoTables();
        migrator(db).upgrade(R1);

        assertThat(migrator(db).validate(false).pending()).extracting(r -> r.id()).containsExactly(R2);
        assertThatThrownBy(() -> migrator(db).validate(true))
                .isInstanceOf(PendingRevisionsException.class)
                .hasMessageContaining("1 revision is not applied yet: " + R2 + " (create b)");
        assertThat(db.column("SELECT COUNT(*) FROM migrate_history")).containsExactly("1");
    }
}
