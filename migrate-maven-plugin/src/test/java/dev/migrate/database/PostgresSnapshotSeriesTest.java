package dev.migrate.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL snapshots that read only what the change log names: each must hold exactly what a
 * full read finds, and only the first may read the whole catalog.
 */
class PostgresSnapshotSeriesTest {

    @Test
    void eachStepReadsOnlyWhatTheLogNamesAndMatchesAFullRead() throws SQLException {
        List<String> steps = List.of(
                "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT NOT NULL)",
                "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customers (id), total INT)",
                "CREATE INDEX orders_total ON orders (total)",
                "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100",
                // the view prints the new name: its own catalog rows did not change
                "ALTER TABLE orders RENAME COLUMN total TO amount",
                "ALTER TABLE customers ADD CONSTRAINT named CHECK (name <> '')",
                "DROP VIEW big_orders",
                "DROP TABLE orders");
        PostgresSnapshotReader reader = new PostgresSnapshotReader();
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
                Connection runner = db.connect(); Connection observer = db.connect();
                Statement statement = runner.createStatement()) {
            // the log follows the history table too: without one it is not installed
            statement.execute("CREATE TABLE migrate_history (revision VARCHAR(50) PRIMARY KEY)");
            PostgresSnapshotSeries series = (PostgresSnapshotSeries) reader.series("public", "migrate_history", true);
            series.next(observer, true);
            for (String step : steps) {
                statement.execute(step);
                SchemaSnapshot incremental = series.next(observer, false);
                SchemaSnapshot full = reader.read(observer, "public", "migrate_history");
                assertThat(incremental.objects()).as("after %s", step).isEqualTo(full.objects());
                assertThat(incremental.columnOrder()).as("after %s", step).isEqualTo(full.columnOrder());
            }

            assertThat(series.fullReads()).isEqualTo(1);
        }
    }
}
