package dev.migrate.verify;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.verify.VerifyFixture.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Revisions that change objects they do not name (through a trigger, a function, a cascade): the
 * snapshots verify takes after each phase read only what changed, and still find these.
 */
class SideEffectDifferencesTest extends VerifiedHistory {

    SideEffectDifferencesTest() {
        super(TestDatabase.Kind.POSTGRESQL);
    }

    @Test
    void tableCreatedByATriggerAndLeftByTheDowngradeIsNamed() {
        files.add(R1 + "_events", "base", """
                CREATE TABLE events (id INT PRIMARY KEY);
                CREATE FUNCTION log_event() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    CREATE TABLE IF NOT EXISTS audit_log (event_id INT);
                    INSERT INTO audit_log VALUES (NEW.id);
                    RETURN NEW;
                END $$;
                CREATE TRIGGER events_logged AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION log_event();""",
                "DROP TABLE events;\nDROP FUNCTION log_event();\nDROP TABLE IF EXISTS audit_log;");
        files.add(R2 + "_first_event", R1, "INSERT INTO events VALUES (1);", "DELETE FROM events;");

        VerifyResult result = verify();

        assertThat(errors(result)).first()
                .isEqualTo("downgrade of 20260102000000_first_event leaves table audit_log");
        assertThat(result.rows()).extracting(VerifyResult.Row::result).containsExactly("ok", "FAILED", "ok");
    }

    @Test
    void functionRedefinedByAnotherFunctionAndNotRestoredIsNamed() {
        files.add(R1 + "_prices", "base", """
                CREATE FUNCTION price(amount INT) RETURNS INT LANGUAGE sql AS 'SELECT amount';
                CREATE FUNCTION raise_prices() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    EXECUTE 'CREATE OR REPLACE FUNCTION price(amount INT) RETURNS INT LANGUAGE sql'
                        || ' AS ''SELECT amount * 2''';
                END $$;""", "DROP FUNCTION raise_prices();\nDROP FUNCTION price(INT);");
        files.add(R2 + "_raise", R1, "SELECT raise_prices();", "SELECT 1;");

        VerifyResult result = verify();

        assertThat(errors(result)).singleElement().asString()
                .startsWith("downgrade of 20260102000000_raise: function price(amount integer): ")
                .contains("SELECT amount$function$ before the upgrade", "SELECT amount * 2$function$ after the downgrade");
    }

    @Test
    void viewDroppedByACascadeOfTheDowngradeIsNamed() {
        // the downgrade recreates the column it dropped, but the view that used it went with the cascade
        assertTheViewACascadeDroppedIsNamed(this, "ALTER TABLE orders DROP COLUMN total CASCADE;\n"
                + "ALTER TABLE orders ADD COLUMN total INT;");
    }

    @Test
    void historyRowRemovedByARevisionIsNamed() {
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_forget_a", R1, "DELETE FROM migrate_history WHERE revision = '" + R1 + "';", "SELECT 1;");

        VerifyResult result = verify();

        assertThat(errors(result)).first().isEqualTo("after the upgrade of 20260102000000_forget_a the history"
                + " table does not list 20260101000000");
    }

    /** The same on H2, where the side effects come from Java triggers and functions. */
    @Nested
    class OnH2 extends VerifiedHistory {

        OnH2() {
            super(TestDatabase.Kind.H2);
        }

        @Test
        void tableCreatedByAJavaTriggerOnH2AndLeftByTheDowngradeIsNamed() {
            files.add(R1 + "_events", "base", """
                    CREATE TABLE events (id INT PRIMARY KEY);
                    CREATE TRIGGER events_logged AFTER INSERT ON events FOR EACH ROW
                        CALL 'dev.migrate.testing.H2SideEffects$AuditTrigger';""",
                    "DROP TABLE IF EXISTS audit_log;\nDROP TRIGGER events_logged;\nDROP TABLE events;");
            files.add(R2 + "_first_event", R1, "INSERT INTO events VALUES (1);", "DELETE FROM events;");

            VerifyResult result = verify();

            assertThat(errors(result)).contains("downgrade of 20260102000000_first_event leaves table audit_log");
        }

        @Test
        void columnAddedByAJavaFunctionOnH2AndNotRemovedIsNamed() {
            files.add(R1 + "_prices", "base", """
                    CREATE TABLE prices (id INT PRIMARY KEY, amount INT);
                    CREATE ALIAS widen_prices FOR 'dev.migrate.testing.H2SideEffects.widenPrices';""",
                    "DROP ALIAS widen_prices;\nDROP TABLE prices;");
            files.add(R2 + "_widen", R1, "SELECT widen_prices();", "SELECT 1;");

            VerifyResult result = verify();

            assertThat(errors(result)).contains("downgrade of 20260102000000_widen leaves column prices.discount");
        }

        @Test
        void viewDroppedByACascadeOfTheDowngradeOnH2IsNamed() {
            // the downgrade recreates the table it dropped, but the view on it went with the cascade
            assertTheViewACascadeDroppedIsNamed(this, "DROP TABLE orders CASCADE;\n"
                    + "CREATE TABLE orders (id INT PRIMARY KEY, total INT);");
        }
    }

    /** Table orders with a view on it, and a revision whose downgrade ends with {@code cascade}. */
    private static void assertTheViewACascadeDroppedIsNamed(VerifiedHistory on, String cascade) {
        on.files.add(R1 + "_orders", "base", """
                CREATE TABLE orders (id INT PRIMARY KEY, total INT);
                CREATE VIEW big_orders AS SELECT id FROM orders WHERE total > 100;""",
                "DROP VIEW big_orders;\nDROP TABLE orders;");
        on.files.add(R2 + "_notes", R1, "CREATE TABLE order_notes (order_id INT);", "DROP TABLE order_notes;\n" + cascade);

        assertThat(errors(on.verify())).first().isEqualTo("downgrade of 20260102000000_notes drops view big_orders,"
                + " which existed before the upgrade");
    }
}
