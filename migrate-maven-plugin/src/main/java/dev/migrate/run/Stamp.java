package dev.migrate.run;

import dev.migrate.database.Database;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.history.RowState;
import dev.migrate.revision.Revision;
import java.sql.Connection;
import java.sql.SQLException;

/** {@code migrate:stamp}'s part of a run: the plan recorded in the history table, no revision's SQL run. */
final class Stamp {

    private Stamp() {
    }

    /**
     * Records every step of {@code plan} in one transaction, with the rows of the squashes counted
     * as applied ({@code squashRows}), then tells {@code listener}.
     */
    static void record(Database database, HistoryTable history, Plan plan, RunListener listener,
            SquashRows squashRows) throws SQLException {
        Connection connection = database.connection();
        connection.setAutoCommit(false);
        try {
            squashRows.beforeWrite(history);
            for (Revision revision : plan.steps()) {
                if (plan.direction() == Direction.UP) {
                    history.insert(revision, 0, RowState.STAMPED);
                } else {
                    history.delete(revision.id());
                    // a squash stands for the revisions it replaces: a database that ran them keeps
                    // their rows (its files pruned or not), and they go with the squash, as in a downgrade
                    for (String replaced : revision.replaces()) {
                        history.deleteIfPresent(replaced);
                    }
                }
                squashRows.written(revision, plan.direction(), history);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        plan.steps().forEach(revision -> listener.revisionStamped(revision, plan.direction()));
    }
}
