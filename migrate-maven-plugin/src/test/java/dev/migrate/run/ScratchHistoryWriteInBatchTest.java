package dev.migrate.run;

import static dev.migrate.testing.Ids.R1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.database.Dialects;
import dev.migrate.graph.Direction;
import dev.migrate.graph.GraphLoader;
import dev.migrate.graph.Plan;
import dev.migrate.graph.Target;
import dev.migrate.revision.Placeholders;
import dev.migrate.revision.Revision;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a scratch run (verify's) sends a transactional revision's statements, its history
 * write and the commit in one batch: one round trip where there were two. The row is the one the
 * prepared write leaves (but for its duration), whatever the revision did to how the session reads
 * quotes and backslashes, and a write that fails in the batch fails as it failed on its own.
 */
class ScratchHistoryWriteInBatchTest extends OneRevisionOnHistory {

    ScratchHistoryWriteInBatchTest() {
        super(TestDatabase.Kind.POSTGRESQL);
    }

    /** What the runner told the journal: "finished" or "in batch N" (N rows written), in order. */
    final List<String> told = new ArrayList<>();

    void run(Plan plan) throws SQLException {
        PlanRunner.Journal journal = HistoryJournal.forScratch(new HistoryTable(database, null, HISTORY));
        PlanRunner.Journal noting = new ForwardingJournal(journal) {
            @Override
            public boolean finished(Revision revision, Direction direction, int statements, boolean rowWritten,
                    long millis, boolean commit) throws SQLException {
                told.add("finished");
                return super.finished(revision, direction, statements, rowWritten, millis, commit);
            }

            @Override
            public void finishedInBatch(Revision revision, Direction direction, int rows) throws SQLException {
                told.add("in batch " + rows);
                super.finishedInBatch(revision, direction, rows);
            }
        };
        new PlanRunner(database, noting, RunListener.SILENT).run(plan);
    }

    /** Revision R1 from base with {@code message}, as the graph loads it. */
    Revision revision(String message, String upgrade, String downgrade) {
        RevisionFiles.in(dir).addWithHeader(R1 + "_one", "-- parents: base\n-- message: " + message, upgrade, downgrade);
        return GraphLoader.load(dir, Dialects.forUrl(db.url()).syntax(), Placeholders.NONE, null, null, db.url(), true)
                .upgradePlan(Target.parse("head"), Set.of()).steps().get(0);
    }

    @Test
    void theRowAndTheCommitGoWithTheStatementsEachWayEvenWithOneStatement() throws SQLException {
        Revision revision = revision("make a", "CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);", "DROP TABLE a;");

        run(new Plan(Direction.UP, List.of(revision)));

        assertThat(told).containsExactly("in batch 1");
        // seen from another session: committed
        assertThat(db.tables()).containsExactlyInAnyOrder("a", "migrate_history");
        assertThat(db.column("SELECT concat_ws('|', revision, parents, message, upgrade_checksum, downgrade_checksum,"
                + " applied_by, duration_ms, state, statements_done, coalesce(error, '-'), coalesce(done_checksums, '-'),"
                + " applied_at IS NOT NULL) FROM migrate_history"))
                .containsExactly(String.join("|", R1, "", "make a", revision.upgrade().checksum(),
                        revision.downgrade().checksum(), database.connection().getMetaData().getUserName(), "0",
                        "applied", "0", "-", "-", "t"));

        run(new Plan(Direction.DOWN, List.of(revision)));

        assertThat(told).containsExactly("in batch 1", "in batch 1");
        assertThat(db.tables()).containsExactly("migrate_history");
        assertThat(db.column("SELECT revision FROM migrate_history")).isEmpty();
    }

    @Test
    void aMessageWithQuotesAndBackslashesIsRecordedAsWrittenWhenTheRevisionChangedHowTheyAreRead()
            throws SQLException {
        String message = "it's C:\\temp\\new; 'quoted' \\' and \\\\ and $$ and ?";
        Revision revision = revision(message, "SET standard_conforming_strings = off;\nCREATE TABLE a (id INT);",
                "DROP TABLE a;");

        run(new Plan(Direction.UP, List.of(revision)));

        assertThat(told).containsExactly("in batch 1");
        assertThat(revision.message()).isEqualTo(message);
        assertThat(db.column("SELECT message FROM migrate_history")).containsExactly(message);
    }

    @Test
    void aWriteThatFailsInTheBatchFailsAsItFailsAloneAndLeavesNothingOfTheRevision() throws SQLException {
        Revision revision = revision("make a", "CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);", "DROP TABLE a;");
        try (java.sql.Statement statement = database.connection().createStatement()) {
            statement.execute("INSERT INTO migrate_history (revision, parents, message, upgrade_checksum,"
                    + " downgrade_checksum, applied_at, applied_by, duration_ms, state, statements_done)"
                    + " VALUES ('" + R1 + "', '', 'x', 'x', 'x', now(), 'x', 0, 'applied', 0)");
        }

        assertThatThrownBy(() -> run(new Plan(Direction.UP, List.of(revision))))
                .isInstanceOf(SQLException.class)
                .isNotInstanceOf(java.sql.BatchUpdateException.class)
                .hasMessageContaining("duplicate key value violates unique constraint");

        // the batch failed at the write, so the revision ran again on its own and met the write as before
        assertThat(told).containsExactly("finished");
        assertThat(db.tables()).containsExactly("migrate_history");
    }

    @Test
    void aRevisionThatNamesTheHistoryTableGetsItsWriteOnItsOwn() throws SQLException {
        Revision revision = revision("make a", "CREATE TABLE a (id INT);\nCOMMENT ON TABLE migrate_history IS 'x';",
                "DROP TABLE a;");

        run(new Plan(Direction.UP, List.of(revision)));

        assertThat(told).containsExactly("finished");
        assertThat(db.column("SELECT revision || ' ' || state FROM migrate_history")).containsExactly(R1 + " applied");
    }
}
