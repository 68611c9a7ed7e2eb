package dev.migrate;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.testing.PostgresServer;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A least-privilege role on PostgreSQL: it owns schema {@code app} but may not create anything in
 * the database itself (no CREATE on the database; PostgreSQL 15 also keeps it out of
 * {@code public}). Migrating {@code app} as that role works; a missing schema it may not create is
 * refused with the right that is missing.
 */
class LeastPrivilegeSchemaTest {


    @TempDir
    Path dir;

    final RecordingListener listener = new RecordingListener();
    final String role = "app_user_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    TestDatabase db;

    @BeforeEach
    void leastPrivilegeRole() {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        PostgresServer.execute("CREATE ROLE " + role + " LOGIN");
        db.execute("REVOKE CREATE ON DATABASE " + databaseName() + " FROM PUBLIC");
        db.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        db.execute("CREATE SCHEMA app AUTHORIZATION " + role);
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.addWithHeader(R2 + "_index_a", "-- parents: " + R1 + "\n-- message: index a\n-- transactional: false",
                "INSERT INTO a VALUES (1);\nCREATE INDEX CONCURRENTLY ix_a ON a (id);", "DROP INDEX ix_a;");
    }

    @AfterEach
    void dropRole() {
        if (db != null) {
            db.close();
        }
        PostgresServer.execute("DROP ROLE IF EXISTS " + role);
    }

    Migrator migratorAsRole(String schema) {
        return new Migrator(new MigrateConfig(db.urlAs(role), null, null, schema, dir, null), listener);
    }

    @Test
    void aRoleThatOwnsItsSchemaButMayNotCreateInTheDatabaseMigratesIt() {
        Outcome outcome = migratorAsRole("app").upgrade("head");

        assertThat(outcome.plan().steps()).hasSize(2);
        assertThat(db.tables("app")).containsExactly("a", "migrate_history");
        assertThat(db.tables("public")).isEmpty();
        assertThat(db.column("SELECT revision || ' ' || state || ' ' || applied_by FROM app.migrate_history"
                + " ORDER BY revision")).containsExactly(R1 + " applied " + role, R2 + " applied " + role);
        assertThat(db.column("SELECT indexname FROM pg_indexes WHERE schemaname = 'app' AND tablename = 'a'"
                + " ORDER BY 1")).containsExactly("a_pkey", "ix_a");

        // the read-only goals and the way back work with the same rights
        assertThat(migratorAsRole("app").validate(true).pending()).isEmpty();
        migratorAsRole("app").downgrade("base");
        assertThat(db.tables("app")).containsExactly("migrate_history");
    }

    @Test
    void aMissingSchemaTheRoleMayNotCreateIsRefusedNamingTheMissingRight() {
        assertThatThrownBy(() -> migratorAsRole("reporting").upgrade("head"))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("cannot create schema reporting")
                .hasMessageContaining("CREATE on the database")
                .hasMessageContaining("CREATE SCHEMA reporting AUTHORIZATION");
        assertThat(db.column("SELECT nspname FROM pg_namespace WHERE nspname = 'reporting'")).isEmpty();
    }

    private String databaseName() {
        String url = db.url();
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(base.lastIndexOf('/') + 1);
    }
}
