package dev.migrate.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.Database;
import dev.migrate.database.Dialects;
import dev.migrate.database.Identifier;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which statements may write the history table's rows (a scratch run then journals every write):
 * those naming the table as a whole identifier, not those naming a table whose name merely holds it.
 */
class HistoryTableNamedInTest {

    static final String URL = "jdbc:h2:mem:history_named_in;DB_CLOSE_DELAY=-1";
    static Database database;
    static HistoryTable history;

    @BeforeAll
    static void open() throws SQLException {
        database = Database.connect(Dialects.forUrl(URL), URL, null, null);
        history = new HistoryTable(database, null, new Identifier("migrate_history"));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DELETE FROM migrate_history WHERE revision = '1'",
        "UPDATE MIGRATE_HISTORY SET state = 'applied'",
        "INSERT INTO \"migrate_history\" (revision) VALUES ('1')",
        "INSERT INTO `migrate_history` (revision) VALUES ('1')",
        "DELETE FROM app.migrate_history",
        "DELETE FROM migrate_history;",
        "TRUNCATE migrate_history",
        "SELECT 1 FROM t JOIN migrate_history h ON h.revision = t.id",
    })
    void aStatementNamingTheTableMayWriteIt(String sql) {
        assertThat(history.mayBeNamedIn(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE TABLE migrate_history_archive (id INT)",
        "INSERT INTO old_migrate_history SELECT * FROM t",
        "ALTER TABLE migrate_history2 ADD COLUMN n INT",
        "DROP TABLE $migrate_history",
        "CREATE TABLE history (id INT)",
        "CREATE INDEX ix_migrate_history_at ON t (applied_at)",
    })
    void aStatementNamingATableThatOnlyHoldsTheNameDoesNot(String sql) {
        assertThat(history.mayBeNamedIn(sql)).isFalse();
    }
}
