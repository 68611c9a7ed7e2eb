package dev.migrate.run;

import static dev.migrate.testing.Ids.R1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a transactional revision's history write carries the commit of its transaction
 * (one round trip instead of two): the revision and its row are committed together when the write
 * succeeds, and neither when it fails.
 */
class HistoryWriteCommitTest extends OneRevisionOnHistory {

    HistoryWriteCommitTest() {
        super(TestDatabase.Kind.POSTGRESQL);
    }

    /** Runs {@code plan} with the scratch journal, noting what each {@code finished} answered. */
    List<Boolean> run(Plan plan) throws SQLException {
        List<Boolean> committed = new ArrayList<>();
        PlanRunner.Journal journal = HistoryJournal.forScratch(new HistoryTable(database, null, HISTORY));
        PlanRunner.Journal noting = new ForwardingJournal(journal) {
            @Override
            public boolean finished(Revision revision, Direction direction, int statements, boolean rowWritten,
                    long millis, boolean commit) throws SQLException {
                boolean done = super.finished(revision, direction, statements, rowWritten, millis, commit);
                committed.add(done);
                return done;
            }

            @Override
            public List<String> finishingTexts(Revision revision, Direction direction) {
                return List.of(); // the write through finished, whose answer this test is about
            }
        };
        new PlanRunner(database, noting, RunListener.SILENT).run(plan);
        return committed;
    }

    @Test
    void theHistoryWriteCommitsTheRevisionWithItsRowEachWay() throws SQLException {
        Revision revision = revision("CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);", "DROP TABLE a;");

        List<Boolean> up = run(new Plan(Direction.UP, List.of(revision)));

        assertThat(up).containsExactly(true);
        // seen from another session: committed
        assertThat(db.tables()).containsExactlyInAnyOrder("a", "migrate_history");
        assertThat(db.column("SELECT revision || ' ' || state FROM migrate_history")).containsExactly(R1 + " applied");

        List<Boolean> down = run(new Plan(Direction.DOWN, List.of(revision)));

        assertThat(down).containsExactly(true);
        assertThat(db.tables()).containsExactly("migrate_history");
        assertThat(db.column("SELECT revision FROM migrate_history")).isEmpty();
    }

    @Test
    void aFailedHistoryWriteLeavesTheRevisionUncommitted() {
        Revision revision = revision("CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);", "DROP TABLE a;");
        // a row the run does not expect: its insert fails on the key, and the commit with it must not happen
        db.execute("INSERT INTO migrate_history (revision, parents, message, upgrade_checksum, downgrade_checksum,"
                + " applied_at, applied_by, duration_ms, state) VALUES ('" + R1 + "', '', 'by hand', 'x', 'y',"
                + " CURRENT_TIMESTAMP, 'me', 0, 'applied')");

        assertThatThrownBy(() -> run(new Plan(Direction.UP, List.of(revision)))).isInstanceOf(SQLException.class)
                .hasMessageContaining("duplicate key");

        assertThat(db.tables()).containsExactly("migrate_history");
        assertThat(db.column("SELECT message FROM migrate_history")).containsExactly("by hand");
    }

    @Test
    void aRevisionNamingTheHistoryTableCommitsAfterItsRemovalIsCounted() throws SQLException {
        Revision revision = revision("CREATE TABLE a (id INT);",
                "DROP TABLE a;\nCOMMENT ON TABLE migrate_history IS 'named';");
        run(new Plan(Direction.UP, List.of(revision)));

        List<Boolean> down = run(new Plan(Direction.DOWN, List.of(revision)));

        assertThat(down).containsExactly(false);
        assertThat(db.tables()).containsExactly("migrate_history");
        assertThat(db.column("SELECT revision FROM migrate_history")).isEmpty();
    }
}
