package dev.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.schema.SnapshotDiff;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A unique key that a foreign key references, replaced while the foreign key stays: PostgreSQL
 * refuses to drop the index the key depends on ("constraint ... depends on it"), and H2 the unique
 * constraint a key references. The revision drops the foreign key first and adds it again once the
 * new key exists, both ways, and writes each foreign key once per section even when it changes too.
 * Each row: the head schema, the desired schema.
 */
class ReferencedKeysTest {

    private static final String CHILD = "CREATE TABLE c (id int PRIMARY KEY, p_code int, p_id int);";

    private static final KindFixture.SharedPostgres POSTGRES = new KindFixture.SharedPostgres();

    @ParameterizedTest(name = "PostgreSQL: {0}")
    @CsvSource(delimiter = '|', textBlock = """
        unique index columns reordered | CREATE TABLE p (id int PRIMARY KEY, a int, b int); CREATE UNIQUE INDEX ux ON p (a, b); CREATE TABLE c (x int, y int, CONSTRAINT fk FOREIGN KEY (x, y) REFERENCES p (a, b)); | CREATE TABLE p (id int PRIMARY KEY, a int, b int); CREATE UNIQUE INDEX ux ON p (b, a); CREATE TABLE c (x int, y int, CONSTRAINT fk FOREIGN KEY (x, y) REFERENCES p (a, b));
        unique index gains included column | CREATE TABLE p (id int PRIMARY KEY, code int, n int); CREATE UNIQUE INDEX ux ON p (code); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_code) REFERENCES p (code); | CREATE TABLE p (id int PRIMARY KEY, code int, n int); CREATE UNIQUE INDEX ux ON p (code) INCLUDE (n); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_code) REFERENCES p (code);
        unique constraint renamed | CREATE TABLE p (id int PRIMARY KEY, code int, CONSTRAINT uq_a UNIQUE (code)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_code) REFERENCES p (code); | CREATE TABLE p (id int PRIMARY KEY, code int, CONSTRAINT uq_code UNIQUE (code)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_code) REFERENCES p (code);
        primary key renamed | CREATE TABLE p (id int, code int, CONSTRAINT p_pkey PRIMARY KEY (id)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id); | CREATE TABLE p (id int, code int, CONSTRAINT pk_p PRIMARY KEY (id)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id);
        primary key moved to other columns | CREATE TABLE p (id int, code int NOT NULL, CONSTRAINT p_pkey PRIMARY KEY (id)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id); | CREATE TABLE p (id int NOT NULL, code int, CONSTRAINT p_pkey PRIMARY KEY (code), CONSTRAINT uq_id UNIQUE (id)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id);
        foreign key changes too | CREATE TABLE p (id int, code int, CONSTRAINT p_pkey PRIMARY KEY (id)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id); | CREATE TABLE p (id int, code int, CONSTRAINT pk_p PRIMARY KEY (id)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE;
        """)
    void postgres(String name, String before, String after, @TempDir Path work) throws Exception {
        check(KindFixture.run(POSTGRES.emptied(), expand(before), expand(after), work));
    }

    @ParameterizedTest(name = "H2: {0}")
    @CsvSource(delimiter = '|', textBlock = """
        unique constraint columns reordered | CREATE TABLE p (id int PRIMARY KEY, a int, b int, CONSTRAINT uq UNIQUE (a, b)); CREATE TABLE c (x int, y int, CONSTRAINT fk FOREIGN KEY (x, y) REFERENCES p (a, b)); | CREATE TABLE p (id int PRIMARY KEY, a int, b int, CONSTRAINT uq UNIQUE (b, a)); CREATE TABLE c (x int, y int, CONSTRAINT fk FOREIGN KEY (x, y) REFERENCES p (a, b));
        unique constraint renamed | CREATE TABLE p (id int PRIMARY KEY, code int, CONSTRAINT uq_a UNIQUE (code)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_code) REFERENCES p (code); | CREATE TABLE p (id int PRIMARY KEY, code int, CONSTRAINT uq_code UNIQUE (code)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_code) REFERENCES p (code);
        primary key renamed | CREATE TABLE p (id int, code int, CONSTRAINT pk_a PRIMARY KEY (id)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id); | CREATE TABLE p (id int, code int, CONSTRAINT pk_p PRIMARY KEY (id)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id);
        primary key moved to other columns | CREATE TABLE p (id int, code int NOT NULL, CONSTRAINT pk_p PRIMARY KEY (id)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id); | CREATE TABLE p (id int NOT NULL, code int, CONSTRAINT pk_p PRIMARY KEY (code), CONSTRAINT uq_id UNIQUE (id)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id);
        foreign key changes too | CREATE TABLE p (id int, code int, CONSTRAINT pk_a PRIMARY KEY (id)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id); | CREATE TABLE p (id int, code int, CONSTRAINT pk_p PRIMARY KEY (id)); %C ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE;
        """)
    void h2(String name, String before, String after, @TempDir Path work) throws Exception {
        check(KindFixture.run(TestDatabase.Kind.H2, expand(before), expand(after), work));
    }

    @AfterAll
    static void dropPostgres() {
        POSTGRES.close();
    }

    private static void check(KindFixture.Outcome outcome) {
        assertThat(outcome.result().changes().todos()).isEmpty();
        assertThat(SnapshotDiff.between(outcome.wanted(), outcome.upgraded())).isEmpty();
        assertThat(SnapshotDiff.between(outcome.head(), outcome.downgraded())).isEmpty();
        SchemaChanges changes = outcome.result().changes();
        for (String section : new String[] {changes.upgradeText(), changes.downgradeText()}) {
            assertThat(matches(section, "ADD CONSTRAINT \"?fk\"? FOREIGN KEY")).as(section).isEqualTo(1);
            assertThat(matches(section, "DROP CONSTRAINT \"?fk\"?\\b")).as(section).isEqualTo(1);
        }
    }

    private static String expand(String sql) {
        return sql.replace("%C", CHILD);
    }

    private static long matches(String text, String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text).results().count();
    }
}
