package dev.migrate.database.mysql;

import static dev.migrate.testing.Ids.R1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.testing.Configs;
import dev.migrate.testing.FreshMariaDb;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A unique key of a table that another table's foreign key references, replaced while the foreign
 * key stays: MariaDB refuses to drop an index a foreign key needs ("needed in a foreign key
 * constraint") unless another one serves it when the statement ends. The revision swaps the keys in
 * one statement, so that the foreign key moves to the new one and is left alone (written once per
 * section only where it changes itself), reaches the desired schema and comes back.
 */
class MariaDbReferencedKeysTest {

    @TempDir
    Path dir;

    @FreshMariaDb.Each
    TestDatabase live;
    @FreshMariaDb.Each
    TestDatabase desired;

    private static final String CHILD = "CREATE TABLE c (id INT NOT NULL PRIMARY KEY, p_ref INT,"
            + " CONSTRAINT fk FOREIGN KEY (p_ref) REFERENCES p (%s)%s)";

    /**
     * Each row: the parent table the revision makes, the one wanted, the referenced column, the key's
     * rule wanted, and how often each section adds the foreign key.
     */
    static Stream<Arguments> replacedKeys() {
        String keyOnId = "CREATE TABLE p (id INT NOT NULL, code INT NOT NULL, PRIMARY KEY (id))";
        String keyOnCode = "CREATE TABLE p (id INT NOT NULL, code INT NOT NULL, PRIMARY KEY (code),"
                + " UNIQUE KEY uq_id (id))";
        return Stream.of(Arguments.of("unique index widened",
                "CREATE TABLE p (id INT NOT NULL PRIMARY KEY, code INT, n INT, UNIQUE KEY ux (code))",
                "CREATE TABLE p (id INT NOT NULL PRIMARY KEY, code INT, n INT, UNIQUE KEY ux (code, n))",
                "code", "", 0),
                Arguments.of("plain index widened",
                        "CREATE TABLE p (id INT NOT NULL PRIMARY KEY, code INT, n INT, KEY ix (code))",
                        "CREATE TABLE p (id INT NOT NULL PRIMARY KEY, code INT, n INT, KEY ix_n (code, n))",
                        "code", "", 0),
                Arguments.of("unique constraint renamed",
                        "CREATE TABLE p (id INT NOT NULL PRIMARY KEY, code INT, CONSTRAINT uq_a UNIQUE (code))",
                        "CREATE TABLE p (id INT NOT NULL PRIMARY KEY, code INT, CONSTRAINT uq_code UNIQUE (code))",
                        "code", "", 0),
                Arguments.of("primary key widened", keyOnId,
                        "CREATE TABLE p (id INT NOT NULL, code INT NOT NULL, PRIMARY KEY (id, code))", "id", "", 0),
                Arguments.of("primary key moved to other columns", keyOnId, keyOnCode, "id", "", 0),
                Arguments.of("foreign key changed too", keyOnId, keyOnCode, "id", " ON DELETE CASCADE", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replacedKeys")
    void referencedKeyIsReplacedBothWays(String name, String parent, String wantedParent, String column,
            String wantedRule, int foreignKeyStatements) throws Exception {
        String child = String.format(CHILD, column, "");
        RevisionFiles.in(dir).add(R1 + "_create", "base", parent + ";\n" + child + ";", "DROP TABLE c;\nDROP TABLE p;");
        Migrator migrator = new Migrator(Configs.config(live.url(), dir), new RecordingListener());
        migrator.upgrade("head");
        SchemaSnapshot before = MariaDbAutogenerateTest.snapshot(live);
        desired.execute(wantedParent);
        desired.execute(String.format(CHILD, column, wantedRule));

        AutogenerateResult result = migrator.autogenerate(new AutogenerateOptions(desired.url(), "replace key"));

        String revision = Files.readString(result.file());
        assertThat(revision).doesNotContain("TODO");
        if (Boolean.getBoolean("kinds.print")) {
            System.out.println("[kinds] " + revision);
        }
        for (String section : revision.split("-- downgrade")) {
            assertThat(matches(section, "ADD CONSTRAINT fk FOREIGN KEY")).as(section).isEqualTo(foreignKeyStatements);
            assertThat(matches(section, "DROP (CONSTRAINT|FOREIGN KEY) fk\\b")).as(section)
                    .isEqualTo(foreignKeyStatements);
        }
        migrator.upgrade("head");
        assertThat(MariaDbAutogenerateTest.snapshot(live)).isEqualTo(MariaDbAutogenerateTest.snapshot(desired));
        migrator.downgrade("-1");
        assertThat(MariaDbAutogenerateTest.snapshot(live)).isEqualTo(before);
    }

    private static long matches(String text, String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text).results().count();
    }
}
