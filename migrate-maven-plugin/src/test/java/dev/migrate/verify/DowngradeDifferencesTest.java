package dev.migrate.verify;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.verify.VerifyFixture.apartFromLocks;
import static dev.migrate.verify.VerifyFixture.errors;
import static dev.migrate.verify.VerifyFixture.verify;
import static dev.migrate.verify.VerifyFixture.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Downgrades that run without error but leave the schema different: each is named. */
class DowngradeDifferencesTest {

    @TempDir
    Path dir;

    RevisionFiles usersTable() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_users", "base", "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100), name VARCHAR(100));",
                "DROP TABLE users;");
        return files;
    }

    @OnBothDatabases
    void downgradeThatForgetsATableIsNamed(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        usersTable().add(R2 + "_create_orders", R1, "CREATE TABLE orders (id INT PRIMARY KEY);", "SELECT 1;");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).contains("downgrade of 20260102000000_create_orders leaves table orders");
        assertThat(result.rows()).extracting(VerifyResult.Row::result).containsExactly("ok", "FAILED", "FAILED");
    }

    @OnBothDatabases
    void downgradeThatForgetsAnIndexIsNamedWithItsTable(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        usersTable().add(R2 + "_index_email", R1, "CREATE INDEX ix_users_email ON users (email);", "SELECT 1;");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).first()
                .isEqualTo("downgrade of 20260102000000_index_email leaves index ix_users_email on table users");
        assertThat(errors(result)).anySatisfy(e -> assertThat(e).startsWith(
                "re-upgrade of 20260102000000_index_email fails at " + dir.resolve(R2 + "_index_email.sql") + ":5: SQL state"));
    }

    @OnBothDatabases
    void downgradeThatForgetsAColumnDefaultIsNamedWithTheDefault(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        usersTable().add(R2 + "_default_name", R1, "ALTER TABLE users ALTER COLUMN name SET DEFAULT 'anonymous';",
                "SELECT 1;");

        VerifyResult result = verify(db, dir);

        String value = db.isPostgres() ? "'anonymous'::character varying" : "'anonymous'";
        // the full cycle's downgrade to base drops the table, default and all
        assertThat(errors(result)).containsExactly(
                "downgrade of 20260102000000_default_name leaves default " + value + " on column users.name");
    }

    @OnBothDatabases
    void downgradeThatForgetsASequenceIsNamed(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        usersTable().add(R2 + "_invoice_numbers", R1, "CREATE SEQUENCE invoice_numbers START WITH 1000;", "SELECT 1;");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).first()
                .isEqualTo("downgrade of 20260102000000_invoice_numbers leaves sequence invoice_numbers");
    }

    @OnBothDatabases
    void downgradeThatForgetsACheckConstraintIsNamed(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        usersTable().add(R2 + "_check_email", R1,
                "ALTER TABLE users ADD CONSTRAINT ck_users_email CHECK (email LIKE '%@%');", "SELECT 1;");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result))
                .contains("downgrade of 20260102000000_check_email leaves constraint ck_users_email on table users")
                // the generated emails are words: the constraint also fails on a table with rows, which is true
                .anyMatch(error -> error.startsWith("upgrade of 20260102000000_check_email fails on a table with rows"));
    }

    @OnBothDatabases
    void downgradeThatDropsTheWrongObjectNamesBothSides(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = usersTable();
        files.add(R2 + "_create_orders", R1, "CREATE TABLE orders (id INT PRIMARY KEY);\nCREATE TABLE invoices (id INT);",
                "DROP TABLE users;\nDROP TABLE invoices;");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).startsWith(
                "downgrade of 20260102000000_create_orders leaves table orders",
                "downgrade of 20260102000000_create_orders drops table users, which existed before the upgrade");
        assertThat(errors(result).get(2)).startsWith("re-upgrade of 20260102000000_create_orders fails at "
                + dir.resolve(R2 + "_create_orders.sql") + ":5: SQL state ");
    }

    @OnBothDatabases
    void columnReAddedAtTheEndIsAWarningByDefault(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        usersTable().add(R2 + "_drop_email", R1, "ALTER TABLE users DROP COLUMN email;",
                "ALTER TABLE users ADD COLUMN email VARCHAR(100);");

        VerifyResult result = verify(db, dir);

        assertThat(errors(result)).isEmpty();
        assertThat(apartFromLocks(result)).containsExactly("downgrade of 20260102000000_drop_email: the columns of table"
                + " users come back in another order: (id, email, name) before the upgrade, (id, name, email) after the"
                + " downgrade (a column dropped and re-added goes to the end of its table)",
                // and the re-added column comes back empty: its values are lost
                "downgrade of 20260102000000_drop_email changes 3 of the 3 rows table " + (db.isPostgres()
                        ? "public.users" : "PUBLIC.USERS") + " held before the upgrade (columns "
                        + (db.isPostgres() ? "email" : "EMAIL") + "): the values it had before the upgrade do not come back");
        assertThat(result.rows()).extracting(VerifyResult.Row::result).containsExactly("ok", "warning", "ok");
    }

    @OnBothDatabases
    void columnReAddedAtTheEndIsAnErrorInStrictMode(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        usersTable().add(R2 + "_drop_email", R1, "ALTER TABLE users DROP COLUMN email;",
                "ALTER TABLE users ADD COLUMN email VARCHAR(100);");

        VerifyResult result = verify(db, dir, VerifyOptions.defaults().withStrict(true));

        assertThat(errors(result)).hasSize(2).first().asString()
                .startsWith("downgrade of 20260102000000_drop_email: the columns of table users come back in another order");
        assertThat(errors(result).get(1)).startsWith("downgrade of 20260102000000_drop_email changes 3 of the 3 rows");
    }

    @OnBothDatabases
    void reUpgradeThatBuildsSomethingElseShowsBothDefinitions(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        // the downgrade changes the column's type instead of undoing the upgrade's change
        usersTable().add(R2 + "_widen_email", R1, "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
                "ALTER TABLE users ALTER COLUMN email SET DATA TYPE VARCHAR(255);\n"
                        + "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;");

        VerifyResult result = verify(db, dir);

        String before = db.isPostgres() ? "character varying(100)" : "CHARACTER VARYING(100)";
        String after = db.isPostgres() ? "character varying(255)" : "CHARACTER VARYING(255)";
        assertThat(errors(result)).startsWith(
                "downgrade of 20260102000000_widen_email: column users.email: " + before + " before the upgrade, "
                        + after + " after the downgrade",
                "re-upgrade of 20260102000000_widen_email: column users.email: " + before + " NOT NULL after the first"
                        + " upgrade, " + after + " NOT NULL after the re-upgrade");
    }
}
