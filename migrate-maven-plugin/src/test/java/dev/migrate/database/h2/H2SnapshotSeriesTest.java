package dev.migrate.database.h2;

import dev.migrate.database.SnapshotSeries;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * H2 snapshots that read only what the statements since the previous one reach: after every step
 * the series must hold exactly what a full read of the catalog finds, whatever the statements
 * changed, named or not.
 */
class H2SnapshotSeriesTest {

    private static final String HISTORY = "MIGRATE_HISTORY";

    @Test
    void tablesIndexesAndColumnsChangedByNameMatchAFullRead() throws SQLException {
        steps(List.of(
                "CREATE TABLE t_1 (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL)",
                "CREATE INDEX ix_t_1_name ON t_1 (name)",
                "ALTER TABLE t_1 ADD COLUMN note VARCHAR(10) DEFAULT 'x'",
                "COMMENT ON INDEX ix_t_1_name IS 'by name'",
                "COMMENT ON COLUMN t_1.note IS 'a note'",
                "ALTER TABLE t_1 ADD CONSTRAINT positive_id CHECK (id > 0)",
                "ALTER TABLE t_1 DROP CONSTRAINT positive_id; ALTER TABLE t_1 ADD CONSTRAINT positive_id CHECK (id > 1)",
                "DROP INDEX ix_t_1_name",
                "ALTER TABLE t_1 RENAME TO t_2",
                "ALTER TABLE t_2 ALTER COLUMN note SET DEFAULT 'y'",
                "ALTER TABLE t_2 DROP COLUMN note",
                "DROP TABLE t_2"));
    }

    @Test
    void anUndoneChangeReusesWhatWasReadAndStillMatchesAFullRead() throws SQLException {
        steps(List.of(
                "CREATE TABLE a (id INT PRIMARY KEY)",
                "CREATE TABLE b (id INT PRIMARY KEY, a_id INT REFERENCES a (id)); ALTER TABLE a ADD COLUMN x INT",
                "DROP TABLE b; ALTER TABLE a DROP COLUMN x",
                "CREATE TABLE b (id INT PRIMARY KEY, a_id INT REFERENCES a (id)); ALTER TABLE a ADD COLUMN x INT",
                "DROP TABLE b; ALTER TABLE a DROP COLUMN x",
                "CREATE TABLE b (id INT PRIMARY KEY, a_id INT REFERENCES a (id), extra INT); ALTER TABLE a ADD COLUMN x INT"));
    }

    @Test
    void foreignKeysViewsAndSequencesChangedThroughOtherObjectsMatchAFullRead() throws SQLException {
        steps(List.of(
                "CREATE TABLE customers (id INT PRIMARY KEY); CREATE TABLE orders (id INT PRIMARY KEY,"
                        + " customer_id INT REFERENCES customers (id), total INT)",
                // the foreign key of orders names the renamed column: orders is not named
                "ALTER TABLE customers ALTER COLUMN id RENAME TO customer_no",
                "ALTER TABLE customers RENAME TO clients",
                "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100",
                "ALTER TABLE orders ALTER COLUMN total RENAME TO amount",
                "CREATE SEQUENCE order_numbers START WITH 10",
                "ALTER SEQUENCE order_numbers INCREMENT BY 5",
                "DROP TABLE orders CASCADE",
                "DROP SEQUENCE order_numbers"));
    }

    @Test
    void schemasQuotedNamesAndDomainsMatchAFullRead() throws SQLException {
        steps(List.of(
                "CREATE SCHEMA other",
                "CREATE TABLE other.t (id INT PRIMARY KEY); CREATE TABLE t (id INT PRIMARY KEY)",
                "ALTER TABLE other.t ADD COLUMN c INT",
                "CREATE TABLE \"MixedCase\" (\"Id\" INT)",
                "ALTER TABLE \"MixedCase\" ADD COLUMN \"Other\" INT",
                "CREATE DOMAIN money AS DECIMAL(10, 2); CREATE TABLE prices (amount money)",
                "ALTER DOMAIN money SET DEFAULT 0",
                "DROP TABLE other.t"));
    }

    @Test
    void javaTriggersAndFunctionsThatChangeUnnamedObjectsMatchAFullRead() throws SQLException {
        steps(List.of(
                "CREATE TABLE events (id INT PRIMARY KEY); CREATE TABLE prices (id INT PRIMARY KEY)",
                "CREATE TRIGGER events_logged AFTER INSERT ON events FOR EACH ROW"
                        + " CALL 'dev.migrate.testing.H2SideEffects$AuditTrigger'",
                // the trigger creates audit_log, which no statement names
                "INSERT INTO events VALUES (1)",
                "CREATE ALIAS widen_prices FOR 'dev.migrate.testing.H2SideEffects.widenPrices'",
                // the function adds a column to prices, which no statement names
                "SELECT widen_prices()"));
    }

    @Test
    void stepsThatNameWhatTheyChangeReadOnlyThat() throws SQLException {
        H2SnapshotSeries series = (H2SnapshotSeries) steps(List.of(
                "CREATE TABLE t_1 (id INT PRIMARY KEY)",
                "CREATE INDEX ix_t_1 ON t_1 (id)",
                "DROP INDEX ix_t_1",
                "DROP TABLE t_1"));

        assertThat(series.fullReads()).isEqualTo(1);
    }

    /** Runs each step's statements, telling the series, and compares its snapshot with a full read. */
    private static SnapshotSeries steps(List<String> steps) throws SQLException {
        H2SnapshotReader reader = new H2SnapshotReader();
        SnapshotSeries series = reader.series("PUBLIC", HISTORY, true);
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection runner = DriverManager.getConnection(url); Connection observer = DriverManager.getConnection(url);
                Statement statement = runner.createStatement()) {
            series.next(observer, true);
            for (String step : steps) {
                for (String sql : step.split("; ")) {
                    statement.execute(sql);
                    series.ran(sql);
                }
                SchemaSnapshot incremental = series.next(observer, false);
                SchemaSnapshot full = reader.read(observer, "PUBLIC", HISTORY);
                assertThat(incremental.objects()).as("after %s", step).isEqualTo(full.objects());
                assertThat(incremental.columnOrder()).as("after %s", step).isEqualTo(full.columnOrder());
            }
            statement.execute("SHUTDOWN");
        }
        return series;
    }
}
