package dev.migrate;

import dev.migrate.testing.Configs;
import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.common.MigrateException;
import dev.migrate.common.Severity;
import dev.migrate.graph.MultipleHeadsException;
import dev.migrate.lint.LintConfig;
import dev.migrate.run.RefusedInTransactionException;
import dev.migrate.run.TransactionControlException;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Goals refused while planning stop before anything runs, and before a database is even created. */
class RefusalsBeforeRunningTest {


    @TempDir
    Path dir;

    final RecordingListener listener = new RecordingListener();

    Migrator migrator(String url) {
        return new Migrator(Configs.config(url, dir.resolve("migrations")), listener);
    }

    RevisionFiles files() {
        return RevisionFiles.in(dir.resolve("migrations"));
    }

    @Test
    void aConcurrentIndexInATransactionalRevisionIsRefusedBeforeTheRevisionsBeforeItRun() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles files = files();
            files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
            files.add(R2 + "_index_a", R1, "CREATE INDEX CONCURRENTLY ix_a ON a (id);", "DROP INDEX ix_a;");

            assertThatThrownBy(() -> migrator(db.url()).upgrade("head"))
                    .isInstanceOf(RefusedInTransactionException.class)
                    .hasMessageContaining(R2 + "_index_a.sql:5: PostgreSQL refuses CREATE INDEX CONCURRENTLY inside"
                            + " a transaction")
                    .hasMessageContaining("'-- transactional: false'");

            // not even revision 1 ran, and no history table was made
            assertThat(db.tables()).isEmpty();
        }
    }

    @Test
    void aRefusedUpgradeCreatesNoEmbeddedDatabaseFile() throws Exception {
        RevisionFiles files = files();
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT);", "DROP TABLE b;");
        files.add(R3 + "_create_c", R1, "CREATE TABLE c (id INT);", "DROP TABLE c;");
        Path db = dir.resolve("target/migrate/db");
        String url = "jdbc:h2:file:" + db.toAbsolutePath();

        assertThatThrownBy(() -> migrator(url).upgrade("head")).isInstanceOf(MultipleHeadsException.class);
        files.add(R3 + "_create_c", R2, "CREATE TABLE c (id INT);\nCOMMIT;", "DROP TABLE c;");
        assertThatThrownBy(() -> migrator(url).upgrade("head")).isInstanceOf(TransactionControlException.class);
        assertThatThrownBy(() -> migrator(url).validate(true)).isInstanceOf(MigrateException.class);
        assertThat(migrator(url).status().appliedIds()).isEmpty();

        assertThat(Files.exists(dir.resolve("target/migrate/db.mv.db"))).isFalse();
        assertThat(Files.exists(dir.resolve("target/migrate"))).isFalse();

        // once a goal runs, the database is created as before
        files.add(R3 + "_create_c", R2, "CREATE TABLE c (id INT);", "DROP TABLE c;");
        assertThat(migrator(url).upgrade("head").plan().steps()).hasSize(3);
        assertThat(Files.exists(dir.resolve("target/migrate/db.mv.db"))).isTrue();
    }

    @Test
    void aBareClusterAndAlterDatabaseSetTablespaceAreRefusedInTransactionalRevisions() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles files = files();
            files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
            files.add(R2 + "_maintenance", R1, "CLUSTER;\nALTER DATABASE app SET TABLESPACE fast;", "");

            assertThatThrownBy(() -> migrator(db.url()).upgrade("head"))
                    .isInstanceOf(RefusedInTransactionException.class)
                    .hasMessageContaining(R2 + "_maintenance.sql:5: PostgreSQL refuses CLUSTER without a table")
                    .hasMessageContaining(R2 + "_maintenance.sql:6: PostgreSQL refuses ALTER DATABASE ... SET"
                            + " TABLESPACE");
            assertThat(db.tables()).isEmpty();
        }
    }

    @Test
    void anExplicitCommitDoesNotHideTheOtherRefusalsOfTheSameRun() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles files = files();
            files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);\nCOMMIT;", "DROP TABLE a;");
            files.add(R2 + "_index_a", R1, "CREATE INDEX CONCURRENTLY ix_a ON a (id);", "DROP INDEX ix_a;");

            assertThatThrownBy(() -> migrator(db.url()).upgrade("head"))
                    .isInstanceOf(TransactionControlException.class)
                    .hasMessageContaining(R1 + "_create_a.sql:6: 'COMMIT'")
                    .hasMessageContaining(R2 + "_index_a.sql:5: PostgreSQL refuses CREATE INDEX CONCURRENTLY");
            assertThat(db.tables()).isEmpty();
        }
    }

    static final String HAPPY = "ALTER TYPE mood ADD VALUE 'happy';\nUPDATE p SET m = 'happy' WHERE m = 'ok';";

    /** Revision 1 makes enum mood; revision 2 adds 'happy' to it and uses it (line 6), in one transaction. */
    RevisionFiles filesAddingAndUsingAnEnumValue() {
        RevisionFiles files = files();
        files.add(R1 + "_mood", "base", "CREATE TYPE mood AS ENUM ('sad', 'ok');\nCREATE TABLE p (m mood);",
                "DROP TABLE p; DROP TYPE mood;");
        files.add(R2 + "_happy", R1, HAPPY, "");
        return files;
    }

    @Test
    void aNewEnumValueUsedInTheRevisionThatAddsItIsRefusedOnPostgres() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles files = filesAddingAndUsingAnEnumValue();

            assertThatThrownBy(() -> migrator(db.url()).upgrade("head"))
                    .isInstanceOf(RefusedInTransactionException.class)
                    .hasMessageContaining(R2 + "_happy.sql:6: PostgreSQL refuses the use of 'happy', added to mood")
                    .hasMessageContaining("55P04");
            assertThat(db.tables()).isEmpty();

            files.addWithHeader(R2 + "_happy", "-- parents: " + R1 + "\n-- transactional: false", HAPPY, "");
            assertThat(migrator(db.url()).upgrade("head").plan().steps()).hasSize(2);
        }
    }

    @Test
    void lintFlagsANewEnumValueUsedInItsOwnTransactionWhichPostgresWouldFailWith55P04() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            filesAddingAndUsingAnEnumValue();

            // lint finds it from the files, on the line planning refuses
            assertThat(migrator(db.url()).lint(LintConfig.defaults()))
                    .filteredOn(f -> "new-enum-value-before-commit".equals(f.ruleId()))
                    .singleElement().satisfies(f -> {
                        assertThat(f.file().getFileName().toString()).startsWith(R2 + "_happy");
                        assertThat(f.line()).isEqualTo(6);
                        assertThat(f.severity()).isEqualTo(Severity.ERROR);
                        assertThat(f.message()).contains("'happy'", "55P04");
                    });
            assertThatThrownBy(() -> migrator(db.url()).upgrade("head"))
                    .isInstanceOf(RefusedInTransactionException.class)
                    .hasMessageContaining(R2 + "_happy.sql:6: PostgreSQL refuses the use of 'happy'");

            // the failure both prevent: the same statements in one transaction on the server
            db.execute("CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE p (m mood)");
            try (Connection connection = db.connect()) {
                connection.setAutoCommit(false);
                try (java.sql.Statement statement = connection.createStatement()) {
                    statement.execute("ALTER TYPE mood ADD VALUE 'happy'");
                    assertThatThrownBy(() -> statement.execute("UPDATE p SET m = 'happy' WHERE m = 'ok'"))
                            .isInstanceOfSatisfying(SQLException.class,
                                    e -> assertThat(e.getSQLState()).isEqualTo("55P04"));
                } finally {
                    connection.rollback();
                }
            }
        }
    }
}
