package dev.migrate.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.sql.Statement;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A statement observer that only notes what ran (verify's snapshot series) lets a transactional
 * revision go to PostgreSQL in one batch: it is told of every statement, in order, once they all
 * ran and before the commit. One that looks between statements (the lock report) still sees each
 * statement run on its own.
 */
class BatchedObserverTest extends OneRevisionOnHistory {

    BatchedObserverTest() {
        super(TestDatabase.Kind.POSTGRESQL);
    }

    Revision revision(String upgrade) {
        return revision(upgrade, "DROP TABLE c;\nDROP TABLE b;\nDROP TABLE a;\n");
    }

    /** Notes, for each statement it is told of, the tables that exist at that moment on the run's connection. */
    static final class Noting implements StatementObserver {
        final boolean between;
        final List<String> seen = new ArrayList<>();

        Noting(boolean between) {
            this.between = between;
        }

        @Override
        public void ran(Revision revision, Direction direction, Statement statement, Connection connection)
                throws SQLException {
            List<String> tables = new ArrayList<>();
            try (java.sql.Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(
                    "SELECT relname FROM pg_class WHERE relname IN ('a', 'b', 'c') AND relkind = 'r' ORDER BY 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            seen.add(statement.sql().strip() + " -> " + tables);
        }

        @Override
        public boolean betweenStatements() {
            return between;
        }
    }

    void run(Revision revision, StatementObserver observer) throws SQLException {
        new PlanRunner(database, HistoryJournal.forScratch(new HistoryTable(database, null, HISTORY)),
                RunListener.SILENT, observer).run(new Plan(Direction.UP, List.of(revision)));
    }

    @Test
    void anObserverThatOnlyNotesWhatRanIsToldOfEachStatementAfterTheRevisionRanInOneBatch() throws SQLException {
        Revision revision = revision("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE TABLE c (id int);\n");
        Noting noting = new Noting(false);
        run(revision, noting);
        assertThat(noting.seen).containsExactly("CREATE TABLE a (id int) -> [a, b, c]",
                "CREATE TABLE b (id int) -> [a, b, c]", "CREATE TABLE c (id int) -> [a, b, c]");
        assertThat(UncheckedRun.readHistoryIfExists(database, null, HISTORY).orElseThrow()).hasSize(1);
    }

    @Test
    void anObserverThatLooksBetweenStatementsSeesEachRunOnItsOwn() throws SQLException {
        Revision revision = revision("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE TABLE c (id int);\n");
        Noting noting = new Noting(true);
        run(revision, noting);
        assertThat(noting.seen).containsExactly("CREATE TABLE a (id int) -> [a]", "CREATE TABLE b (id int) -> [a, b]",
                "CREATE TABLE c (id int) -> [a, b, c]");
    }

    @Test
    void aFailedStatementInTheBatchIsNamedAndNothingOfTheRevisionStays() throws SQLException {
        Revision revision = revision("CREATE TABLE a (id int);\nCREATE TABLE b (id nosuchtype);\n"
                + "CREATE TABLE c (id int);\n");
        Noting noting = new Noting(false);
        assertThatThrownBy(() -> run(revision, noting)).isInstanceOf(StatementFailedException.class)
                .hasMessageContaining("upgrade statement 2 of 3").hasMessageContaining("nosuchtype");
        assertThat(noting.seen).isEmpty();
        try (java.sql.Statement query = database.connection().createStatement(); ResultSet rows = query.executeQuery(
                "SELECT count(*) FROM pg_class WHERE relname IN ('a', 'b', 'c')")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
        assertThat(UncheckedRun.readHistoryIfExists(database, null, HISTORY).orElseThrow()).isEmpty();
    }
}
