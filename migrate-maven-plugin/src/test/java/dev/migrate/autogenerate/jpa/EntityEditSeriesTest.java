package dev.migrate.autogenerate.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.CheckOptions;
import dev.migrate.autogenerate.SnapshotFilter;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop a team runs: edit an entity, autogenerate, upgrade. Each edit gives one revision with
 * exactly that change; after each upgrade Hibernate validates the database and check is clean; each
 * revision's downgrade returns the database to the revision before.
 */
class EntityEditSeriesTest {

    @TempDir
    Path work;
    String url;

    private static String author(String fields) {
        return """
                package shop;
                import jakarta.persistence.*;
                @Entity
                public class Author {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                    String name;
                %s
                }
                """.formatted(fields);
    }

    private static final String BOOK = """
            package shop;
            import jakarta.persistence.*;
            @Entity
            public class Book {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                @ManyToOne Author author;
            }
            """;

    @OnBothDatabases
    void eachEntityEditGivesOneRevisionWithExactlyThatChange(BothDatabases.Lazy lazy) throws Exception {
        url = EntitiesAsDesiredSchemaTest.url(lazy.get(), work);
        Migrator migrator = EntitiesAsDesiredSchemaTest.migrator(url, work);
        JpaProject project = new JpaProject(work.resolve("project"));

        step(migrator, project.put("shop/Author.java", author("")), "new entity", "create table author");
        step(migrator, project.put("shop/Author.java", author("    String bio;")), "new field",
                "alter table author add column bio");
        step(migrator, project.put("shop/Author.java", author("    @Column(nullable = false) String bio;")),
                "field made non-null", "alter table author alter column bio set not null");
        step(migrator, project.put("shop/Book.java", BOOK), "new relation", "create table book",
                "alter table book add constraint");
        step(migrator, project.put("shop/Author.java", author("    @Column(nullable = false, name = \"biography\")"
                + " String bio;")), "column renamed", "alter table author"); // a rename, inferred: H2 and PostgreSQL spell it apart
        step(migrator, project.remove("shop/Book.java"), "entity removed", "alter table book drop constraint",
                "drop table book");
    }

    /** One edit: its revision's upgrade holds exactly one statement starting with each of {@code expected}. */
    private void step(Migrator migrator, JpaProject project, String message, String... expected) throws Exception {
        JpaSource source = project.compile();
        Path desired = migrator.jpaDesiredSchema(source, work.resolve("jpa"));
        SnapshotFilter entities = new SnapshotFilter(true, List.of());
        AutogenerateResult result = migrator.autogenerate(new AutogenerateOptions(desired.toString(), message,
                entities));

        assertThat(result.file()).as(message).isNotNull();
        List<String> statements = upgradeStatements(Files.readString(result.file()));
        assertThat(statements).as(message).hasSize(expected.length);
        for (String start : expected) {
            assertThat(statements).as(message).anySatisfy(statement -> assertThat(statement).startsWith(start));
        }
        migrator.upgrade("head");
        JpaProject.validate(source, url);
        assertThat(migrator.check(new CheckOptions(desired.toString(), null, entities)).errors()).as(message).isEmpty();
        migrator.downgrade("-1");
        migrator.upgrade("head");
        assertThat(migrator.check(new CheckOptions(desired.toString(), null, entities)).errors()).as(message).isEmpty();
    }

    /** The upgrade section's statements, lower case, one per entry. */
    static List<String> upgradeStatements(String revision) {
        String upgrade = revision.substring(revision.indexOf("-- upgrade") + "-- upgrade".length(),
                revision.indexOf("-- downgrade"));
        return Arrays.stream(upgrade.split(";")).map(s -> s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty() && !s.startsWith("--")).toList();
    }
}
