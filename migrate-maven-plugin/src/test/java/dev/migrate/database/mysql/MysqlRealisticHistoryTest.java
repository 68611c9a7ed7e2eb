package dev.migrate.database.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.common.Finding;
import dev.migrate.graph.IrreversibleRevisionException;
import dev.migrate.testing.FreshMariaDb;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.TestDatabase;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MySQL twin of the project's realistic history ({@code histories/mysql-realistic}): an
 * {@code AUTO_INCREMENT} key, an expression default, a prefix index, a trigger and routines written
 * between {@code DELIMITER} lines, an enum value added (irreversible), an online index, a view, a
 * branch and merge, depends-on, {@code #} and executable comments, a column type change and data.
 */
class MysqlRealisticHistoryTest {

    @TempDir
    Path dir;

    @FreshMariaDb.Each
    TestDatabase db;

    @AfterEach
    void readChangedSnapshotsAgain() {
        MysqlSnapshotSeries.readEverything = false;
    }

    Migrator migrator(Path folder) {
        return new Migrator(new MigrateConfig(db.url(), null, null, null, folder, null), new RecordingListener());
    }

    static Path realistic() throws URISyntaxException {
        return Path.of(MysqlRealisticHistoryTest.class.getResource("/histories/mysql-realistic").toURI());
    }

    private List<String> messages(Path folder, boolean everything) {
        MysqlSnapshotSeries.readEverything = everything;
        try {
            // the server's connection ids differ from run to run
            return migrator(folder).verify(VerifyOptions.defaults()).findings().stream()
                    .map(finding -> finding.message().replaceAll("\\(conn=\\d+\\) ", "")).toList();
        } finally {
            MysqlSnapshotSeries.readEverything = false;
        }
    }

    @Test
    void verifyPassesAndFindsWithChangedSnapshotsWhatFullReadsFind() throws Exception {
        VerifyResult result = migrator(realistic()).verify(VerifyOptions.defaults());
        assertThat(result.findings()).filteredOn(Finding::isError).isEmpty();

        assertThat(messages(realistic(), false)).containsExactlyElementsOf(messages(realistic(), true));
    }

    @Test
    void downgradesThatDoNotUndoTheirUpgradesAreFoundAsWithFullReads() throws Exception {
        // the same history with three downgrades broken: a view left behind, a column type not restored,
        // a routine not dropped
        for (Path file : Files.list(realistic()).sorted().toList()) {
            String text = Files.readString(file)
                    .replace("DROP VIEW recent_posts;\n", "")
                    .replace("MODIFY COLUMN email VARCHAR(255)", "MODIFY COLUMN email VARCHAR(300)")
                    .replace("DROP PROCEDURE count_posts;\n", "");
            Files.writeString(dir.resolve(file.getFileName().toString()), text);
        }

        List<String> incremental = messages(dir, false);
        List<String> full = messages(dir, true);

        assertThat(full).anyMatch(message -> message.contains("recent_posts"))
                .anyMatch(message -> message.contains("email"))
                .anyMatch(message -> message.contains("count_posts"));
        assertThat(incremental).containsExactlyElementsOf(full);
    }

    @Test
    void upgradesToHeadAndDowngradesUntilTheIrreversibleRevision() throws Exception {
        migrator(realistic()).upgrade("head");
        assertThat(db.column("SELECT COUNT(*) FROM migrate_history")).containsExactly("8");
        assertThat(db.column("SELECT COUNT(*) FROM users")).containsExactly("2");

        migrator(realistic()).downgrade("20240104000000");
        assertThat(db.tables()).containsExactly("migrate_history", "posts", "users");
        assertThatThrownBy(() -> migrator(realistic()).downgrade("base"))
                .isInstanceOf(IrreversibleRevisionException.class)
                .hasMessageContaining("20240103000000");
        assertThat(db.column("SELECT COUNT(*) FROM migrate_history")).containsExactly("4");
    }
}
