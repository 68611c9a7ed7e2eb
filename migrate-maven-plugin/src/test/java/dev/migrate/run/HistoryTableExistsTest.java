package dev.migrate.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.Database;
import dev.migrate.database.Dialects;
import dev.migrate.database.Identifier;
import dev.migrate.testing.TestDatabase;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whether the history table exists, as a run asks before anything else: the table of exactly that
 * name, in the configured schema or else the session's own, on PostgreSQL answered from pg_class.
 */
class HistoryTableExistsTest {

    static final Identifier HISTORY = new Identifier("migrate_history");

    TestDatabase db;
    Database database;

    @BeforeEach
    void connect() {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        database = Database.connect(Dialects.forUrl(db.url()), db.url(), null, null);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
        db.close();
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = database.connection().createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void aNewDatabaseHasNoHistoryTable() throws SQLException {
        assertThat(new HistoryTable(database, null, HISTORY).exists()).isFalse();
    }

    @Test
    void findsTheHistoryTableInTheSessionsSchema() throws SQLException {
        execute("CREATE TABLE migrate_history (revision VARCHAR(14))");

        assertThat(new HistoryTable(database, null, HISTORY).exists()).isTrue();
    }

    @Test
    void aTableWhoseNameMatchesOnlyAsALikePatternIsNotTheHistoryTable() throws SQLException {
        // '_' in a catalog pattern matches any character: migrateXhistory is another table
        execute("CREATE TABLE migratexhistory (revision VARCHAR(14))");

        assertThat(new HistoryTable(database, null, HISTORY).exists()).isFalse();
    }

    @Test
    void looksInTheConfiguredSchemaAndOnlyThere() throws SQLException {
        execute("CREATE SCHEMA app");
        execute("CREATE TABLE app.migrate_history (revision VARCHAR(14))");

        assertThat(new HistoryTable(database, new Identifier("app"), HISTORY).exists()).isTrue();
        assertThat(new HistoryTable(database, null, HISTORY).exists()).isFalse();
        assertThat(new HistoryTable(database, new Identifier("other"), HISTORY).exists()).isFalse();
    }
}
