package dev.migrate.run;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.Dialects;
import dev.migrate.graph.Direction;
import dev.migrate.graph.GraphLoader;
import dev.migrate.graph.Plan;
import dev.migrate.graph.Target;
import dev.migrate.revision.Placeholders;
import dev.migrate.revision.Revision;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL verify's session reset can go after the commit of a plan's last revision, in the
 * round trip of its batch: the session is then as a new connection's (settings, temporary tables,
 * prepared statements gone), the revisions of one plan still share their session as in a real run,
 * and a reset that fails there leaves the revision done and says it did not reset.
 */
class ResetAfterLastCommitTest extends OneRevisionOnHistory {

    ResetAfterLastCommitTest() {
        super(TestDatabase.Kind.POSTGRESQL);
    }

    boolean run(Plan plan) throws SQLException {
        return UncheckedRun.run(database, null, HISTORY, plan, StatementObserver.NONE,
                database.dialect().resetTexts());
    }

    String query(String sql) throws SQLException {
        try (Statement statement = database.connection().createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    List<Revision> upgradePlan() {
        return GraphLoader.load(dir, Dialects.forUrl(db.url()).syntax(), Placeholders.NONE, null, null, db.url(), true)
                .upgradePlan(Target.parse("head"), Set.of()).steps();
    }

    @Test
    void thePlansRevisionsShareTheSessionAndTheResetAfterTheLastCommitLeavesItAsNew() throws SQLException {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_a", "base", "SET statement_timeout = '1min';\nCREATE TEMP TABLE parked (id INT);\n"
                + "PREPARE forget AS DELETE FROM parked;\nCREATE TABLE a (id INT);", "DROP TABLE a;");
        files.add(R2 + "_b", R1, """
                DO $$ BEGIN
                    IF current_setting('statement_timeout') <> '1min' OR to_regclass('pg_temp.parked') IS NULL THEN
                        RAISE EXCEPTION 'the session was reset between the revisions of one plan';
                    END IF;
                END $$;
                CREATE TABLE b (id INT);""", "DROP TABLE b;");

        boolean reset = run(new Plan(Direction.UP, upgradePlan()));

        assertThat(reset).isTrue();
        assertThat(query("SHOW statement_timeout")).isEqualTo("0");
        assertThat(query("SELECT to_regclass('pg_temp.parked')")).isNull();
        assertThat(query("SELECT count(*) FROM pg_prepared_statements WHERE from_sql")).isEqualTo("0");
        // seen from another session: both committed with their rows
        assertThat(db.tables()).containsExactlyInAnyOrder("a", "b", "migrate_history");
        assertThat(db.column("SELECT revision FROM migrate_history ORDER BY revision")).containsExactly(R1, R2);
    }

    @Test
    void aResetThatFailsAfterTheCommitLeavesTheRevisionDoneAndSaysItDidNotReset() throws SQLException {
        // the reset's DO block needs PL/pgSQL
        RevisionFiles.in(dir).add(R1 + "_a", "base", "SET statement_timeout = '1min';\nCREATE TABLE a (id INT);\n"
                + "DROP EXTENSION plpgsql;", "DROP TABLE a;");

        boolean reset = run(new Plan(Direction.UP, upgradePlan()));

        assertThat(reset).isFalse();
        assertThat(query("SHOW statement_timeout")).isEqualTo("1min");
        assertThat(db.tables()).containsExactlyInAnyOrder("a", "migrate_history");
        assertThat(db.column("SELECT revision || ' ' || state FROM migrate_history")).containsExactly(R1 + " applied");
    }

    @Test
    void aPlanWhoseLastRevisionDoesNotGoInOneBatchLeavesTheResetToTheNextUse() throws SQLException {
        // a statement that names the history table has the write go on its own
        RevisionFiles.in(dir).add(R1 + "_a", "base", "SET statement_timeout = '1min';\n"
                + "COMMENT ON TABLE migrate_history IS 'x';", "SELECT 1;");

        boolean reset = run(new Plan(Direction.UP, upgradePlan()));

        assertThat(reset).isFalse();
        assertThat(query("SHOW statement_timeout")).isEqualTo("1min");
        assertThat(db.column("SELECT revision FROM migrate_history")).containsExactly(R1);
    }
}
