package dev.migrate.run;

import dev.migrate.common.MigrateException;
import dev.migrate.graph.Direction;
import dev.migrate.revision.Revision;
import dev.migrate.sql.Statement;
import java.sql.SQLException;

/**
 * A statement of a revision failed on the server. Carries the revision, the file and line of the
 * statement, the SQL state and the database's own message.
 */
public final class StatementFailedException extends MigrateException {

    private final String revisionId;
    private final int line;
    private final String sqlState;

    StatementFailedException(Revision revision, Direction direction, Statement statement, int index, int count,
            SQLException cause, String aftermath) {
        super(message(revision, direction, statement, index, count, cause, aftermath), cause);
        this.revisionId = revision.id();
        this.line = statement.line();
        this.sqlState = cause.getSQLState();
    }

    public String revisionId() {
        return revisionId;
    }

    public int line() {
        return line;
    }

    public String sqlState() {
        return sqlState;
    }

    private static String message(Revision revision, Direction direction, Statement statement, int index, int count,
            SQLException cause, String aftermath) {
        String section = direction == Direction.UP ? "upgrade" : "downgrade";
        return "revision " + revision.describe() + " failed: " + section + " statement " + (index + 1) + " of " + count
                + " at " + revision.file() + ":" + statement.line() + "\n"
                + "  SQL state " + cause.getSQLState() + ": " + cause.getMessage().strip() + "\n"
                + "  " + aftermath;
    }
}
