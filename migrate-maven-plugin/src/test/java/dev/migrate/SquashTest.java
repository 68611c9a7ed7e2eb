package dev.migrate;

import dev.migrate.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.autogenerate.SquashException;
import dev.migrate.autogenerate.Squasher;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** migrate:squash on real databases: what it writes, that the file runs as the chain does, prune. */
class SquashTest {

    static final String A = "20260101000001";
    static final String B = "20260101000002";
    static final String C = "20260101000003";
    static final String M = "20260101000004";
    static final String D = "20260101000005";

    @TempDir
    Path dir;

    Migrator migrator(TestDatabase db) {
        return new Migrator(Configs.config(db.url(), dir), new RecordingListener());
    }

    /** A: table a; B: a row and a column; C: table c from A; M merges B and C; D: table d after M. */
    void branchyHistoryWithData() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(A + "_a", "base", "CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(20));", "DROP TABLE a;");
        files.add(B + "_b", A, "INSERT INTO a (id, name) VALUES (1, 'one');\nALTER TABLE a ADD COLUMN n INT;\n"
                + "UPDATE a SET n = 10 WHERE id = 1;", "ALTER TABLE a DROP COLUMN n;\nDELETE FROM a;");
        files.add(C + "_c", A, "CREATE TABLE c (id INT, a_id INT REFERENCES a (id));", "DROP TABLE c;");
        files.addWithHeader(M + "_m", "-- parents: " + B + ", " + C + "\n-- tags: release-1.0", "", "");
        files.add(D + "_d", M, "CREATE TABLE d (id INT);", "DROP TABLE d;");
    }

    Path onlySquashFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !List.of(A, B, C, M, D).contains(f.getFileName().toString().substring(0, 14)))
                    .findFirst().orElseThrow();
        }
    }

    /** Squashes every revision up to head, telling {@code listener} what it does. */
    Squasher.Result squashToHead(TestDatabase db, RecordingListener listener) {
        return new Migrator(Configs.config(db.url(), dir), listener).squash(new Squasher.Options(null, "head", null,
                false), false, Map.of());
    }

    List<String> rows(TestDatabase db) {
        return db.column("SELECT id || ':' || name || ':' || n FROM a");
    }

    @OnBothDatabases
    void squashesABranchyRangeWithDataThatANewDatabaseRunsAloneWithTheSameResult(BothDatabases.Lazy lazy)
            throws IOException {
        TestDatabase db = lazy.get();
        branchyHistoryWithData();

        Squasher.Result result = migrator(db).squash(new Squasher.Options(null, "release-1.0", "release 1.0",
                false), false, Map.of());

        assertThat(result.replaced()).containsExactly(A, B, C, M);
        assertThat(result.warnings()).isEmpty();
        String text = Files.readString(result.file());
        assertThat(text).startsWith("-- parents: base\n-- replaces: " + A + ", " + B + ", " + C + ", " + M + "\n");
        assertThat(text).contains("INSERT INTO a (id, name) VALUES (1, 'one');")
                .contains("UPDATE a SET n = 10 WHERE id = 1;");
        RevisionGraph graph = migrator(db).load();
        Revision squash = graph.find(result.file().getFileName().toString().substring(0, 14)).orElseThrow();
        assertThat(graph.isAlternative(squash)).isTrue();

        Outcome outcome = migrator(db).upgrade("head");

        assertThat(outcome.plan().steps()).extracting(Revision::id).containsExactly(squash.id(), D);
        assertThat(rows(db)).containsExactly("1:one:10");
        assertThat(db.tables().stream().map(String::toLowerCase).filter(t -> !t.startsWith("migrate")).sorted())
                .containsExactly("a", "c", "d");
        migrator(db).downgrade("base");
        assertThat(db.tables().stream().filter(t -> !t.toLowerCase().startsWith("migrate"))).isEmpty();
    }

    @OnBothDatabases
    void squashesFromARevisionKeepingWhatComesBefore(BothDatabases.Lazy lazy) throws IOException {
        TestDatabase db = lazy.get();
        branchyHistoryWithData();

        Squasher.Result result = migrator(db).squash(new Squasher.Options(A, M, null, false), false, Map.of());

        assertThat(result.replaced()).containsExactly(B, C, M);
        assertThat(Files.readString(result.file())).startsWith("-- parents: " + A + "\n-- replaces: " + B + ", " + C
                + ", " + M + "\n");
        migrator(db).upgrade(A);
        assertThat(migrator(db).upgrade("head").plan().steps()).extracting(Revision::id)
                .containsExactly(result.file().getFileName().toString().substring(0, 14), D);
        assertThat(rows(db)).containsExactly("1:one:10");
    }

    @OnBothDatabases
    void runsTheSquashInATransactionWhenItsOwnStatementsCanThoughAReplacedRevisionCouldNot(BothDatabases.Lazy lazy)
            throws IOException {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(A + "_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        files.addWithHeader(B + "_b", "-- parents: " + A + "\n-- transactional: false", "CREATE INDEX ix_a ON a (id);",
                "DROP INDEX ix_a;");

        Squasher.Result result = migrator(db).squash(new Squasher.Options(null, "head", null, false), false, Map.of());

        assertThat(Files.readString(result.file())).doesNotContain("transactional");
        assertThat(migrator(db).load().find(result.file().getFileName().toString().substring(0, 14)).orElseThrow()
                .transactional()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void marksTheSquashNonTransactionalWhenOneOfItsOwnStatementsCannotRunInATransaction() throws IOException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles files = RevisionFiles.in(dir);
            files.add(A + "_a", "base", "CREATE TYPE mood AS ENUM ('calm');\nCREATE TABLE a (id INT, m mood);",
                    "DROP TABLE a;\nDROP TYPE mood;");
            files.addWithHeader(B + "_b", "-- parents: " + A + "\n-- transactional: false",
                    "ALTER TYPE mood ADD VALUE 'glad';", "");
            files.add(C + "_c", B, "INSERT INTO a (id, m) VALUES (1, 'glad');", "DELETE FROM a;");

            Squasher.Result result = migrator(db).squash(new Squasher.Options(A, C, null, true), false, Map.of());

            assertThat(Files.readString(result.file())).contains("-- transactional: false\n").contains("ADD VALUE");
        }
    }

    @OnBothDatabases
    void refusesARangeItCannotProveAndWritesItWithTodosWhenForced(BothDatabases.Lazy lazy) throws IOException {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(A + "_a", "base", "CREATE TABLE a (id INT, old_name VARCHAR(20));", "DROP TABLE a;");
        files.add(B + "_b", A, "INSERT INTO a (id, old_name) VALUES (1, 'x');", "DELETE FROM a;");
        files.add(C + "_c", B, "ALTER TABLE a RENAME COLUMN old_name TO new_name;",
                "ALTER TABLE a RENAME COLUMN new_name TO old_name;");

        assertThatThrownBy(() -> migrator(db).squash(new Squasher.Options(null, C, null, false), false, Map.of()))
                .isInstanceOf(SquashException.class)
                .hasMessageContaining("is not proven, so no file was written")
                .hasMessageContaining("the squash's upgrade fails: INSERT INTO a (id, old_name)")
                .hasMessageContaining("-Dmigrate.squash.force=true");
        try (Stream<Path> all = Files.list(dir)) {
            assertThat(all).hasSize(3);
        }

        Squasher.Result forced = migrator(db).squash(new Squasher.Options(null, C, null, true), false, Map.of());

        assertThat(forced.warnings()).isNotEmpty();
        assertThat(Files.readString(forced.file())).contains("-- TODO the squash's upgrade fails");
    }

    @OnBothDatabases
    void prunesOnlyOnceTheDatabaseHasPassedTheRange(BothDatabases.Lazy lazy) throws IOException {
        TestDatabase db = lazy.get();
        branchyHistoryWithData();
        migrator(db).upgrade(B);

        assertThatThrownBy(() -> migrator(db).squash(new Squasher.Options(null, M, null, false), true, Map.of()))
                .isInstanceOf(SquashException.class)
                .hasMessageContaining("has not passed " + M);
        try (Stream<Path> all = Files.list(dir)) {
            assertThat(all).hasSize(5);
        }

        migrator(db).upgrade("head");
        Squasher.Result result = migrator(db).squash(new Squasher.Options(null, M, null, false), true, Map.of());

        assertThat(dir.resolve(A + "_a.sql")).doesNotExist();
        assertThat(dir.resolve(M + "_m.sql")).doesNotExist();
        assertThat(result.file()).exists();
        assertThat(migrator(db).validate(true).pending()).isEmpty();
        assertThat(migrator(db).upgrade("head").plan().steps()).isEmpty();
        migrator(db).downgrade("base");
        assertThat(db.column("SELECT COUNT(*) FROM migrate_history")).containsExactly("0");
    }

    @OnBothDatabases
    void prunesOnlyOnceEveryDatabaseOfTheProjectHasPassedTheRange(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        branchyHistoryWithData();
        MigrateConfig config = new MigrateConfig(db.url(), null, null, null, dir, null);
        Map<String, MigrateConfig> tenants = new java.util.LinkedHashMap<>();
        for (String tenant : List.of("tenant_a", "tenant_b", "tenant_c")) {
            tenants.put(tenant, config.withSchema(tenant));
        }
        new Migrator(tenants.get("tenant_a"), new RecordingListener()).upgrade("head");
        new Migrator(tenants.get("tenant_b"), new RecordingListener()).upgrade(B);
        new Migrator(tenants.get("tenant_c"), new RecordingListener()).upgrade(M);

        assertThatThrownBy(() -> migrator(db).squash(new Squasher.Options(null, M, null, false), true, tenants))
                .isInstanceOf(SquashException.class)
                .hasMessageContaining("1 of the 3 databases tenant_b (at " + B + ") has not passed " + M);
        assertThat(dir.resolve(A + "_a.sql")).exists();
        assertThat(dir.resolve(M + "_m.sql")).exists();

        new Migrator(tenants.get("tenant_b"), new RecordingListener()).upgrade(M);
        migrator(db).squash(new Squasher.Options(null, M, null, false), true, tenants);

        assertThat(dir.resolve(A + "_a.sql")).doesNotExist();
        assertThat(dir.resolve(M + "_m.sql")).doesNotExist();
        for (MigrateConfig tenant : tenants.values()) {
            assertThat(new Migrator(tenant, new RecordingListener()).upgrade("head").after().pending()).isEmpty();
        }
    }

    @OnBothDatabases
    void comparesRowsWithoutTheColumnsWhoseDefaultsAreComputedWhenARowIsWritten(BothDatabases.Lazy lazy)
            throws IOException {
        TestDatabase db = lazy.get();
        String uuid = db.isPostgres() ? "gen_random_uuid()" : "RANDOM_UUID()";
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(A + "_a", "base", "CREATE TABLE users (id INT PRIMARY KEY, token UUID DEFAULT " + uuid
                + ", role VARCHAR(10) DEFAULT 'member');", "DROP TABLE users;");
        files.add(B + "_b", A, "INSERT INTO users (id) VALUES (1), (2);\nUPDATE users SET role = 'admin' WHERE id = 2;",
                "DELETE FROM users;");

        Squasher.Result result = migrator(db).squash(new Squasher.Options(null, "head", null, false), false, Map.of());

        assertThat(result.warnings()).isEmpty();
        assertThat(Files.readString(result.file())).contains("UPDATE users SET role = 'admin' WHERE id = 2");
        migrator(db).upgrade("head");
        assertThat(db.column("SELECT role FROM users ORDER BY id")).containsExactly("member", "admin");
    }

    void flowsWhoseSuccessColumnIsDroppedLater(String rowsBefore) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(A + "_a", "base", "CREATE TABLE flows (id INT PRIMARY KEY, success BOOLEAN, state VARCHAR(20));"
                + rowsBefore, "DROP TABLE flows;");
        files.add(B + "_b", A, "UPDATE flows SET state = 'passed' WHERE success IS TRUE;", "");
        files.add(C + "_c", B, "ALTER TABLE flows DROP COLUMN success;\nINSERT INTO flows (id, state) VALUES (2, 'new');",
                "DELETE FROM flows WHERE id = 2;\nALTER TABLE flows ADD COLUMN success BOOLEAN;");
    }

    @OnBothDatabases
    void leavesOutADataStatementOnADroppedColumnThatChangesNoRowOfANewDatabase(BothDatabases.Lazy lazy)
            throws IOException {
        TestDatabase db = lazy.get();
        flowsWhoseSuccessColumnIsDroppedLater("");

        Squasher.Result result = migrator(db).squash(new Squasher.Options(null, "head", null, false), false, Map.of());

        assertThat(result.warnings()).isEmpty();
        assertThat(Files.readString(result.file())).doesNotContain("UPDATE flows").contains("INSERT INTO flows");
        migrator(db).upgrade("head");
        assertThat(db.column("SELECT id || ':' || state FROM flows")).containsExactly("2:new");
    }

    @OnBothDatabases
    void refusesToLeaveOutADataStatementThatChangedRows(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        flowsWhoseSuccessColumnIsDroppedLater("\nINSERT INTO flows (id, success, state) VALUES (1, TRUE, 'new');");

        assertThatThrownBy(() -> migrator(db).squash(new Squasher.Options(null, "head", null, false), false, Map.of()))
                .isInstanceOf(SquashException.class).hasMessageContaining("the rows of flows differ");
    }

    /** A: tables flows (empty on a new database) and kinds (one row); B: an UPDATE on each, a DELETE on flows. */
    void updatesOnAnEmptyAndAFilledTable() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(A + "_a", "base", "CREATE TABLE flows (id INT PRIMARY KEY, ui VARCHAR(20));\n"
                + "CREATE TABLE kinds (id INT PRIMARY KEY, name VARCHAR(20));\n"
                + "INSERT INTO kinds (id, name) VALUES (1, 'password');", "DROP TABLE kinds;\nDROP TABLE flows;");
        files.add(B + "_b", A, "UPDATE flows SET ui = '{}';\nDELETE FROM flows WHERE ui IS NULL;\n"
                + "UPDATE kinds SET name = 'PASSWORD' WHERE id = 1;", "");
    }

    @OnBothDatabases
    void leavesOutFromBaseTheUpdatesAndDeletesThatChangeNoRowOfANewDatabase(BothDatabases.Lazy lazy)
            throws IOException {
        TestDatabase db = lazy.get();
        updatesOnAnEmptyAndAFilledTable();

        Squasher.Result result = migrator(db).squash(new Squasher.Options(null, "head", null, false), false, Map.of());

        assertThat(result.warnings()).isEmpty();
        assertThat(Files.readString(result.file())).doesNotContain("UPDATE flows").doesNotContain("DELETE FROM flows")
                .contains("UPDATE kinds SET name = 'PASSWORD'");
        migrator(db).upgrade("head");
        assertThat(db.column("SELECT name FROM kinds")).containsExactly("PASSWORD");
    }

    @OnBothDatabases
    void keepsTheUpdatesOfASquashFromARevisionWhoseDatabasesMayHoldRows(BothDatabases.Lazy lazy) throws IOException {
        TestDatabase db = lazy.get();
        updatesOnAnEmptyAndAFilledTable();
        RevisionFiles.in(dir).add(C + "_c", B, "UPDATE flows SET ui = '[]';", "");

        Squasher.Result result = migrator(db).squash(new Squasher.Options(A, "head", null, false), false, Map.of());

        assertThat(Files.readString(result.file())).contains("UPDATE flows SET ui = '{}'").contains(
                "UPDATE flows SET ui = '[]'");
    }

    /**
     * A: kinds (one row); from A, B: flows with a text column ui; C (beside B): an UPDATE of kinds;
     * M merges them and sets ui on the flows it has (none yet); D: ui becomes a number, a flow.
     */
    void flowsCreatedInTheRangeWhoseColumnChangesTypeAfterAnUpdate(TestDatabase db) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(A + "_a", "base", "CREATE TABLE kinds (id INT PRIMARY KEY, name VARCHAR(20));\n"
                + "INSERT INTO kinds (id, name) VALUES (1, 'password');", "DROP TABLE kinds;");
        files.add(B + "_b", A, "CREATE TABLE flows (id INT PRIMARY KEY, ui VARCHAR(20));", "DROP TABLE flows;");
        files.add(C + "_c", A, "UPDATE kinds SET name = 'PASSWORD' WHERE id = 1;", "");
        files.addWithHeader(M + "_m", "-- parents: " + B + ", " + C, "UPDATE flows SET ui = 'none' WHERE ui IS NULL;",
                "");
        files.add(D + "_d", M, (db.isPostgres() ? "ALTER TABLE flows ALTER COLUMN ui TYPE INT USING ui::int;\n"
                : "ALTER TABLE flows ALTER COLUMN ui SET DATA TYPE INT;\n") + "INSERT INTO flows (id, ui) VALUES (1, 7);",
                "DELETE FROM flows;\nALTER TABLE flows ALTER COLUMN ui " + (db.isPostgres() ? "TYPE" : "SET DATA TYPE")
                        + " VARCHAR(20);");
    }

    @OnBothDatabases
    void leavesOutFromARevisionAnUpdateOnATableTheRangeCreatesBeforeAnyRowIsWrittenToIt(BothDatabases.Lazy lazy)
            throws IOException {
        TestDatabase db = lazy.get();
        flowsCreatedInTheRangeWhoseColumnChangesTypeAfterAnUpdate(db);
        RecordingListener listener = new RecordingListener();

        Squasher.Result result = new Migrator(Configs.config(db.url(), dir), listener).squash(new Squasher.Options(A,
                "head", null, false), false, Map.of());

        assertThat(result.warnings()).isEmpty();
        assertThat(Files.readString(result.file())).doesNotContain("UPDATE flows")
                .contains("UPDATE kinds SET name = 'PASSWORD' WHERE id = 1").contains("INSERT INTO flows");
        assertThat(listener.events()).anyMatch(e -> e.contains("1 UPDATE or DELETE statement(s) on tables the range"
                + " creates, run before anything wrote a row to them, such as UPDATE flows SET ui = 'none'"));
        migrator(db).upgrade(A);
        db.execute("INSERT INTO kinds (id, name) VALUES (2, 'otp')");
        migrator(db).upgrade("head");
        assertThat(db.column("SELECT id || ':' || ui FROM flows")).containsExactly("1:7");
        assertThat(db.column("SELECT name FROM kinds ORDER BY id")).containsExactly("PASSWORD", "otp");
    }

    @OnBothDatabases
    void comparesAColumnTheChainFillsWithARandomValueByWhetherItHoldsOne(BothDatabases.Lazy lazy) throws IOException {
        TestDatabase db = lazy.get();
        String uuid = db.isPostgres() ? "gen_random_uuid()" : "RANDOM_UUID()";

        assertSquashComparesOnlyWhetherItHoldsAValue(db, "networks", "id", "CREATE TABLE networks (id UUID PRIMARY"
                + " KEY, name VARCHAR(10), parent UUID);\nINSERT INTO networks (id, name) VALUES (" + uuid
                + ", 'default');");
        assertThat(db.column("SELECT name FROM networks WHERE id IS NOT NULL AND parent IS NULL"))
                .containsExactly("default");
    }

    @OnBothDatabases
    void comparesAColumnTheChainFillsWithTheTimeByWhetherItHoldsOne(BothDatabases.Lazy lazy) throws IOException {
        TestDatabase db = lazy.get();
        String now = db.isPostgres() ? "clock_timestamp()" : "CURRENT_TIMESTAMP";

        assertSquashComparesOnlyWhetherItHoldsAValue(db, "events", "created", "CREATE TABLE events (id INT PRIMARY"
                + " KEY, created TIMESTAMP);\nINSERT INTO events (id, created) VALUES (1, " + now + ");");
        assertThat(db.column("SELECT id FROM events WHERE created IS NOT NULL")).containsExactly("1");
    }

    /**
     * Squashes one revision that makes {@code table} and writes a row whose {@code column} differs
     * from run to run: the rows differ at first, so the squash runs the chain again, finds the
     * column varying and proves the squash by whether it holds a value; then runs the squash on db.
     */
    void assertSquashComparesOnlyWhetherItHoldsAValue(TestDatabase db, String table, String column, String upgrade)
            throws IOException {
        RevisionFiles.in(dir).add(A + "_a", "base", upgrade, "DROP TABLE " + table + ";");
        RecordingListener listener = new RecordingListener();

        Squasher.Result result = new Migrator(Configs.config(db.url(), dir), listener).squash(new Squasher.Options(null,
                "head", null, false), false, Map.of());

        assertThat(result.warnings()).isEmpty();
        assertThat(listener.events()).anyMatch(e -> e.contains("the rows of " + table + " are compared with only"
                + " whether " + column + " hold a value: two runs of the chain write different values there"));
        migrator(db).upgrade("head");
    }

    @OnBothDatabases
    void stillRefusesASquashWhoseRowsDifferInAColumnTheChainWritesTheSameEveryRun(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        String uuid = db.isPostgres() ? "gen_random_uuid()" : "RANDOM_UUID()";
        RevisionFiles files = RevisionFiles.in(dir);
        // the squash makes the table with the later default, so its INSERT writes name y where the chain wrote x
        files.add(A + "_a", "base", "CREATE TABLE networks (id UUID PRIMARY KEY, name VARCHAR(10) DEFAULT 'x');\n"
                + "INSERT INTO networks (id) VALUES (" + uuid + ");", "DROP TABLE networks;");
        files.add(B + "_b", A, "ALTER TABLE networks ALTER COLUMN name SET DEFAULT 'y';", "");

        assertThatThrownBy(() -> migrator(db).squash(new Squasher.Options(null, "head", null, false), false, Map.of()))
                .isInstanceOf(SquashException.class).hasMessageContaining("the rows of networks differ");
    }

    @OnBothDatabases
    void writesForeignKeysInsideTheCreateTableOfTheTablesItCreates(BothDatabases.Lazy lazy) throws IOException {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        // zeta is created first and references alpha, created later: the squash creates alpha first
        files.add(A + "_a", "base", "CREATE TABLE zeta (id INT PRIMARY KEY, alpha_id INT);", "DROP TABLE zeta;");
        files.add(B + "_b", A, "CREATE TABLE alpha (id INT PRIMARY KEY, zeta_id INT);\n"
                + "ALTER TABLE zeta ADD CONSTRAINT zeta_alpha_fk FOREIGN KEY (alpha_id) REFERENCES alpha (id);",
                "ALTER TABLE zeta DROP CONSTRAINT zeta_alpha_fk;\nDROP TABLE alpha;");
        // a circle: alpha references zeta back, which stays an ALTER TABLE
        files.add(C + "_c", B, "ALTER TABLE alpha ADD CONSTRAINT alpha_zeta_fk FOREIGN KEY (zeta_id) REFERENCES zeta (id);",
                "ALTER TABLE alpha DROP CONSTRAINT alpha_zeta_fk;");

        Squasher.Result result = migrator(db).squash(new Squasher.Options(null, "head", null, false), false, Map.of());

        String upgrade = Files.readString(result.file()).split("(?m)^-- downgrade")[0];
        assertThat(result.warnings()).isEmpty();
        assertThat(upgrade.split("ALTER TABLE", -1)).hasSize(2);
        assertThat(upgrade.indexOf("CREATE TABLE alpha")).isLessThan(upgrade.indexOf("CREATE TABLE zeta"));
        migrator(db).upgrade("head");
        assertThatThrownBy(() -> db.execute("INSERT INTO zeta (id, alpha_id) VALUES (1, 9)")).isNotNull();
    }

    @org.junit.jupiter.api.Test
    void createsAUniqueIndexBeforeTheForeignKeyThatReferencesItsColumns() throws IOException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles files = RevisionFiles.in(dir);
            // as ory/hydra's flows: the referenced column is unique through an index, not a constraint
            files.add(A + "_a", "base", "CREATE TABLE flow (id INT PRIMARY KEY, challenge VARCHAR(40));\n"
                    + "CREATE UNIQUE INDEX flow_challenge_idx ON flow (challenge);", "DROP TABLE flow;");
            files.add(B + "_b", A, "CREATE TABLE code (id INT PRIMARY KEY, challenge VARCHAR(40));\n"
                    + "ALTER TABLE code ADD CONSTRAINT code_challenge_fk FOREIGN KEY (challenge) REFERENCES flow"
                    + " (challenge);", "DROP TABLE code;");

            Squasher.Result result = migrator(db).squash(new Squasher.Options(null, "head", null, false), false,
                    Map.of());

            String upgrade = Files.readString(result.file()).split("(?m)^-- downgrade")[0];
            assertThat(result.warnings()).isEmpty();
            assertThat(upgrade.indexOf("CREATE UNIQUE INDEX flow_challenge_idx")).isGreaterThan(0)
                    .isLessThan(upgrade.indexOf("code_challenge_fk"));
        }
    }

    @org.junit.jupiter.api.Test
    void createsASqlFunctionThatAColumnDefaultCallsBeforeTheTable() throws IOException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles files = RevisionFiles.in(dir);
            // as LemmyNet/lemmy's generate_unique_changeme(): a SQL function on a sequence, a default calls it
            files.add(A + "_a", "base", "CREATE SEQUENCE changeme_seq;\n"
                    + "CREATE FUNCTION unique_changeme() RETURNS text LANGUAGE sql AS $$ SELECT 'changeme/' ||"
                    + " nextval('changeme_seq')::text $$;", "DROP FUNCTION unique_changeme();\nDROP SEQUENCE changeme_seq;");
            files.add(B + "_b", A, "CREATE TABLE person (id INT PRIMARY KEY, ap_id TEXT NOT NULL DEFAULT"
                    + " unique_changeme());", "DROP TABLE person;");

            Squasher.Result result = migrator(db).squash(new Squasher.Options(null, "head", null, false), false,
                    Map.of());

            String[] sections = Files.readString(result.file()).split("(?m)^-- downgrade");
            assertThat(result.warnings()).isEmpty();
            assertThat(sections[0].indexOf("CREATE OR REPLACE FUNCTION")).isGreaterThan(0)
                    .isLessThan(sections[0].indexOf("CREATE TABLE person"));
            assertThat(sections[1].indexOf("DROP TABLE person")).isGreaterThan(0)
                    .isLessThan(sections[1].indexOf("DROP FUNCTION"));
            migrator(db).upgrade("head");
            db.execute("INSERT INTO person (id) VALUES (1)");
            assertThat(db.column("SELECT ap_id FROM person")).containsExactly("changeme/1");
        }
    }

    @org.junit.jupiter.api.Test
    void leavesOutTheWritesToTheDatabasesOwnCatalogAndComparesNoRowsOfIt() throws IOException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles files = RevisionFiles.in(dir);
            // as LemmyNet/lemmy's bulk updates: the table's indexes switched off in pg_index, and on again
            files.add(A + "_a", "base", "CREATE TABLE post (id INT PRIMARY KEY, score INT);\n"
                    + "INSERT INTO post (id, score) VALUES (1, 0);", "DROP TABLE post;");
            files.add(B + "_b", A, "UPDATE pg_index SET indisready = FALSE WHERE indrelid = 'post'::regclass;\n"
                    + "UPDATE post SET score = 5;\n"
                    + "UPDATE pg_catalog.pg_index SET indisready = TRUE WHERE indrelid = 'post'::regclass;", "");

            RecordingListener listener = new RecordingListener();
            Squasher.Result result = squashToHead(db, listener);

            String upgrade = Files.readString(result.file()).split("(?m)^-- downgrade")[0];
            assertThat(result.warnings()).isEmpty();
            assertThat(upgrade).doesNotContain("pg_index").contains("UPDATE post SET score = 5");
            assertThat(listener.events()).anyMatch(line -> line.contains("2 statement(s) that write the database's"
                    + " own catalog"));
            migrator(db).upgrade("head");
            assertThat(db.column("SELECT id || ':' || score FROM post")).containsExactly("1:5");
        }
    }

    @OnBothDatabases
    void keepsTheDataOfAUserTableWhoseNameBeginsAsTheCatalogsDo(BothDatabases.Lazy lazy) throws IOException {
        assertSquashKeepsTheDataOf(lazy.get(), "pg_things");
    }

    @org.junit.jupiter.api.Test
    void keepsTheDataOfAUserTableNamedAsOneOfMariaDbsSystemViews() throws IOException {
        // information_schema.PLUGINS, which the driver lists as a SYSTEM VIEW
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.MARIADB)) {
            assertSquashKeepsTheDataOf(db, "plugins");
        }
    }

    @org.junit.jupiter.api.Test
    void carriesAnUpdateOnlyWithACommentBeforeOnlyIntoTheSquashAndProvesIt() throws IOException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            assertSquashCarriesTheFixOfReferenceData(db,
                    "UPDATE /* fix */ ONLY kinds SET name = 'PASSWORD' WHERE id = 1");
        }
    }

    @org.junit.jupiter.api.Test
    void carriesAnUpdateIgnoreOfABacktickNameIntoTheSquashAndProvesIt() throws IOException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.MARIADB)) {
            assertSquashCarriesTheFixOfReferenceData(db, "UPDATE IGNORE `kinds` SET name = 'PASSWORD' WHERE id = 1");
        }
    }

    /**
     * A squash from base of a revision that fills the reference table kinds and one that fixes its
     * row with {@code fix} carries the fix, proven: a new database upgraded with it holds the fixed row.
     */
    void assertSquashCarriesTheFixOfReferenceData(TestDatabase db, String fix) throws IOException {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(A + "_a", "base", "CREATE TABLE kinds (id INT PRIMARY KEY, name VARCHAR(20));\n"
                + "INSERT INTO kinds (id, name) VALUES (1, 'password');", "DROP TABLE kinds;");
        files.add(B + "_b", A, fix + ";", "");

        Squasher.Result result = squashToHead(db, new RecordingListener());

        assertThat(result.warnings()).isEmpty();
        assertThat(Files.readString(result.file()).split("(?m)^-- downgrade")[0]).contains(fix + ";");
        migrator(db).upgrade("head");
        assertThat(db.column("SELECT name FROM kinds")).containsExactly("PASSWORD");
    }

    /**
     * A squash of two revisions that write rows to the user's table {@code table} keeps their
     * statements, and a new database upgraded with it holds the rows the chain left.
     */
    void assertSquashKeepsTheDataOf(TestDatabase db, String table) throws IOException {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(A + "_a", "base", "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(20));\n"
                + "INSERT INTO " + table + " (id, name) VALUES (1, 'one');", "DROP TABLE " + table + ";");
        files.add(B + "_b", A, "UPDATE " + table + " SET name = 'uno' WHERE id = 1;\n"
                + "INSERT INTO " + table + " (id, name) VALUES (2, 'two');", "DELETE FROM " + table + " WHERE id = 2;");

        RecordingListener listener = new RecordingListener();
        Squasher.Result result = squashToHead(db, listener);

        String upgrade = Files.readString(result.file()).split("(?m)^-- downgrade")[0];
        assertThat(result.warnings()).isEmpty();
        assertThat(upgrade).contains("INSERT INTO " + table + " (id, name) VALUES (1, 'one');")
                .contains("INSERT INTO " + table + " (id, name) VALUES (2, 'two');");
        assertThat(listener.events()).noneMatch(line -> line.contains("own catalog"));
        migrator(db).upgrade("head");
        assertThat(db.column("SELECT CONCAT(id, ':', name) FROM " + table + " ORDER BY id"))
                .containsExactly("1:uno", "2:two");
    }

    @org.junit.jupiter.api.Test
    void keepsTheExtendedStatisticsTheRangeCreatesAndDropsThemFirstOnTheWayDown() throws IOException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles files = RevisionFiles.in(dir);
            // as LemmyNet/lemmy's statistics on post (community_id, creator_id)
            files.add(A + "_a", "base", "CREATE TABLE post (id INT PRIMARY KEY, community_id INT, creator_id INT);",
                    "DROP TABLE post;");
            files.add(B + "_b", A, "CREATE STATISTICS post_by (ndistinct, dependencies) ON community_id, creator_id"
                    + " FROM post;", "DROP STATISTICS post_by;");

            Squasher.Result result = migrator(db).squash(new Squasher.Options(null, "head", null, false), false,
                    Map.of());

            String[] sections = Files.readString(result.file()).split("(?m)^-- downgrade");
            assertThat(result.warnings()).isEmpty();
            assertThat(sections[0].indexOf("CREATE STATISTICS public.post_by (ndistinct, dependencies) ON community_id,"
                    + " creator_id FROM post")).isGreaterThan(sections[0].indexOf("CREATE TABLE post"));
            migrator(db).upgrade("head");
            assertThat(db.column("SELECT stxname FROM pg_statistic_ext")).containsExactly("post_by");
        }
    }
}
