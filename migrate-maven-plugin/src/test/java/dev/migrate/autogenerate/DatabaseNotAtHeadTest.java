package dev.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateConfig;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.testing.RevisionFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autogenerate compares the head of the revisions with a desired database only when that database
 * is at head: otherwise the revision written would undo the revisions it has not run yet.
 */
class DatabaseNotAtHeadTest {

    @TempDir
    Path work;

    private Migrator twoRevisions(String url) {
        RevisionFiles files = RevisionFiles.in(work.resolve("migrations"));
        files.add("20260101000000_users", "base", "CREATE TABLE users (id INT PRIMARY KEY);", "DROP TABLE users;");
        files.add("20260102000000_orders", "20260101000000", "CREATE TABLE orders (id INT PRIMARY KEY);",
                "DROP TABLE orders;");
        return new Migrator(new MigrateConfig(url, null, null, null, work.resolve("migrations"), null),
                MigrationListener.SILENT);
    }

    @Test
    void refusesTheProjectsDatabaseWhileARevisionIsPendingAndNamesIt() throws Exception {
        String url = "jdbc:h2:mem:" + "behind_" + java.util.UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        Migrator migrator = twoRevisions(url);
        migrator.upgrade("20260101000000");

        assertThatThrownBy(() -> migrator.autogenerate(new AutogenerateOptions(url, "from the database")))
                .isInstanceOf(DatabaseNotAtHeadException.class)
                .hasMessageContaining("is not up to date")
                .hasMessageContaining("20260102000000")
                .hasMessageNotContaining("20260101000000_users")
                .hasMessageContaining("mvn migrate:upgrade");
        try (Stream<Path> written = Files.list(work.resolve("migrations"))) {
            assertThat(written).hasSize(2);
        }
    }

    @Test
    void refusesTheProjectsDatabaseThatHasNoHistoryYet() {
        String url = "jdbc:h2:mem:" + "never_" + java.util.UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        Migrator migrator = twoRevisions(url);

        assertThatThrownBy(() -> migrator.autogenerate(new AutogenerateOptions(url, "from the database")))
                .isInstanceOf(DatabaseNotAtHeadException.class)
                .hasMessageContaining("2 revisions are not applied");
    }

    @Test
    void comparesWithTheDatabaseOnceItIsAtHead() throws Exception {
        String url = "jdbc:h2:mem:" + "athead_" + java.util.UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        Migrator migrator = twoRevisions(url);
        migrator.upgrade("head");

        AutogenerateResult result = migrator.autogenerate(new AutogenerateOptions(url, "from the database"));

        assertThat(result.noDifference()).isTrue();
    }
}
