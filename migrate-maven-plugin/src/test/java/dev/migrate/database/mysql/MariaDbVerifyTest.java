package dev.migrate.database.mysql;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateConfig;
import dev.migrate.common.Finding;
import dev.migrate.common.Severity;
import dev.migrate.testing.FreshMariaDb;
import dev.migrate.testing.MariaDbServer;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import dev.migrate.verify.VerifyResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify on MariaDB: scratch databases, the information_schema snapshot, downgrades that do not undo. */
class MariaDbVerifyTest {


    @TempDir
    Path dir;

    @FreshMariaDb.Each
    TestDatabase db;

    VerifyResult verify(String schema) {
        return MariaDbVerifyRun.verify(db, dir, schema);
    }

    static List<String> errors(VerifyResult result) {
        return MariaDbVerifyRun.messages(result, Severity.ERROR);
    }

    RevisionFiles users() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_users", "base", "CREATE TABLE users (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                + " email VARCHAR(100) NOT NULL, name VARCHAR(100) DEFAULT 'anonymous', bio TEXT,"
                + " updated_at TIMESTAMP NULL ON UPDATE CURRENT_TIMESTAMP) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;",
                "DROP TABLE users;");
        return files;
    }

    @Test
    void historyWhoseDowngradesUndoTheirUpgradesPasses() {
        users().add(R2 + "_everything", R1, String.join("\n",
                "CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT, user_id INT NOT NULL, total DECIMAL(10,2) NOT NULL DEFAULT 0,"
                        + " note VARCHAR(200) CHARACTER SET latin1 COMMENT 'free text', status ENUM('new','paid') NOT NULL DEFAULT 'new',"
                        + " doubled DECIMAL(11,2) AS (total * 2) PERSISTENT, PRIMARY KEY (id), UNIQUE KEY uq_orders_note (note(20)),"
                        + " CONSTRAINT ck_total CHECK (total >= 0), CONSTRAINT fk_orders_user FOREIGN KEY (user_id)"
                        + " REFERENCES users (id) ON DELETE CASCADE) COMMENT 'orders of users';",
                "CREATE INDEX ix_users_email ON users (email(10), name DESC);",
                "CREATE FULLTEXT INDEX ft_users_bio ON users (bio);",
                "CREATE VIEW paid_orders AS SELECT id, total FROM orders WHERE status = 'paid';",
                "CREATE TRIGGER orders_note BEFORE INSERT ON orders FOR EACH ROW SET NEW.note = COALESCE(NEW.note, 'none');",
                "CREATE FUNCTION twice(a INT) RETURNS INT DETERMINISTIC RETURN a * 2;",
                "CREATE SEQUENCE invoice_numbers START WITH 100 INCREMENT BY 10;"),
                String.join("\n", "DROP SEQUENCE invoice_numbers;", "DROP FUNCTION twice;", "DROP VIEW paid_orders;",
                        "DROP INDEX ft_users_bio ON users;", "DROP INDEX ix_users_email ON users;", "DROP TABLE orders;"));

        VerifyResult result = verify(null);

        assertThat(errors(result)).isEmpty();
        assertThat(result.rows()).extracting(VerifyResult.Row::result).containsOnly("ok");
    }

    /** MariaDB's JSON column brings a check named after it, which the snapshot after its ALTER TABLE must see too. */
    @Test
    void jsonColumnAddedByAlterTablePassesTheFullCycle() {
        users().add(R2 + "_settings", R1, "ALTER TABLE users ADD COLUMN settings JSON;\n"
                + "ALTER TABLE users MODIFY settings JSON;",
                "ALTER TABLE users DROP COLUMN settings;");

        VerifyResult result = verify(null);

        assertThat(errors(result)).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.rows()).extracting(VerifyResult.Row::result).containsOnly("ok");
    }

    @Test
    void downgradeThatForgetsAnIndexIsNamedWithItsTable() {
        users().add(R2 + "_index_email", R1, "CREATE INDEX ix_users_email ON users (email(10));", "SELECT 1;");

        assertThat(errors(verify(null))).first()
                .isEqualTo("downgrade of 20260102000000_index_email leaves index ix_users_email on table users");
    }

    @Test
    void downgradeThatPutsADroppedColumnBackAtTheEndIsWarnedAbout() {
        users().add(R2 + "_drop_name", R1, "ALTER TABLE users DROP COLUMN name;",
                "ALTER TABLE users ADD COLUMN name VARCHAR(100) DEFAULT 'anonymous';");

        VerifyResult result = verify(null);

        assertThat(errors(result)).isEmpty();
        assertThat(result.warnings()).extracting(Finding::message).anySatisfy(e -> assertThat(e)
                .startsWith("downgrade of 20260102000000_drop_name").contains("users")
                .contains("id, email, name, bio, updated_at").contains("id, email, bio, updated_at, name"));
    }

    @Test
    void downgradeThatPutsADroppedColumnBackInPlacePasses() {
        users().add(R2 + "_drop_name", R1, "ALTER TABLE users DROP COLUMN name;",
                "ALTER TABLE users ADD COLUMN name VARCHAR(100) DEFAULT 'anonymous' AFTER email;");

        assertThat(errors(verify(null))).isEmpty();
    }

    @Test
    void downgradeThatForgetsAChangedTypeDefaultOrCommentIsNamed() {
        users().add(R2 + "_widen", R1, "ALTER TABLE users MODIFY COLUMN email VARCHAR(200) NOT NULL;\n"
                + "ALTER TABLE users ALTER COLUMN name SET DEFAULT 'nobody';\n"
                + "ALTER TABLE users COMMENT = 'people';", "SELECT 1;");

        assertThat(errors(verify(null))).containsExactly(
                "downgrade of 20260102000000_widen: column users.email: varchar(100) not null before the upgrade,"
                        + " varchar(200) not null after the downgrade",
                "downgrade of 20260102000000_widen: column users.name: varchar(100) null default 'anonymous' before"
                        + " the upgrade, varchar(100) null default 'nobody' after the downgrade",
                "downgrade of 20260102000000_widen leaves comment on table users");
    }

    @Test
    void userWithRightsOnItsDatabaseAndTheScratchNamesVerifies() {
        String user = "migrate_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<String> hosts = List.of("%", "localhost", "127.0.0.1");
        try {
            for (String host : hosts) {
                MariaDbServer.execute("CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY 'secret'");
                MariaDbServer.execute("GRANT ALL ON " + db.name() + ".* TO '" + user + "'@'" + host + "'");
                MariaDbServer.execute("GRANT ALL ON `migrate\\_verify\\_%`.* TO '" + user + "'@'" + host + "'");
            }
            users().add(R2 + "_index_email", R1, "CREATE INDEX ix_users_email ON users (email(10));", "SELECT 1;");
            String url = "jdbc:mariadb://127.0.0.1:3306/" + db.name();

            VerifyResult result = MariaDbVerifyRun.verify(new MigrateConfig(url, user, "secret", null, dir, null),
                    new RecordingListener());

            assertThat(errors(result)).first()
                    .isEqualTo("downgrade of 20260102000000_index_email leaves index ix_users_email on table users");
        } finally {
            for (String host : hosts) {
                MariaDbServer.execute("DROP USER IF EXISTS '" + user + "'@'" + host + "'");
            }
        }
    }

    @Test
    void verifyWithASchemaNeverEntersTheConfiguredDatabase() {
        String configured = db.name() + "_app";
        users();
        try {
            RecordingListener listener = new RecordingListener();
            VerifyResult result = MariaDbVerifyRun.verify(new MigrateConfig(db.url(), null, null, configured, dir,
                    null), listener);

            assertThat(errors(result)).isEmpty();
            assertThat(db.column("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '"
                    + configured + "'")).containsExactly("0");
            // the scratch database this run made, by the name the result gives it (other builds on the
            // server make scratch databases of their own at any time)
            java.util.regex.Matcher scratch = java.util.regex.Pattern.compile("migrate_verify_\\w+")
                    .matcher(result.database());
            assertThat(scratch.find()).as(result.database()).isTrue();
            assertThat(db.column("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '"
                    + scratch.group() + "'")).containsExactly("0");
        } finally {
            MariaDbServer.execute("DROP DATABASE IF EXISTS " + configured);
        }
    }
}
