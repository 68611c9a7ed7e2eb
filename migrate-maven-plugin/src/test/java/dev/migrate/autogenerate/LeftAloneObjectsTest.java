package dev.migrate.autogenerate;

import dev.migrate.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects autogenerate and check leave alone: those {@code migrate.ignore} names, and, when the
 * desired schema is the entities', the revisions' views, functions and triggers. Each test first
 * shows that without the filter the object would be dropped.
 */
class LeftAloneObjectsTest {

    @TempDir
    Path work;
    TestDatabase db;
    Migrator migrator;
    Path desired;

    @BeforeEach
    void headWithATableTheDesiredSchemaLacksAndAView() throws Exception {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        RevisionFiles.in(work.resolve("migrations")).add("20260101000000_head", "base", """
                CREATE TABLE author (id bigint PRIMARY KEY, name varchar(255));
                CREATE TABLE legacy_audit (id bigint PRIMARY KEY, note text);
                CREATE INDEX ix_legacy_audit_note ON legacy_audit (note);
                CREATE VIEW author_names AS SELECT name FROM author;
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TRIGGER author_touch BEFORE UPDATE ON author FOR EACH ROW EXECUTE FUNCTION touch();
                """, """
                DROP TRIGGER author_touch ON author; DROP FUNCTION touch(); DROP VIEW author_names;
                DROP TABLE legacy_audit; DROP TABLE author;
                """);
        desired = Files.createDirectories(work.resolve("schema"));
        // what Hibernate would write for the one entity: the table and nothing else
        Files.writeString(desired.resolve("entities.sql"),
                "create table author (id bigint not null, name varchar(255), primary key (id));");
        migrator = new Migrator(Configs.config(db.url(), work.resolve("migrations")),
                MigrationListener.SILENT);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private String generated(SnapshotFilter filter) throws Exception {
        AutogenerateResult result = migrator.autogenerate(new AutogenerateOptions(desired.toString(), "x", filter));
        if (result.file() == null) {
            return "";
        }
        String text = Files.readString(result.file());
        Files.delete(result.file());
        return text;
    }

    private List<String> drift(SnapshotFilter filter) {
        return migrator.check(new CheckOptions(desired.toString(), null, filter)).errors().stream()
                .map(CheckResult.Finding::message).toList();
    }

    @Test
    void withoutAFilterTheViewTriggerFunctionAndTableWouldBeDropped() throws Exception {
        assertThat(generated(SnapshotFilter.NONE)).contains("DROP VIEW author_names").contains("DROP FUNCTION touch()")
                .contains("DROP TRIGGER author_touch").contains("DROP TABLE legacy_audit");
        assertThat(drift(SnapshotFilter.NONE)).hasSize(4);
    }

    @Test
    void entitiesLeaveTheRevisionsViewsFunctionsAndTriggersAlone() throws Exception {
        SnapshotFilter entities = new SnapshotFilter(true, List.of());

        String revision = generated(entities);

        assertThat(revision).contains("DROP TABLE legacy_audit").doesNotContain("author_names")
                .doesNotContain("touch");
        assertThat(drift(entities)).containsExactly("table legacy_audit is made by the revisions but not in the desired"
                + " schema");
    }

    @Test
    void ignoredPatternsLeaveATableWithItsIndexAloneInBothGoals() throws Exception {
        SnapshotFilter ignoring = new SnapshotFilter(true, SnapshotFilter.patterns(" LEGACY_* "));

        assertThat(generated(ignoring)).isEmpty();
        assertThat(drift(ignoring)).isEmpty();
    }
}
