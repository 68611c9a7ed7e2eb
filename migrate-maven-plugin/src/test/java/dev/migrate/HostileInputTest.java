package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.InvalidIdentifierException;
import dev.migrate.revision.InvalidRevisionsException;
import dev.migrate.testing.PostgresServer;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.ScanProcess;
import dev.migrate.testing.TestDatabase;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken and hostile input gets a clear error naming file and line, and leaves the (real
 * PostgreSQL) database exactly as it was.
 */
class HostileInputTest {

    static final String GOOD = "20260101000000_create_a";
    static final String BAD = "20260102000000_broken";

    @TempDir
    Path dir;

    TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    Migrator migrator(String schema, String table) {
        return new Migrator(new MigrateConfig(db.url(), null, null, schema, dir, table), new RecordingListener());
    }

    static Stream<Arguments> brokenFiles() {
        byte[] latin1 = ("-- parents: " + GOOD.substring(0, 14) + "\n-- upgrade\nINSERT INTO a VALUES ('caf\u00e9');\n"
                + "-- downgrade\nDELETE FROM a;\n").getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                Arguments.of("an empty file", new byte[0], 0, "the file is empty"),
                Arguments.of("a file with only a header",
                        ("-- parents: " + GOOD.substring(0, 14) + "\n-- message: half written\n").getBytes(StandardCharsets.UTF_8),
                        2, "no '-- upgrade' marker"),
                Arguments.of("bytes that are not UTF-8", latin1, 3, "UTF-8"),
                Arguments.of("a dollar quote left open at the end", ("-- parents: " + GOOD.substring(0, 14)
                        + "\n-- upgrade\nCREATE FUNCTION f() RETURNS int AS $body$\nSELECT 1;\n-- downgrade\n"
                        + "DROP FUNCTION f();\n").getBytes(StandardCharsets.UTF_8), 3, "dollar-quoted string $body$"),
                Arguments.of("a block comment left open at the end", ("-- parents: " + GOOD.substring(0, 14)
                        + "\n-- upgrade\nCREATE TABLE b (id INT);\n-- downgrade\nDROP TABLE b;\n/* to do: tidy up\n")
                        .getBytes(StandardCharsets.UTF_8), 6, "block comment"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void brokenFileIsRefusedWithFileAndLineAndTheDatabaseUntouched(String what, byte[] content, int line,
            String message) throws Exception {
        RevisionFiles.in(dir).add(GOOD, "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        Path bad = dir.resolve(BAD + ".sql");
        Files.write(bad, content);

        assertThatThrownBy(() -> migrator(null, null).upgrade("head"))
                .isInstanceOf(InvalidRevisionsException.class)
                .hasMessageContaining(line > 0 ? bad + ":" + line + ":" : bad + ":")
                .hasMessageContaining(message);
        assertThat(db.tables()).isEmpty();
    }

    @Test
    void fiftyMegabyteFileSplitsInBoundedMemory() throws Exception {
        Path big = dir.resolve("20260101000000_big.sql");
        long statements = 0;
        try (BufferedWriter out = Files.newBufferedWriter(big)) {
            out.write("-- parents: base\n-- message: big\n\n-- upgrade\n");
            long written = 0;
            while (written < 50L * 1024 * 1024) {
                String line = "INSERT INTO t (id, note) VALUES (" + statements
                        + ", 'semi;colon ''quoted'' text padded out to make the line longer than most');\n";
                out.write(line);
                written += line.length();
                statements++;
            }
            out.write("\n-- downgrade\nDELETE FROM t;\n");
        }

        // about 8 bytes of heap per byte of file: the text, its sections and one string per statement
        assertThat(ScanProcess.run(dir, 512)).isEqualTo("problems=0 revisions=1 statements=" + statements);
    }

    @Test
    void historyTableAndSchemaNamesMustBePlainIdentifiers() {
        RevisionFiles.in(dir).add(GOOD, "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");

        assertThatThrownBy(() -> migrator(null, "migrate_history; DROP TABLE a"))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("migrate.table");
        assertThatThrownBy(() -> migrator("public\"; DROP SCHEMA public CASCADE; --", null))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("migrate.schema");
        assertThat(db.tables()).isEmpty();
    }

    @Test
    void userWithoutTheNeededRightsGetsAClearErrorAndNothingChanges() {
        RevisionFiles.in(dir).add(GOOD, "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        String role = "migrate_noright_" + Long.toHexString(System.nanoTime());
        PostgresServer.execute("CREATE ROLE " + role + " LOGIN");
        try {
            // PostgreSQL 15: only the owner of schema public may create in it
            String url = db.url() + (db.url().contains("?") ? "&" : "?") + "user=" + role;
            Migrator unprivileged = new Migrator(new MigrateConfig(url.replace("user=postgres&", ""), role, null, null,
                    dir, null), new RecordingListener());

            assertThatThrownBy(() -> unprivileged.upgrade("head"))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("permission denied")
                    .hasMessageContaining("check the user's rights");
            assertThat(db.tables()).isEmpty();
        } finally {
            PostgresServer.execute("DROP ROLE " + role);
        }
    }
}
