package dev.migrate.verify;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.verify.VerifyFixture.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateConfig;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.testing.PostgresServer;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user with only LOGIN CREATEDB: verify follows its scratch database's history table by what each
 * phase wrote (no whole read per look), and a revision that writes that table itself is still named.
 */
class HistoryWritesWithoutSuperuserTest {

    @TempDir
    Path dir;

    @Test
    void historyRowRemovedByARevisionIsNamed() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_forget_a", R1, "DELETE FROM migrate_history WHERE revision = '" + R1 + "';", "SELECT 1;");

        assertThat(errors(verifyAsCreatedb())).first().isEqualTo("after the upgrade of 20260102000000_forget_a the"
                + " history table does not list 20260101000000");
    }

    @Test
    void historyRowAddedByARevisionWithTheTablesTriggersDisabledIsNamed() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_claim", R1, "ALTER TABLE migrate_history DISABLE TRIGGER USER;\n"
                + "CREATE TEMP TABLE claimed AS SELECT * FROM migrate_history WHERE revision = '" + R1 + "';\n"
                + "UPDATE claimed SET revision = '20260109000000';\n"
                + "INSERT INTO migrate_history SELECT * FROM claimed;",
                "DELETE FROM migrate_history WHERE revision = '20260109000000';");

        assertThat(errors(verifyAsCreatedb())).first().isEqualTo("after the upgrade of 20260102000000_claim the"
                + " history table lists 20260109000000 as applied");
    }

    private VerifyResult verifyAsCreatedb() {
        String role = "migrate_createdb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        PostgresServer.execute("CREATE ROLE " + role + " LOGIN CREATEDB");
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            Function<String, String> asRole = url -> url.replace("user=postgres", "user=" + role);
            return new Migrator(new MigrateConfig(asRole.apply(db.url()), null, null, null, dir, null),
                    MigrationListener.SILENT).verify(VerifyOptions.defaults());
        } finally {
            PostgresServer.execute("DROP ROLE IF EXISTS " + role);
        }
    }
}
