package dev.migrate.database.mysql;

import static dev.migrate.database.mysql.MariaDbVerifyRun.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.common.Severity;
import dev.migrate.database.SeedTable;
import dev.migrate.testing.FreshMariaDb;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import dev.migrate.verify.VerifyResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify's generated rows on MariaDB: every common column type filled, and a downgrade that loses rows named. */
class MariaDbRowsTest {

    static final String R1 = "20260101000000";
    static final String R2 = "20260102000000";

    @TempDir
    Path dir;

    @FreshMariaDb.Each
    TestDatabase db;

    VerifyResult verify() {
        return MariaDbVerifyRun.verify(db, dir, null);
    }

    String lost(String revision, String table) {
        return "downgrade of " + R2 + "_" + revision + " loses 3 of the 3 rows table " + table
                + " held before the upgrade: in production that is data gone (a table dropped and recreated, rows"
                + " deleted); change the table in place instead";
    }

    /** Table orders as revision R1 of {@link #orders} creates it, for a downgrade that makes it again. */
    static final String CREATE_ORDERS = "CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            + " customer_id INT NOT NULL, total DECIMAL(10,2) NOT NULL, CONSTRAINT fk_orders_customer"
            + " FOREIGN KEY (customer_id) REFERENCES customers (id)) ENGINE=InnoDB;";

    RevisionFiles orders() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_orders", "base", "CREATE TABLE customers (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                + " email VARCHAR(100) NOT NULL UNIQUE);\n"
                + CREATE_ORDERS, "DROP TABLE orders;\nDROP TABLE customers;");
        return files;
    }

    @Test
    void seederFillsEveryCommonColumnTypeParentsFirst() throws Exception {
        db.execute("CREATE TABLE parent (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, code CHAR(3) NOT NULL UNIQUE)");
        db.execute("CREATE TABLE child (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                + " parent_id INT NOT NULL, small TINYINT NOT NULL, flag TINYINT(1) NOT NULL, bits BIT(1) NOT NULL,"
                + " price DECIMAL(5,2) NOT NULL, ratio DOUBLE NOT NULL, born DATE NOT NULL, at_time TIME NOT NULL,"
                + " stamp TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, made DATETIME(3) NOT NULL, yr YEAR NOT NULL,"
                + " name VARCHAR(5) NOT NULL, body MEDIUMTEXT NOT NULL, state ENUM('new','it''s paid') NOT NULL,"
                + " tags SET('a','b') NOT NULL, doc JSON NOT NULL, raw VARBINARY(16) NOT NULL, id16 BINARY(16),"
                + " ext UUID NOT NULL, doubled DECIMAL(7,2) AS (price * 2) VIRTUAL, kept INT AS (small + 1) PERSISTENT,"
                + " UNIQUE KEY uq_name (name), CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id),"
                + " CONSTRAINT ck_price CHECK (price >= 0))");
        MysqlRowSeeder seeder = new MysqlRowSeeder();
        try (Connection connection = db.connect()) {
            List<SeedTable> tables = seeder.tables(connection, db.name(), "migrate_history");
            Map<String, Long> counts = new HashMap<>();
            List<String> notes = seeder.seed(connection, List.of(tables.get(0), tables.get(1)), counts, 3);

            assertThat(notes).isEmpty();
            assertThat(db.column("SELECT COUNT(*) FROM parent")).containsExactly("3");
            assertThat(db.column("SELECT COUNT(*) FROM child")).containsExactly("3");
            assertThat(db.column("SELECT COUNT(*) FROM child c JOIN parent p ON p.id = c.parent_id")).containsExactly("3");
            assertThat(db.column("SELECT COUNT(DISTINCT name) FROM child")).containsExactly("3");
            assertThat(db.column("SELECT DISTINCT state FROM child")).containsExactlyInAnyOrder("new", "it's paid");

            seeder.empty(connection, tables);
            assertThat(db.column("SELECT COUNT(*) FROM parent")).containsExactly("0");
        }
    }

    /**
     * One seeder serves a whole verify run and keeps the foreign keys it read: a key whose table was
     * dropped without a read of that table since must not lend its parents to a column of its name.
     */
    @Test
    void seederForgetsTheKeyOfATableDroppedSinceItsKeysWereRead() throws Exception {
        db.execute("CREATE TABLE networks (id CHAR(36) NOT NULL PRIMARY KEY)");
        db.execute("CREATE TABLE identities (id CHAR(36) NOT NULL PRIMARY KEY, nid CHAR(36) NOT NULL,"
                + " CONSTRAINT identities_nid_fk FOREIGN KEY (nid) REFERENCES networks (id))");
        db.execute("CREATE TABLE token_exchanges (id CHAR(36) NOT NULL PRIMARY KEY, nid CHAR(36) NOT NULL)");
        MysqlRowSeeder seeder = new MysqlRowSeeder();
        try (Connection connection = db.connect()) {
            List<SeedTable> tables = seeder.tables(connection, db.name(), "migrate_history");
            List<SeedTable> filled = tables.stream().filter(t -> !t.name().equals("identities")).toList();
            seeder.seed(connection, filled, new HashMap<>(), 3);
            // while identities' key stands, a nid elsewhere takes the networks' ids
            assertThat(db.column("SELECT COUNT(*) FROM token_exchanges t JOIN networks n ON n.id = t.nid"))
                    .containsExactly("3");

            seeder.empty(connection, tables);
            db.execute("DROP TABLE identities");
            seeder.seed(connection, filled, new HashMap<>(), 3);

            assertThat(db.column("SELECT COUNT(*) FROM token_exchanges t JOIN networks n ON n.id = t.nid"))
                    .containsExactly("0");
        }
    }

    @Test
    void tablesAreThoseOfTheCurrentDatabaseWithoutTheHistoryTable() throws Exception {
        db.execute("CREATE TABLE migrate_history (id INT)");
        db.execute("CREATE TABLE kept (id INT)");
        try (Connection connection = db.connect()) {
            // verify names the configured database as the history's schema while it works in a scratch database
            assertThat(new MysqlRowSeeder().tables(connection, "the_configured_database", "migrate_history"))
                    .extracting(SeedTable::display).containsExactly("kept");
        }
    }

    @Test
    void upgradeRetriedOnEmptyTablesKeepsTheHistory() {
        RevisionFiles files = orders();
        files.add(R2 + "_negative_total", R1, "ALTER TABLE orders ADD CONSTRAINT ck_total CHECK (total < 0);",
                "ALTER TABLE orders DROP CONSTRAINT ck_total;");
        files.add("20260103000000_note", R2, "ALTER TABLE orders ADD COLUMN note VARCHAR(20);",
                "ALTER TABLE orders DROP COLUMN note;");

        List<String> errors = messages(verify(), Severity.ERROR);

        assertThat(errors).singleElement().asString().startsWith("upgrade of " + R2 + "_negative_total fails on a"
                + " table with rows");
    }

    /** As Ory Hydra's history does: verifier tokens, which real data never repeats, get a unique index later. */
    @Test
    void uniqueIndexAddedLaterOverTokensPassesOnATableWithRows() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_requests", "base", "CREATE TABLE requests (challenge VARCHAR(40) NOT NULL PRIMARY KEY,"
                + " verifier VARCHAR(40) NOT NULL, csrf CHAR(32) NOT NULL, requested_at DATETIME NOT NULL,"
                + " remember_for INT NOT NULL, ip VARBINARY(16) NOT NULL, skip TINYINT(1) NOT NULL);",
                "DROP TABLE requests;");
        files.add(R2 + "_unique_tokens", R1, "CREATE UNIQUE INDEX requests_veri_idx ON requests (verifier);\n"
                + "CREATE UNIQUE INDEX requests_csrf_idx ON requests (csrf, requested_at, remember_for, ip);",
                "DROP INDEX requests_csrf_idx ON requests;\nDROP INDEX requests_veri_idx ON requests;");

        VerifyResult result = verify();

        assertThat(messages(result, Severity.ERROR)).isEmpty();
        assertThat(messages(result, Severity.INFO)).noneMatch(m -> m.contains("holds no generated rows"));
    }

    /** As Ory Hydra's history does: a TEXT column that real data fills with JSON is copied into a JSON column. */
    @Test
    void textCopiedIntoAJsonColumnPassesAndJsonFunctionsAcceptIt() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_requests", "base", "CREATE TABLE requests (id INT NOT NULL PRIMARY KEY,"
                + " oidc_context TEXT NOT NULL, scope VARCHAR(255) NOT NULL, code CHAR(2) NOT NULL, doc JSON NOT NULL);",
                "DROP TABLE requests;");
        files.add(R2 + "_flow", R1, "CREATE TABLE flow (id INT NOT NULL PRIMARY KEY, oidc_context JSON NOT NULL,"
                + " scope JSON NOT NULL, kind VARCHAR(40) NOT NULL);\n"
                + "INSERT INTO flow SELECT id, oidc_context, scope, JSON_VALUE(doc, '$.word') FROM requests;\n"
                + "UPDATE flow SET scope = JSON_ARRAY(scope) WHERE JSON_TYPE(scope) = 'STRING';",
                "DROP TABLE flow;");

        VerifyResult result = verify();

        // the full cycle's "re-upgrade creates constraint <json column>" findings are the snapshot's, not the rows'
        assertThat(messages(result, Severity.ERROR)).noneMatch(m -> m.contains("fails on a table with rows"));
        assertThat(messages(result, Severity.WARNING)).noneMatch(m -> m.contains("rows"));
        assertThat(messages(result, Severity.INFO)).noneMatch(m -> m.contains("holds no generated rows"));
    }

    /**
     * As Ory Kratos's 20200830130645 does: one table's UUID keys are copied into another table's
     * key. Real keys of two tables never meet; generated ones must not either.
     */
    @Test
    void keysCopiedFromAnotherTableDoNotMeetTheTargetsGeneratedKeys() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_flows", "base", "CREATE TABLE verification_flows (id CHAR(36) NOT NULL PRIMARY KEY,"
                + " form TEXT NOT NULL);\n"
                + "CREATE TABLE verification_flow_methods (id CHAR(36) NOT NULL PRIMARY KEY, method VARCHAR(32) NOT NULL,"
                + " verification_flow_id CHAR(36) NOT NULL, config TEXT NOT NULL);",
                "DROP TABLE verification_flow_methods;\nDROP TABLE verification_flows;");
        files.add(R2 + "_copy_methods", R1, "INSERT INTO verification_flow_methods (id, method, verification_flow_id,"
                + " config) SELECT id, 'link', id, form FROM verification_flows;",
                "DELETE FROM verification_flow_methods WHERE method = 'link' AND id IN (SELECT id FROM verification_flows);");

        VerifyResult result = verify();

        assertThat(messages(result, Severity.ERROR)).isEmpty();
        assertThat(messages(result, Severity.INFO)).noneMatch(m -> m.contains("holds no generated rows"));
    }

    /**
     * As Ory Hydra's 20190300000010 does: a foreign key is added over a column that refers to
     * another table's key by its name only until then; the generated rows must find their parents.
     */
    @Test
    void foreignKeyAddedLaterOverAReferenceByNameFindsItsParents() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_clients", "base", "CREATE TABLE hydra_clients (id VARCHAR(255) NOT NULL PRIMARY KEY,"
                + " name TEXT NOT NULL);\n"
                + "CREATE TABLE logout_requests (challenge VARCHAR(40) NOT NULL PRIMARY KEY,"
                + " client_id VARCHAR(255) NOT NULL);\n"
                + "CREATE TABLE logout_requests_handled (challenge VARCHAR(40) NOT NULL PRIMARY KEY,"
                + " was_used TINYINT(1) NOT NULL);",
                "DROP TABLE logout_requests_handled;\nDROP TABLE logout_requests;\nDROP TABLE hydra_clients;");
        files.add(R2 + "_keys", R1, "ALTER TABLE logout_requests ADD CONSTRAINT logout_client_fk FOREIGN KEY (client_id)"
                + " REFERENCES hydra_clients (id);\n"
                + "ALTER TABLE logout_requests_handled ADD CONSTRAINT handled_fk FOREIGN KEY (challenge)"
                + " REFERENCES logout_requests (challenge);",
                "ALTER TABLE logout_requests_handled DROP FOREIGN KEY handled_fk;\n"
                        + "ALTER TABLE logout_requests DROP FOREIGN KEY logout_client_fk;\n"
                        + "DROP INDEX logout_client_fk ON logout_requests;");

        VerifyResult result = verify();

        assertThat(messages(result, Severity.ERROR)).isEmpty();
        assertThat(messages(result, Severity.WARNING)).noneMatch(m -> m.contains("loses") || m.contains("changes"));
    }

    /**
     * As Ory Kratos's 20241031094100 does: a table made with a network column {@code nid} but no
     * foreign key gets one later, while other tables' {@code nid} refer to {@code networks} already.
     */
    @Test
    void columnNamedLikeAForeignKeyElsewhereFindsItsParents() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_networks", "base", "CREATE TABLE networks (id CHAR(36) NOT NULL PRIMARY KEY);\n"
                + "CREATE TABLE identities (id CHAR(36) NOT NULL PRIMARY KEY, nid CHAR(36) NOT NULL,"
                + " CONSTRAINT identities_nid_fk FOREIGN KEY (nid) REFERENCES networks (id));",
                "DROP TABLE identities;\nDROP TABLE networks;");
        files.add(R2 + "_exchanges", R1, "CREATE TABLE token_exchanges (id CHAR(36) NOT NULL PRIMARY KEY,"
                + " nid CHAR(36) NOT NULL);", "DROP TABLE token_exchanges;");
        files.add("20260103000000_exchanges_fk", R2, "ALTER TABLE token_exchanges ADD CONSTRAINT token_exchanges_nid_fk"
                + " FOREIGN KEY (nid) REFERENCES networks (id);",
                "ALTER TABLE token_exchanges DROP FOREIGN KEY token_exchanges_nid_fk;\n"
                        + "DROP INDEX token_exchanges_nid_fk ON token_exchanges;");

        VerifyResult result = verify();

        assertThat(messages(result, Severity.ERROR)).isEmpty();
        assertThat(messages(result, Severity.INFO)).noneMatch(m -> m.contains("holds no generated rows"));
    }

    /**
     * The seeder keeps the database's foreign keys between phases: a key whose table a revision
     * dropped no longer lends its parents to a column of the same name, as when every key was read
     * before each filling. Here {@code nid} refers to nothing once {@code identities} is gone, so the
     * key added later over {@code token_exchanges.nid} does not find its parents among the rows.
     */
    @Test
    void foreignKeyOfADroppedTableNoLongerLendsItsParentsToAColumnOfTheSameName() {
        RevisionFiles files = RevisionFiles.in(dir);
        String identities = "CREATE TABLE identities (id CHAR(36) NOT NULL PRIMARY KEY, nid CHAR(36) NOT NULL,"
                + " CONSTRAINT identities_nid_fk FOREIGN KEY (nid) REFERENCES networks (id));";
        files.add(R1 + "_networks", "base", "CREATE TABLE networks (id CHAR(36) NOT NULL PRIMARY KEY);\n" + identities,
                "DROP TABLE identities;\nDROP TABLE networks;");
        files.add(R2 + "_drop_identities", R1, "DROP TABLE identities;", identities);
        files.add("20260103000000_exchanges", R2, "CREATE TABLE token_exchanges (id CHAR(36) NOT NULL PRIMARY KEY,"
                + " nid CHAR(36) NOT NULL);", "DROP TABLE token_exchanges;");
        files.add("20260104000000_exchanges_fk", "20260103000000", "ALTER TABLE token_exchanges ADD CONSTRAINT"
                + " token_exchanges_nid_fk FOREIGN KEY (nid) REFERENCES networks (id);",
                "ALTER TABLE token_exchanges DROP FOREIGN KEY token_exchanges_nid_fk;\n"
                        + "DROP INDEX token_exchanges_nid_fk ON token_exchanges;");

        VerifyResult result = verify();

        assertThat(messages(result, Severity.ERROR)).singleElement().asString()
                .startsWith("upgrade of 20260104000000_exchanges_fk fails on a table with rows")
                .contains("CONSTRAINT `token_exchanges_nid_fk` FOREIGN KEY (`nid`) REFERENCES `networks` (`id`)");
    }

    /** As Ory Hydra's trusted issuers do: a two-column foreign key whose second column is named like an identifier. */
    @Test
    void twoColumnForeignKeyTakesBothValuesFromOneParentRow() throws Exception {
        db.execute("CREATE TABLE jwk (sid VARCHAR(255) NOT NULL, kid VARCHAR(255) NOT NULL, PRIMARY KEY (sid, kid))");
        db.execute("CREATE TABLE issuer (id VARCHAR(36) NOT NULL PRIMARY KEY, key_set VARCHAR(255) NOT NULL,"
                + " key_id VARCHAR(255) NOT NULL, CONSTRAINT issuer_jwk FOREIGN KEY (key_set, key_id)"
                + " REFERENCES jwk (sid, kid))");
        MysqlRowSeeder seeder = new MysqlRowSeeder();
        try (Connection connection = db.connect()) {
            List<SeedTable> tables = seeder.tables(connection, db.name(), "migrate_history");

            assertThat(seeder.seed(connection, tables, new HashMap<>(), 3)).isEmpty();
            assertThat(db.column("SELECT COUNT(*) FROM issuer i JOIN jwk j ON j.sid = i.key_set AND j.kid = i.key_id"))
                    .containsExactly("3");
        }
    }

    @Test
    void identifierColumnsAreKnownByTheEntityTheyName() {
        assertThat(MysqlRowSeeder.entity("selfservice_verification_flows", "id")).isEqualTo("flow");
        assertThat(MysqlRowSeeder.entity("other", "selfservice_verification_flow_id")).isEqualTo("flow");
        assertThat(MysqlRowSeeder.entity("identity_verifiable_addresses", "ID")).isEqualTo("address");
        assertThat(MysqlRowSeeder.entity("other", "identity_verifiable_address_id")).isEqualTo("address");
        assertThat(MysqlRowSeeder.entity("identities", "id")).isEqualTo("identity");
        assertThat(MysqlRowSeeder.entity("hydra_client", "id")).isEqualTo("client");
        assertThat(MysqlRowSeeder.entity("other", "challenge")).isNull();
    }

    @Test
    void downgradeThatForgetsTokensIsStillCaught() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_requests", "base", "CREATE TABLE requests (id INT NOT NULL PRIMARY KEY,"
                + " verifier VARCHAR(40) NOT NULL);", "DROP TABLE requests;");
        files.add(R2 + "_unique_verifier", R1, "UPDATE requests SET verifier = CONCAT('v', id);\n"
                + "CREATE UNIQUE INDEX requests_veri_idx ON requests (verifier);",
                "DROP INDEX requests_veri_idx ON requests;");

        VerifyResult result = verify();

        assertThat(messages(result, Severity.ERROR)).isEmpty();
        assertThat(messages(result, Severity.WARNING)).anyMatch(m -> m.startsWith("downgrade of " + R2
                + "_unique_verifier changes 3 of the 3 rows table requests"));
    }

    @Test
    void downgradeThatDropsAndRecreatesATableLosesItsRows() {
        orders().add(R2 + "_add_note", R1, "ALTER TABLE orders ADD COLUMN note VARCHAR(20);",
                "DROP TABLE orders;\n" + CREATE_ORDERS);

        assertThat(messages(verify(), Severity.ERROR)).containsExactly(lost("add_note", "orders"));
    }

    @Test
    void downgradeThatChangesATableInPlaceKeepsItsRows() {
        orders().add(R2 + "_add_note", R1, "ALTER TABLE orders ADD COLUMN note VARCHAR(20) AFTER customer_id;\n"
                + "ALTER TABLE orders MODIFY total DECIMAL(12,2) NOT NULL;",
                "ALTER TABLE orders MODIFY total DECIMAL(10,2) NOT NULL;\nALTER TABLE orders DROP COLUMN note;");

        VerifyResult result = verify();

        assertThat(messages(result, Severity.ERROR)).isEmpty();
        assertThat(messages(result, Severity.WARNING)).noneMatch(m -> m.contains("loses") || m.contains("changes"));
        assertThat(messages(result, Severity.INFO)).noneMatch(m -> m.contains("holds no generated rows"));
    }

    @Test
    void rowsARenameMovedAreFollowedAndTheirLossCaught() {
        orders().add(R2 + "_rename", R1, "RENAME TABLE orders TO orders_v2;",
                "DROP TABLE orders_v2;\n" + CREATE_ORDERS);

        assertThat(messages(verify(), Severity.ERROR)).containsExactly(lost("rename", "orders"));
    }

    @Test
    void downgradeThatRenamesTheTableBackKeepsItsRows() {
        orders().add(R2 + "_rename", R1, "RENAME TABLE orders TO orders_v2;\n"
                + "ALTER TABLE orders_v2 RENAME COLUMN total TO amount;",
                "ALTER TABLE orders_v2 RENAME COLUMN amount TO total;\nRENAME TABLE orders_v2 TO orders;");

        VerifyResult result = verify();

        assertThat(messages(result, Severity.ERROR)).isEmpty();
        assertThat(messages(result, Severity.WARNING)).noneMatch(m -> m.contains("loses") || m.contains("changes"));
    }

    @Test
    void renameDanceThatCopiesIntoANewTableIsCaughtWhenItDropsRows() {
        // the upgrade rebuilds the table by copy (a new InnoDB id under the same name); the downgrade's copy forgets rows
        orders().add(R2 + "_widen", R1, "ALTER TABLE orders MODIFY total DECIMAL(12,2) NOT NULL, ALGORITHM=COPY;",
                "CREATE TABLE orders_old LIKE orders;\n"
                        + "ALTER TABLE orders_old MODIFY total DECIMAL(10,2) NOT NULL;\n"
                        + "INSERT INTO orders_old SELECT * FROM orders WHERE id < 0;\n"
                        + "DROP TABLE orders;\nRENAME TABLE orders_old TO orders;\n"
                        + "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id)"
                        + " REFERENCES customers (id);");

        assertThat(messages(verify(), Severity.ERROR)).contains(lost("widen", "orders"));
    }
}
