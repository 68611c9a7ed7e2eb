package dev.migrate.verify;

import dev.migrate.database.postgres.PostgresSyntax;
import dev.migrate.scratch.ScratchDatabase;
import dev.migrate.testing.Products;
import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static dev.migrate.testing.Ids.R4;
import static dev.migrate.verify.VerifyFixture.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.Identifier;
import dev.migrate.graph.Direction;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionFileParser;
import dev.migrate.run.StatementFailedException;
import dev.migrate.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a revision's downgrade and re-upgrade run in one transaction, observed from
 * inside it: rolled back when they went wrong (no rebuild), and checked again on their own when
 * sharing the transaction may be what made the re-upgrade fail.
 */
class HeldTransactionTest extends VerifiedHistory {

    HeldTransactionTest() {
        super(TestDatabase.Kind.POSTGRESQL);
    }

    private static Revision revision(String id, String parents, String upgrade, String downgrade) {
        String text = "-- parents: " + parents + "\n\n-- upgrade\n" + upgrade + "\n-- downgrade\n" + downgrade;
        return RevisionFileParser.parse(Path.of(id + "_r.sql"), text.getBytes(StandardCharsets.UTF_8), PostgresSyntax.INSTANCE).revision();
    }

    @Test
    void wrongDowngradeAndFailedReupgradeAreRolledBackInTheSameDatabase() {
        try (ScratchDatabase scratch = ScratchDatabase.open(Products.target(db().url()), null);
                ScratchSession session = new ScratchSession(scratch, null, new Identifier("migrate_history"))) {
            Revision orders = revision(R1, "base", "CREATE TABLE orders (id INT PRIMARY KEY);", "DROP TABLE orders;");
            // the downgrade forgets the index
            Revision index = revision(R2, R1, "CREATE INDEX orders_by_id ON orders (id DESC);", "SELECT 1;");
            // transactions are held once a database was rebuilt
            session.rebuild(List.of());
            session.observe();
            session.run(Direction.UP, List.of(orders, index));
            ScratchSession.Observation afterUp = session.observe();
            String database = scratch.url();

            assertThat(session.hold(index)).isTrue();
            session.run(Direction.DOWN, List.of(index));
            ScratchSession.Observation afterDown = session.observe();
            assertThat(afterDown.history()).containsExactly(R1);
            assertThat(afterDown.snapshot()).isEqualTo(afterUp.snapshot());
            StatementFailedException failed = org.junit.jupiter.api.Assertions.assertThrows(StatementFailedException.class,
                    () -> session.run(Direction.UP, List.of(index)));
            assertThat(failed.sqlState()).isEqualTo("42P07");

            assertThat(session.holding()).isFalse();
            ScratchSession.Observation now = session.observe();
            assertThat(now).isEqualTo(afterUp);
            assertThat(scratch.url()).isEqualTo(database);
        }
    }

    @Test
    void downgradeRolledBackOnReleaseLeavesTheUpgradedSchema() {
        try (ScratchDatabase scratch = ScratchDatabase.open(Products.target(db().url()), null);
                ScratchSession session = new ScratchSession(scratch, null, new Identifier("migrate_history"))) {
            Revision orders = revision(R1, "base", "CREATE TABLE orders (id INT PRIMARY KEY);", "DROP TABLE orders;");
            session.rebuild(List.of());
            ScratchSession.Observation atBase = session.observe();
            session.run(Direction.UP, List.of(orders));
            ScratchSession.Observation afterUp = session.observe();

            assertThat(session.hold(orders)).isTrue();
            session.run(Direction.DOWN, List.of(orders));
            assertThat(session.observe()).isEqualTo(atBase);
            session.release(false);

            assertThat(session.observe()).isEqualTo(afterUp);
        }
    }

    @Test
    void reupgradeThatUsesAnEnumValueItsDowngradeAddedPasses() {
        // a downgrade that leaves its table: the database is rebuilt, and from then on transactions are held
        files.add(R1 + "_kept", "base", "CREATE TABLE kept (id INT);", "SELECT 1;");
        files.add(R2 + "_moods", R1, "CREATE TYPE mood AS ENUM ('sad', 'happy');\nCREATE TABLE feelings (m mood);",
                "DROP TABLE feelings;\nDROP TYPE mood;");
        // in one transaction with the downgrade, the re-upgrade could not use the value it added
        files.add(R3 + "_no_happy", R2, """
                UPDATE feelings SET m = 'sad' WHERE m = 'happy';
                ALTER TYPE mood RENAME TO mood_old;
                CREATE TYPE mood AS ENUM ('sad');
                ALTER TABLE feelings ALTER COLUMN m TYPE mood USING m::text::mood;
                DROP TYPE mood_old;""", "ALTER TYPE mood ADD VALUE 'happy';");
        files.add(R4 + "_more", R3, "CREATE TABLE more_feelings (id INT);", "DROP TABLE more_feelings;");

        VerifyResult result = verify(VerifyOptions.defaults().withRows(0).withLocks(false));

        assertThat(errors(result)).allMatch(error -> error.contains("20260101000000_kept")
                || error.startsWith("downgrade to base") || error.startsWith("re-upgrade to head"));
        assertThat(result.rows()).extracting(VerifyResult.Row::result).startsWith("FAILED", "ok", "ok", "ok");
    }

    @Test
    void wrongDowngradesAreReportedAsWithoutTheTransaction() {
        files.add(R1 + "_orders", "base", "CREATE TABLE orders (id INT PRIMARY KEY);", "DROP TABLE orders;");
        // the first one is undone by a rebuild, the second one by rolling its transaction back
        files.add(R2 + "_index", R1, "CREATE INDEX orders_by_id ON orders (id DESC);", "SELECT 1;");
        files.add(R3 + "_other_index", R2, "CREATE INDEX orders_by_id_2 ON orders (id DESC);", "SELECT 1;");
        files.add(R4 + "_lines", R3, "CREATE TABLE lines (id INT);", "DROP TABLE lines;");

        VerifyResult result = verify();

        assertThat(errors(result)).startsWith(
                "downgrade of 20260102000000_index leaves index orders_by_id on table orders",
                "re-upgrade of 20260102000000_index fails at " + dir.resolve(R2 + "_index.sql")
                        + ":5: SQL state 42P07: ERROR: relation \"orders_by_id\" already exists",
                "downgrade of 20260103000000_other_index leaves index orders_by_id_2 on table orders",
                "re-upgrade of 20260103000000_other_index fails at " + dir.resolve(R3 + "_other_index.sql")
                        + ":5: SQL state 42P07: ERROR: relation \"orders_by_id_2\" already exists");
        assertThat(result.rows()).extracting(VerifyResult.Row::result).startsWith("ok", "FAILED", "FAILED", "ok");
    }

    @Test
    void tableTheHeldDowngradeDroppedIsReportedAndTheRowsOfTheOthersAreStillCompared() {
        files.add(R1 + "_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_b", R1, "CREATE TABLE b (id INT PRIMARY KEY, note TEXT);", "DROP TABLE b;");
        // leaves its index: rebuilt, and from then on transactions are held
        files.add(R3 + "_index", R2, "CREATE INDEX b_by_id ON b (id DESC);", "SELECT 1;");
        // the held downgrade drops a table that was there before, and changes the rows of another
        files.add(R4 + "_c", R3, "CREATE TABLE c (id INT);",
                "DROP TABLE c;\nDROP TABLE a;\nUPDATE b SET note = 'changed';");

        VerifyResult result = verify(VerifyOptions.defaults().withLocks(false));

        assertThat(errors(result)).contains("downgrade of 20260104000000_c drops table a, which existed before the upgrade");
        assertThat(VerifyFixture.warnings(result)).anyMatch(warning -> warning.startsWith(
                "downgrade of 20260104000000_c changes 3 of the 3 rows table public.b held before the upgrade"));
        assertThat(result.rows()).extracting(VerifyResult.Row::result).startsWith("ok", "ok", "FAILED", "FAILED");
    }
}
