package dev.migrate.run;

import static dev.migrate.testing.Ids.R1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.graph.Plan;
import dev.migrate.history.ExecutedStatements;
import dev.migrate.history.HistoryRowChangedException;
import dev.migrate.revision.Revision;
import dev.migrate.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verify's scratch runs on MariaDB, where each DDL statement commits on its own: the journal writes
 * a revision's row when it starts and when it ends, not between its statements, and leaves the row
 * a real run leaves; a revision that may write the history table itself gets every write.
 */
class ScratchJournalTest extends OneRevisionOnHistory {

    ScratchJournalTest() {
        super(TestDatabase.Kind.MARIADB);
    }

    /** How many rows this session's INSERT, UPDATE and DELETE statements were, so far. */
    long[] writes() throws SQLException {
        long[] counts = new long[3];
        try (Statement statement = database.connection().createStatement();
                ResultSet rs = statement.executeQuery("SHOW SESSION STATUS WHERE variable_name IN"
                        + " ('Com_insert', 'Com_update', 'Com_delete')")) {
            while (rs.next()) {
                int at = switch (rs.getString(1).toLowerCase(java.util.Locale.ROOT)) {
                    case "com_insert" -> 0;
                    case "com_update" -> 1;
                    default -> 2;
                };
                counts[at] = rs.getLong(2);
            }
        }
        return counts;
    }

    long[] writesOf(Runnable run) throws SQLException {
        long[] before = writes();
        run.run();
        long[] after = writes();
        return new long[] {after[0] - before[0], after[1] - before[1], after[2] - before[2]};
    }

    void run(Plan plan) {
        try {
            UncheckedRun.run(database, null, HISTORY, plan);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRevisionOfThreeDdlStatementsGetsItsFirstAndLastWriteEachWay() throws SQLException {
        Revision revision = revision("CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\nCREATE INDEX ix_a ON a (id);",
                "DROP TABLE b;\nDROP TABLE a;");

        long[] up = writesOf(() -> run(new Plan(dev.migrate.graph.Direction.UP, List.of(revision))));
        long[] down = writesOf(() -> run(new Plan(dev.migrate.graph.Direction.DOWN, List.of(revision))));

        // a real run writes twice more per statement (started, done): 1 insert and 7 updates up
        assertThat(up).containsExactly(1, 1, 0);
        assertThat(down).containsExactly(0, 1, 1);
        assertThat(db.tables()).containsExactly("migrate_history");
    }

    @Test
    void aTableWhoseNameOnlyHoldsTheHistoryTablesNameLeavesTheRevisionLightlyJournaled() throws SQLException {
        Revision revision = revision("CREATE TABLE migrate_history_archive (id INT);\nCREATE TABLE b (id INT);\n"
                + "CREATE INDEX ix_b ON b (id);", "DROP TABLE b;\nDROP TABLE migrate_history_archive;");

        long[] up = writesOf(() -> run(new Plan(dev.migrate.graph.Direction.UP, List.of(revision))));

        assertThat(up).containsExactly(1, 1, 0);
        assertThat(db.tables()).containsExactly("b", "migrate_history", "migrate_history_archive");
    }

    @Test
    void aFinishedRevisionsRowIsTheOneARealRunLeaves() {
        Revision revision = revision("CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);", "DROP TABLE b;\nDROP TABLE a;");

        run(new Plan(dev.migrate.graph.Direction.UP, List.of(revision)));

        assertThat(db.column("SELECT CONCAT_WS('|', state, statements_done, COALESCE(error, '-'),"
                + " COALESCE(done_checksums, '-'), upgrade_checksum, downgrade_checksum) FROM migrate_history"))
                .containsExactly("applied|2|-|-|" + revision.upgrade().checksum() + "|" + revision.downgrade().checksum());
    }

    @Test
    void aFailedRevisionsRowSaysWhereItStoppedAsARealRunsDoes() {
        Revision revision = revision("CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\nCREATE TABLE a (id INT);",
                "DROP TABLE b;\nDROP TABLE a;");

        assertThatThrownBy(() -> run(new Plan(dev.migrate.graph.Direction.UP, List.of(revision))))
                .isInstanceOf(StatementFailedException.class);

        assertThat(db.column("SELECT CONCAT_WS('|', state, statements_done, done_checksums) FROM migrate_history"))
                .containsExactly("failed|2|" + ExecutedStatements.checksums(revision.upgrade(), 2));
        assertThat(db.column("SELECT error FROM migrate_history")).singleElement().asString()
                .startsWith(revision.fileName() + ":" + revision.upgrade().statements().get(2).line() + ": SQL state");
    }

    @Test
    void aRevisionThatWritesTheHistoryTableMeetsEveryWriteAndStopsWhereARealRunStops() {
        // its own row gone after statement 2: the write after it finds no row, and statement 3 never runs
        Revision revision = revision("CREATE TABLE a (id INT);\nDELETE FROM migrate_history WHERE revision = '" + R1
                + "';\nCREATE TABLE b (id INT);", "DROP TABLE b;\nDROP TABLE a;");

        assertThatThrownBy(() -> run(new Plan(dev.migrate.graph.Direction.UP, List.of(revision))))
                .isInstanceOf(HistoryRowChangedException.class);

        assertThat(db.tables()).containsExactly("a", "migrate_history");
        assertThat(db.column("SELECT CONCAT_WS('|', state, statements_done) FROM migrate_history"))
                .containsExactly("running|1");
    }
}
