package dev.migrate.autogenerate.jpa;

import dev.migrate.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.CheckOptions;
import dev.migrate.autogenerate.CheckResult;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's entities as the desired schema, on H2 and PostgreSQL: the generated revision, once
 * upgraded, leaves a schema the project's Hibernate validates, check is clean, and the downgrade
 * returns to the head.
 */
class EntitiesAsDesiredSchemaTest {

    @TempDir
    Path work;

    static final String AUTHOR = """
            package shop;
            import jakarta.persistence.*;
            @Entity
            public class Author {
                @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
                @Column(nullable = false, length = 100) String name;
                @Column(unique = true) String email;
            }
            """;

    static final String BOOK = """
            package shop;
            import jakarta.persistence.*;
            import java.util.Set;
            @Entity
            @Table(name = "books", indexes = @Index(name = "ix_books_title", columnList = "title"),
                   uniqueConstraints = @UniqueConstraint(name = "uq_books_isbn", columnNames = "isbn"))
            public class Book extends Audited {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                String title;
                String isbn;
                @ManyToOne(optional = false) Author author;
                @Enumerated(EnumType.STRING) Genre genre;
                @Embedded Money price;
                @ElementCollection Set<String> tags;
                @ManyToMany Set<Shelf> shelves;
            }
            """;

    static final String OTHERS = """
            package shop;
            import jakarta.persistence.*;
            import java.math.BigDecimal;
            import java.time.Instant;
            enum Genre { FICTION, SCIENCE }
            @Embeddable class Money {
                @Column(precision = 10, scale = 2) BigDecimal amount;
                @Column(length = 3) String currency;
            }
            @MappedSuperclass abstract class Audited {
                @Column(nullable = false) Instant createdAt;
            }
            @Entity class Shelf {
                @Id @GeneratedValue(strategy = GenerationType.TABLE) Long id;
                String label;
            }
            """;

    static String url(TestDatabase db, Path work) {
        // the project's Hibernate has an H2 of its own, which cannot see the plugin's in-memory databases
        return db.isPostgres() ? db.url() : "jdbc:h2:file:" + work.resolve("h2/app").toAbsolutePath();
    }

    static Migrator migrator(String url, Path work) {
        return new Migrator(Configs.config(url, work.resolve("migrations")),
                MigrationListener.SILENT);
    }

    @OnBothDatabases
    void writesARevisionAfterWhichHibernateValidatesTheSchema(BothDatabases.Lazy lazy) throws Exception {
        String url = url(lazy.get(), work);
        JpaProject project = new JpaProject(work.resolve("project")).put("shop/Author.java", AUTHOR)
                .put("shop/Book.java", BOOK).put("shop/Others.java", OTHERS);
        JpaSource source = project.compile();
        Migrator migrator = migrator(url, work);

        Path desired = migrator.jpaDesiredSchema(source, work.resolve("jpa"));
        AutogenerateResult result = migrator.autogenerate(new AutogenerateOptions(desired.toString(), "shop"));

        String revision = Files.readString(result.file());
        assertThat(revision).containsIgnoringCase("CREATE TABLE books").containsIgnoringCase("CREATE TABLE author")
                .containsIgnoringCase("CREATE TABLE book_tags").containsIgnoringCase("CREATE TABLE books_shelf")
                .containsIgnoringCase("ix_books_title").containsIgnoringCase("uq_books_isbn");
        assertThat(result.warnings()).isEmpty();
        migrator.upgrade("head");
        JpaProject.validate(source, url);
        CheckResult check = migrator.check(new CheckOptions(desired.toString(), null));
        assertThat(check.errors()).isEmpty();
        migrator.downgrade("base");
        assertThat(migrator.check(new CheckOptions(desired.toString(), null)).errors()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void inAConfiguredSchemaOnPostgresTheEntitiesForeignKeysMatchTheRevisions() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            JpaSource source = new JpaProject(work.resolve("project")).put("shop/Author.java", AUTHOR)
                    .put("shop/Book.java", BOOK).put("shop/Others.java", OTHERS).compile();
            Migrator migrator = new Migrator(new dev.migrate.MigrateConfig(db.url(), null, null, "shop_schema",
                    work.resolve("migrations"), null), MigrationListener.SILENT);

            Path desired = migrator.jpaDesiredSchema(source, work.resolve("jpa"));
            AutogenerateResult result = migrator.autogenerate(new AutogenerateOptions(desired.toString(), "shop"));
            migrator.upgrade("head");
            CheckResult check = migrator.check(new CheckOptions(desired.toString(), null));

            // the entities, read back from their scratch database, name what their foreign keys reference
            // as the revisions' schema does (before, 'REFERENCES shop_schema.author' against 'REFERENCES author')
            assertThat(Files.readString(result.file())).contains("CREATE TABLE shop_schema.books");
            assertThat(check.errors()).isEmpty();
            assertThat(check.warnings()).isEmpty();
            assertThat(db.tables("shop_schema")).contains("books", "author", "migrate_history");
        }
    }

    static final String INHERITANCE = """
            package zoo;
            import jakarta.persistence.*;
            @Entity @Inheritance(strategy = InheritanceType.SINGLE_TABLE) @DiscriminatorColumn(name = "kind")
            class Vehicle { @Id Long id; String plate; }
            @Entity @DiscriminatorValue("car") class Car extends Vehicle { Integer seats; }
            @Entity @Inheritance(strategy = InheritanceType.JOINED)
            class Payment { @Id Long id; java.math.BigDecimal amount; }
            @Entity class CardPayment extends Payment { @Column(nullable = false) String cardNumber; }
            @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
            abstract class Document { @Id Long id; String title; }
            @Entity class Invoice extends Document { Integer number; }
            """;

    @OnBothDatabases
    void writesEachInheritanceStrategysTablesAndHibernateValidatesThem(BothDatabases.Lazy lazy) throws Exception {
        String url = url(lazy.get(), work);
        JpaSource source = new JpaProject(work.resolve("project")).put("zoo/Zoo.java", INHERITANCE).compile("zoo");
        Migrator migrator = migrator(url, work);

        Path desired = migrator.jpaDesiredSchema(source, work.resolve("jpa"));
        AutogenerateResult result = migrator.autogenerate(new AutogenerateOptions(desired.toString(), "zoo"));

        String revision = Files.readString(result.file()).toLowerCase(java.util.Locale.ROOT);
        // single table: one table with the discriminator; joined: a table per class, the child's key a
        // foreign key to the parent's; table per class: only the concrete class's table
        assertThat(revision).contains("create table vehicle").contains("kind character varying")
                .doesNotContain("create table car (").contains("create table payment")
                .contains("create table cardpayment").contains("references payment")
                .contains("create table invoice").doesNotContain("create table document (");
        migrator.upgrade("head");
        JpaProject.validate(source, url);
        assertThat(migrator.check(new CheckOptions(desired.toString(), null)).errors()).isEmpty();
        migrator.downgrade("base");
        assertThat(migrator.check(new CheckOptions(work.resolve("none").toString(), null)).errors()).isEmpty();
        if (lazy.get().isPostgres()) {
            assertThat(lazy.get().tables()).containsOnly("migrate_history");
        }
    }
}
