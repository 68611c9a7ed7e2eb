package dev.migrate.database.mysql;

import static dev.migrate.testing.Ids.R1;
import dev.migrate.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.CheckOptions;
import dev.migrate.autogenerate.CheckResult;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.testing.FreshMariaDb;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * autogenerate and check on MariaDB: the revision written from the difference between the
 * migrated database and a desired one reaches the desired schema and comes back when downgraded.
 */
class MariaDbAutogenerateTest {

    @TempDir
    Path dir;

    @FreshMariaDb.Each
    TestDatabase live;
    @FreshMariaDb.Each
    TestDatabase desired;

    Migrator migrator() {
        return new Migrator(Configs.config(live.url(), dir), new RecordingListener());
    }

    static SchemaSnapshot snapshot(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            return new MysqlSnapshotReader().read(connection, db.name(), "migrate_history");
        }
    }

    static final String USERS = "CREATE TABLE users (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            + " email VARCHAR(100) NOT NULL, name VARCHAR(100), bio TEXT)";

    @Test
    void generatedRevisionReachesTheDesiredSchemaAndDowngradesBack() throws Exception {
        RevisionFiles.in(dir).add(R1 + "_create_users", "base", USERS + ";", "DROP TABLE users;");
        migrator().upgrade("head");
        SchemaSnapshot before = snapshot(live);
        desired.execute(USERS);
        desired.execute("ALTER TABLE users MODIFY COLUMN email VARCHAR(200) NOT NULL COMMENT 'login',"
                + " MODIFY COLUMN name VARCHAR(100) DEFAULT 'anonymous', DROP COLUMN bio, ADD CONSTRAINT uq_users_email UNIQUE (email)");
        desired.execute("CREATE INDEX ix_users_name ON users (name(10))");
        desired.execute("CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY, user_id INT NOT NULL,"
                + " total DECIMAL(10,2) NOT NULL DEFAULT 0, CONSTRAINT fk_orders_user FOREIGN KEY (user_id)"
                + " REFERENCES users (id) ON DELETE CASCADE, CONSTRAINT ck_orders_total CHECK (total >= 0))"
                + " COMMENT 'orders'");
        desired.execute("CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100");

        AutogenerateResult result = migrator().autogenerate(new AutogenerateOptions(desired.url(), "reshape users"));

        assertThat(result.file()).isNotNull();
        String revision = Files.readString(result.file());
        assertThat(revision).contains("MODIFY COLUMN email").contains("DROP INDEX ix_users_name ON users")
                .doesNotContain("TODO");
        migrator().upgrade("head");
        assertThat(snapshot(live)).isEqualTo(snapshot(desired));
        migrator().downgrade("-1");
        assertThat(snapshot(live)).isEqualTo(before);
    }

    @Test
    void columnsAddedAndDroppedInTheMiddleLandInPlaceBothWays() throws Exception {
        RevisionFiles.in(dir).add(R1 + "_create_users", "base", USERS + ";", "DROP TABLE users;");
        migrator().upgrade("head");
        SchemaSnapshot before = snapshot(live);
        desired.execute("CREATE TABLE users (code CHAR(4) NULL, id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                + " nickname VARCHAR(30) NULL, handle VARCHAR(30) NULL, email VARCHAR(100) NOT NULL, bio TEXT)");

        AutogenerateResult result = migrator().autogenerate(new AutogenerateOptions(desired.url(), "reorder users"));

        String revision = Files.readString(result.file());
        assertThat(revision).contains("ADD COLUMN code char(4) null FIRST;",
                "ADD COLUMN nickname varchar(30) null AFTER id;", "ADD COLUMN handle varchar(30) null AFTER nickname;",
                "ADD COLUMN name varchar(100) null AFTER email;").doesNotContain("TODO");
        migrator().upgrade("head");
        assertThat(snapshot(live).columnOrder()).isEqualTo(snapshot(desired).columnOrder());
        assertThat(snapshot(live)).isEqualTo(snapshot(desired));
        migrator().downgrade("-1");
        assertThat(snapshot(live).columnOrder()).isEqualTo(before.columnOrder());
        assertThat(snapshot(live)).isEqualTo(before);
    }

    /**
     * Autogenerates the revision from {@code table} (as the one revision creates it) to {@code wanted},
     * checks it reaches {@code wanted} and comes back when downgraded, and gives its text.
     */
    String reproducedBothWays(String name, String table, String wanted) throws Exception {
        RevisionFiles.in(dir).add(R1 + "_create_" + name, "base", table + ";", "DROP TABLE " + name + ";");
        migrator().upgrade("head");
        SchemaSnapshot before = snapshot(live);
        desired.execute(wanted);
        AutogenerateResult result = migrator().autogenerate(new AutogenerateOptions(desired.url(), "change " + name));
        String revision = Files.readString(result.file());
        assertThat(revision).doesNotContain("TODO");
        migrator().upgrade("head");
        assertThat(snapshot(live)).isEqualTo(snapshot(desired));
        migrator().downgrade("-1");
        assertThat(snapshot(live)).isEqualTo(before);
        return revision;
    }

    /**
     * MariaDB refuses an AUTO_INCREMENT column that is no key's column, even between two statements, and
     * a second one in a table: a column that gains it comes with its key in one statement, a column that
     * loses it goes first. Each row: the table as a revision makes it, the table wanted, and what the
     * generated revision must say.
     */
    static Stream<Arguments> autoIncrementChanges() {
        return Stream.of(Arguments.of("tags", "added to a table with its primary key",
                "CREATE TABLE tags (code CHAR(4) NOT NULL, label TEXT, CONSTRAINT uq_tags_code UNIQUE (code))",
                "CREATE TABLE tags (id INT UNSIGNED NOT NULL AUTO_INCREMENT, code CHAR(4) NOT NULL, label TEXT,"
                        + " PRIMARY KEY (id), CONSTRAINT uq_tags_code UNIQUE (code))",
                List.of("ALTER TABLE tags ADD COLUMN id int(10) unsigned not null AUTO_INCREMENT FIRST,"
                        + " ADD PRIMARY KEY (id);", "ALTER TABLE tags DROP PRIMARY KEY, DROP COLUMN id;")),
                Arguments.of("seats", "an existing column becoming AUTO_INCREMENT with a new index",
                        "CREATE TABLE seats (n INT NOT NULL, room VARCHAR(10) NOT NULL, PRIMARY KEY (room, n))",
                        "CREATE TABLE seats (n INT NOT NULL AUTO_INCREMENT, room VARCHAR(10) NOT NULL,"
                                + " PRIMARY KEY (room, n), KEY ix_seats_n (n))",
                        List.of("ALTER TABLE seats MODIFY COLUMN n int(11) not null AUTO_INCREMENT,"
                                + " ADD INDEX ix_seats_n (n);", "ALTER TABLE seats DROP INDEX ix_seats_n,"
                                + " MODIFY COLUMN n int(11) not null;")),
                Arguments.of("jwks", "moving from an existing column to a new one",
                        "CREATE TABLE jwks (pk INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, sid VARCHAR(10))",
                        "CREATE TABLE jwks (pk CHAR(36) NOT NULL PRIMARY KEY, sid VARCHAR(10),"
                                + " pk_deprecated INT UNSIGNED NOT NULL AUTO_INCREMENT, KEY pk_deprecated (pk_deprecated))",
                        List.of("ALTER TABLE jwks MODIFY COLUMN pk char(36) not null;\nALTER TABLE jwks ADD COLUMN"
                                + " pk_deprecated int(10) unsigned not null AUTO_INCREMENT AFTER sid,"
                                + " ADD INDEX pk_deprecated (pk_deprecated);", "ALTER TABLE jwks DROP INDEX pk_deprecated,"
                                + " DROP COLUMN pk_deprecated;\nALTER TABLE jwks MODIFY COLUMN pk int(10) unsigned not null"
                                + " AUTO_INCREMENT;")));
    }

    @ParameterizedTest(name = "AUTO_INCREMENT {1}")
    @MethodSource("autoIncrementChanges")
    void autoIncrementChangesAreReproducedBothWays(String name, String change, String table, String wanted,
            List<String> says) throws Exception {
        RevisionFiles.in(dir).add(R1 + "_create_" + name, "base", table + ";", "DROP TABLE " + name + ";");
        migrator().upgrade("head");
        SchemaSnapshot before = snapshot(live);
        desired.execute(wanted);

        AutogenerateResult result = migrator().autogenerate(new AutogenerateOptions(desired.url(), "change " + name));

        assertThat(Files.readString(result.file())).contains(says).doesNotContain("TODO");
        migrator().upgrade("head");
        assertThat(snapshot(live)).isEqualTo(snapshot(desired));
        migrator().downgrade("-1");
        assertThat(snapshot(live)).isEqualTo(before);
    }

    /**
     * MariaDB refuses to drop the index a foreign key uses ("needed in a foreign key constraint")
     * until another index serves it: the indexes of such a table that go and come are swapped in one
     * statement, both ways. Each row: the table as a revision makes it, the table wanted (Kratos's
     * sorted session index and its unused session device indexes), and what the revision must say.
     */
    static Stream<Arguments> indexSwaps() {
        return Stream.of(Arguments.of("sessions", "a sorted index replacing the one the foreign key uses",
                "CREATE TABLE sessions (id INT NOT NULL PRIMARY KEY, identity_id INT NOT NULL, nid INT,"
                        + " authenticated_at DATETIME, KEY sessions_identity_id_nid_idx (identity_id, nid),"
                        + " CONSTRAINT fk_sessions_identity FOREIGN KEY (identity_id) REFERENCES sessions (id))",
                "CREATE TABLE sessions (id INT NOT NULL PRIMARY KEY, identity_id INT NOT NULL, nid INT,"
                        + " authenticated_at DATETIME, KEY sessions_identity_id_nid_sorted_idx (identity_id, nid,"
                        + " authenticated_at DESC), CONSTRAINT fk_sessions_identity FOREIGN KEY (identity_id)"
                        + " REFERENCES sessions (id))",
                List.of("ALTER TABLE sessions DROP INDEX sessions_identity_id_nid_idx,"
                        + " ADD INDEX sessions_identity_id_nid_sorted_idx (identity_id, nid, authenticated_at DESC);",
                        "ALTER TABLE sessions DROP INDEX sessions_identity_id_nid_sorted_idx,"
                                + " ADD INDEX sessions_identity_id_nid_idx (identity_id, nid);")),
                Arguments.of("devices", "two indexes replaced by narrower ones, one used by the foreign key",
                        "CREATE TABLE devices (id INT NOT NULL PRIMARY KEY, session_id INT NOT NULL, nid INT,"
                                + " KEY devices_id_nid_idx (id, nid), KEY devices_session_id_nid_idx (session_id, nid),"
                                + " CONSTRAINT fk_devices_session FOREIGN KEY (session_id) REFERENCES devices (id))",
                        "CREATE TABLE devices (id INT NOT NULL PRIMARY KEY, session_id INT NOT NULL, nid INT,"
                                + " KEY devices_nid_idx (nid), KEY devices_session_id_idx (session_id),"
                                + " CONSTRAINT fk_devices_session FOREIGN KEY (session_id) REFERENCES devices (id))",
                        List.of("ALTER TABLE devices DROP INDEX devices_id_nid_idx, DROP INDEX devices_session_id_nid_idx,"
                                + " ADD INDEX devices_nid_idx (nid), ADD INDEX devices_session_id_idx (session_id);")));
    }

    @ParameterizedTest(name = "index swap: {1}")
    @MethodSource("indexSwaps")
    void indexesAForeignKeyNeedsAreSwappedInOneStatementBothWays(String name, String change, String table,
            String wanted, List<String> says) throws Exception {
        assertThat(reproducedBothWays(name, table, wanted)).contains(says);
    }

    /**
     * MariaDB's JSON is LONGTEXT with a check json_valid(column) named after the column, which comes
     * and goes with the column (and keeps its name when the column is renamed): the revision adds,
     * renames and drops JSON columns, never that check alone.
     */
    @Test
    void jsonColumnsComeAndGoWithTheirCheck() throws Exception {
        String revision = reproducedBothWays("flows", "CREATE TABLE flows (id INT NOT NULL PRIMARY KEY, messages JSON,"
                + " label TEXT)", "CREATE TABLE flows (id INT NOT NULL PRIMARY KEY, ui JSON, label JSON)");

        assertThat(revision).contains("MODIFY COLUMN label json null;", "MODIFY COLUMN label text null;")
                .doesNotContain("CONSTRAINT");
    }

    /**
     * Kratos drops a JSON column and adds one alike at the end: a rename would keep the old place, so
     * where MariaDB can place the new column the revision drops and adds it.
     */
    @Test
    void columnAlikeWantedElsewhereIsDroppedAndAddedInItsPlace() throws Exception {
        String revision = reproducedBothWays("flows", "CREATE TABLE flows (id INT NOT NULL PRIMARY KEY, messages JSON,"
                + " label TEXT)", "CREATE TABLE flows (id INT NOT NULL PRIMARY KEY, label TEXT, ui JSON)");

        assertThat(revision).contains("DROP COLUMN messages;", "ADD COLUMN ui json null AFTER label;",
                "ADD COLUMN messages json null AFTER id;").doesNotContain("RENAME", "CONSTRAINT");
    }

    @Test
    void checkFindsNothingWhenTheDatabaseMatchesItsRevisionsAndNamesADriftedColumn() throws Exception {
        RevisionFiles.in(dir).add(R1 + "_create_users", "base", USERS + ";", "DROP TABLE users;");
        migrator().upgrade("head");
        desired.execute(USERS);

        CheckResult clean = migrator().check(new CheckOptions(desired.url(), dir.resolve("reports")));
        assertThat(clean.errors()).isEmpty();

        live.execute("ALTER TABLE users MODIFY COLUMN name VARCHAR(50)");
        CheckResult drifted = migrator().check(new CheckOptions(desired.url(), dir.resolve("reports2")));
        assertThat(drifted.errors()).extracting(CheckResult.Finding::message)
                .anySatisfy(message -> assertThat(message).contains("users").contains("name"));
    }
}
