package dev.migrate.database.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.SnapshotSeries;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MariaDB snapshots that read only what the statements since the previous one reach: after every
 * step the series must hold exactly what a full read of {@code information_schema} finds, whatever
 * the statements changed, named or not. A step's statements are separated by a semicolon at the end
 * of a line.
 */
class MysqlSnapshotSeriesTest {

    private static final String HISTORY = "migrate_history";

    @Test
    void tablesColumnsIndexesAndChecksChangedByNameMatchAFullRead() throws SQLException {
        steps(List.of(
                "CREATE TABLE t_1 (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL)",
                "CREATE INDEX ix_t_1_name ON t_1 (name)",
                "ALTER TABLE t_1 ADD COLUMN note VARCHAR(10) DEFAULT 'x' COMMENT 'a note' AFTER id",
                "ALTER TABLE t_1 ADD CONSTRAINT positive_id CHECK (id > 0)",
                "ALTER TABLE t_1 DROP CONSTRAINT positive_id;\nALTER TABLE t_1 ADD CONSTRAINT positive_id CHECK (id > 1)",
                "ALTER TABLE t_1 ALTER INDEX ix_t_1_name IGNORED",
                "DROP INDEX ix_t_1_name ON t_1",
                "ALTER TABLE t_1 MODIFY COLUMN note VARCHAR(20) DEFAULT 'y' FIRST",
                "ALTER TABLE t_1 COMMENT 'one table', ENGINE=MyISAM",
                "ALTER TABLE t_1 DROP COLUMN note",
                "DROP TABLE t_1",
                "CREATE TABLE `MixedCase` (`Id` INT, `Other Name` INT)",
                "ALTER TABLE `MixedCase` ADD COLUMN extra INT",
                "TRUNCATE TABLE `MixedCase`",
                "INSERT INTO `MixedCase` VALUES (1, 2, 3)"));
    }

    @Test
    void renamesAndForeignKeysThatChangeTablesNoStatementNamesMatchAFullRead() throws SQLException {
        steps(List.of(
                "CREATE TABLE customers (id INT PRIMARY KEY);\nCREATE TABLE orders (id INT PRIMARY KEY,"
                        + " customer_id INT, total INT, CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id)"
                        + " REFERENCES customers (id) ON DELETE CASCADE)",
                // the foreign key of orders names the renamed column: orders is not named
                "ALTER TABLE customers RENAME COLUMN id TO customer_no",
                "RENAME TABLE customers TO clients",
                "ALTER TABLE clients RENAME TO customers",
                "ALTER TABLE orders DROP FOREIGN KEY fk_orders_customer",
                "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers"
                        + " (customer_no)",
                "SET foreign_key_checks = 0;\nDROP TABLE customers;\nSET foreign_key_checks = 1",
                "CREATE TABLE customers (customer_no INT PRIMARY KEY, name VARCHAR(10))",
                "RENAME TABLE orders TO orders_old, customers TO orders;\nRENAME TABLE orders TO customers,"
                        + " orders_old TO orders"));
    }

    @Test
    void viewsTriggersSequencesAndRoutinesMatchAFullRead() throws SQLException {
        steps(List.of(
                "CREATE TABLE orders (id INT PRIMARY KEY, total INT, note VARCHAR(20))",
                "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100",
                "CREATE OR REPLACE VIEW big_orders AS SELECT id FROM orders WHERE total > 200 WITH CHECK OPTION",
                "CREATE TRIGGER orders_note BEFORE INSERT ON orders FOR EACH ROW SET NEW.note = 'x'",
                "CREATE TRIGGER orders_total BEFORE INSERT ON orders FOR EACH ROW PRECEDES orders_note"
                        + " SET NEW.total = COALESCE(NEW.total, 0)",
                // the trigger is dropped by its own name only
                "DROP TRIGGER orders_note",
                // the triggers, checks and keys go with the table's new name
                "ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0);\n"
                        + "CREATE TABLE customers (id INT PRIMARY KEY);\n"
                        + "ALTER TABLE orders ADD COLUMN customer_id INT, ADD FOREIGN KEY (customer_id) REFERENCES customers (id)",
                "RENAME TABLE orders TO purchases",
                "CREATE TABLE orders LIKE purchases",
                "DROP TABLE orders;\nRENAME TABLE purchases TO orders",
                "CREATE SEQUENCE order_numbers START WITH 10",
                "ALTER SEQUENCE order_numbers INCREMENT BY 5",
                "SELECT NEXTVAL(order_numbers)",
                "CREATE FUNCTION twice(a INT) RETURNS INT DETERMINISTIC RETURN a * 2",
                "CREATE PROCEDURE add_column() BEGIN ALTER TABLE orders ADD COLUMN added INT; END",
                // the procedure changes orders, which the statement does not name
                "CALL add_column()",
                "PREPARE s FROM 'ALTER TABLE orders DROP COLUMN added';\nEXECUTE s;\nDEALLOCATE PREPARE s",
                "DROP PROCEDURE add_column;\nDROP FUNCTION twice",
                "DROP VIEW big_orders;\nDROP SEQUENCE order_numbers",
                "DROP TABLE orders;\nDROP TABLE customers"));
    }

    @Test
    void stepsThatNameWhatTheyChangeReadOnlyThat() throws SQLException {
        MysqlSnapshotSeries series = steps(List.of(
                "CREATE TABLE t_1 (id INT PRIMARY KEY)",
                "CREATE INDEX ix_t_1 ON t_1 (id)",
                "CREATE VIEW v_1 AS SELECT id FROM t_1",
                "DROP VIEW v_1",
                "DROP INDEX ix_t_1 ON t_1",
                "DROP TABLE t_1"));

        assertThat(series.fullReads()).isEqualTo(1);
    }

    @Test
    void wordsThatNameAnIndexOrACheckOfAnotherTableDoNotReachIt() throws SQLException {
        // MariaDB names a column's check after the column: t_1 holds a check named amount and a key named PRIMARY
        MysqlSnapshotSeries series = steps(List.of(
                "CREATE TABLE t_1 (id INT PRIMARY KEY, amount INT CHECK (amount >= 0))",
                "CREATE TABLE t_2 (id INT PRIMARY KEY, amount INT CHECK (amount >= 0))"));

        assertThat(series.relationsReadLast()).containsExactly("t_2");
    }

    /** Runs each step's statements, telling the series, and compares its snapshot with a full read. */
    private static MysqlSnapshotSeries steps(List<String> steps) throws SQLException {
        MysqlSnapshotReader reader = new MysqlSnapshotReader();
        SnapshotSeries series = reader.series(null, HISTORY, true);
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.MARIADB); Connection runner = db.connect();
                Connection observer = db.connect();
                Statement statement = runner.createStatement()) {
            statement.execute("CREATE TABLE " + HISTORY + " (revision VARCHAR(40))");
            series.next(observer, true);
            for (String step : steps) {
                for (String sql : step.split(";\n")) {
                    statement.execute(sql);
                    series.ran(sql);
                }
                SchemaSnapshot incremental = series.next(observer, false);
                SchemaSnapshot full = reader.read(observer, null, HISTORY);
                assertThat(incremental.objects()).as("after %s", step).isEqualTo(full.objects());
                assertThat(incremental.columnOrder()).as("after %s", step).isEqualTo(full.columnOrder());
            }
        }
        return (MysqlSnapshotSeries) series;
    }
}
