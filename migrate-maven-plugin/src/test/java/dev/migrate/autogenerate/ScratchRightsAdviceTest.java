package dev.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateConfig;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.database.ScratchDatabaseException;
import dev.migrate.testing.FreshPostgres;
import dev.migrate.testing.PostgresServer;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user who may not create databases is told what check and autogenerate need, not to set
 * verifyUrl, which only verify reads.
 */
@FreshPostgres.Each
class ScratchRightsAdviceTest {

    @TempDir
    Path dir;

    @Test
    void autogenerateAndCheckAskForTheRightAndKeepVerifyUrlForVerify(TestDatabase db) throws Exception {
        RevisionFiles.in(dir.resolve("migrations")).add("20260101000000_t", "base", "CREATE TABLE t (id INT);",
                "DROP TABLE t;");
        Path schema = Files.createDirectories(dir.resolve("schema"));
        Files.writeString(schema.resolve("01.sql"), "CREATE TABLE t (id INT, n INT);");
        String role = "migrate_nocreate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        PostgresServer.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB");
        try {
            Migrator migrator = new Migrator(new MigrateConfig(db.url().replace("user=postgres", "user=" + role),
                    null, null, null, dir.resolve("migrations"), null), MigrationListener.SILENT);

            assertThatThrownBy(() -> migrator.autogenerate(new AutogenerateOptions(schema.toString(), "n")))
                    .isInstanceOf(ScratchDatabaseException.class)
                    .hasMessageContaining("may not create databases (grant it CREATEDB)")
                    .hasMessageContaining("check, autogenerate and squash make several scratch databases")
                    .hasMessageContaining("for migrate:verify alone, set migrate.verifyUrl")
                    .hasMessageNotContaining("migrate:verify cannot create");
        } finally {
            PostgresServer.execute("DROP ROLE " + role);
        }
    }
}
