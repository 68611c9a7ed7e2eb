package dev.migrate.run;

import dev.migrate.graph.Direction;
import dev.migrate.revision.Revision;
import dev.migrate.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Watches a plan as it runs, on the connection that runs it: told when a revision starts (inside its
 * transaction, when it has one) and after each of its statements succeeded, before the revision
 * commits. Verify measures locks and table rewrites through it; a plain run has none.
 */
public interface StatementObserver {

    /** Observes nothing. */
    StatementObserver NONE = (revision, direction, statement, connection) -> { };

    /** {@code revision} is about to run its first statement on {@code connection}. */
    default void starting(Revision revision, Direction direction, Connection connection) throws SQLException {
    }

    /** {@code statement} of {@code revision} ran on {@code connection}; its transaction is still open. */
    void ran(Revision revision, Direction direction, Statement statement, Connection connection) throws SQLException;

    /**
     * Whether it looks at the connection between one statement and the next (locks held, a table
     * rewritten), so each statement must run on its own. False for one that only notes which
     * statements ran: a revision's statements may then go to the database together (one batch),
     * and it is told of each, in order, once they all ran, before the revision commits.
     */
    default boolean betweenStatements() {
        return true;
    }
}
