package dev.migrate.database.postgres;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.autogenerate.CheckOptions;
import dev.migrate.autogenerate.CheckResult;
import dev.migrate.revision.Revision;
import dev.migrate.testing.PostgresServer;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user whose search path names {@code pg_catalog} after a schema of theirs, and whose schema
 * holds tables named like the catalogs (and a function named like one the snapshot calls): the
 * plugin reads the catalogs themselves, not the user's look-alikes.
 */
class CatalogNamesOnTheSearchPathTest {

    /**
     * Empty tables with the names of the catalogs the plugin reads and their plain columns (those
     * of types rows can be made up for), and a function with the signature of one it calls.
     */
    private static final String LOOK_ALIKES = """
            DO $$ DECLARE catalog text; BEGIN
              FOREACH catalog IN ARRAY ARRAY['pg_class', 'pg_namespace', 'pg_attribute', 'pg_index', 'pg_depend',
                  'pg_constraint'] LOOP
                EXECUTE format('CREATE TABLE %I AS SELECT %s FROM pg_catalog.%I WHERE false', catalog,
                    (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_catalog.pg_attribute a
                      WHERE a.attrelid = ('pg_catalog.' || catalog)::regclass AND a.attnum > 0
                      AND a.atttypid IN ('oid'::regtype, 'name'::regtype, 'bool'::regtype, 'int2'::regtype,
                        'int4'::regtype, 'text'::regtype, '"char"'::regtype)), catalog);
              END LOOP;
            END $$;
            CREATE FUNCTION pg_get_indexdef(oid) RETURNS text LANGUAGE sql AS $$ SELECT 'not the index'::text $$;
            """;
    private static final String WITHOUT_LOOK_ALIKES = """
            DROP FUNCTION pg_get_indexdef(oid);
            DROP TABLE pg_class, pg_namespace, pg_attribute, pg_index, pg_depend, pg_constraint;
            """;
    private static final String TABLES = """
            CREATE TABLE author (id INT PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            CREATE TABLE book (id INT PRIMARY KEY, author_id INT NOT NULL REFERENCES author (id), title TEXT);
            CREATE INDEX ix_book_title ON book (lower(title));
            """;

    @TempDir
    Path dir;

    final String role = "catalog_user_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    TestDatabase db;
    TestDatabase desired;

    @BeforeEach
    void roleThatPutsItsSchemaBeforeTheCatalog() {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        desired = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        // CREATEDB for verify's scratch databases, which the role's own search path follows into
        PostgresServer.execute("CREATE ROLE " + role + " LOGIN CREATEDB");
        PostgresServer.execute("ALTER ROLE " + role + " SET search_path = public, pg_catalog");
        db.execute("ALTER DATABASE " + db.name() + " OWNER TO " + role);
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_look_alikes", "base", LOOK_ALIKES, WITHOUT_LOOK_ALIKES);
        files.add(R2 + "_books", R1, TABLES, "DROP TABLE book, author;");
    }

    @AfterEach
    void dropRole() {
        db.close();
        desired.close();
        PostgresServer.execute("DROP ROLE IF EXISTS " + role);
    }

    @Test
    void upgradeDowngradeAndStatusSeeTheRealCatalog() {
        migrator().upgrade("head");

        assertThat(db.tables("public")).contains("author", "book", "migrate_history", "pg_class");
        assertThat(migrator().status().current()).extracting(Revision::id).containsExactly(R2);

        migrator().downgrade(R1);
        assertThat(db.tables("public")).doesNotContain("author", "book");
        assertThat(migrator().status().current()).extracting(Revision::id).containsExactly(R1);
    }

    @Test
    void verifyFindsNothingWrongWithRevisionsThatMakeLookAlikes() {
        VerifyResult verified = migrator().verify(VerifyOptions.defaults());

        assertThat(verified.findings()).isEmpty();
    }

    @Test
    void checkFindsTheRevisionsSchemaTheSameAsOneReadWithTheDefaultPath() {
        desired.execute(LOOK_ALIKES);
        desired.execute(TABLES);

        CheckResult checked = migrator().check(new CheckOptions(desired.url(), dir.resolve("check")));

        assertThat(checked.findings()).extracting(CheckResult.Finding::message).isEmpty();
        assertThat(checked.checked()).isNotEmpty();
    }

    private Migrator migrator() {
        return new Migrator(new MigrateConfig(db.urlAs(role), null, null, null, dir, null), new RecordingListener());
    }
}
