package dev.migrate.run;

import dev.migrate.common.MigrateException;
import dev.migrate.graph.Direction;
import dev.migrate.revision.Revision;
import dev.migrate.sql.Statement;

/**
 * A run died while a statement that cannot share a transaction with its journal entry was running,
 * and the database cannot show whether it completed: the plugin will neither run it twice nor skip
 * it silently, so it stops before anything runs and asks.
 */
public final class InDoubtStatementException extends MigrateException {

    public InDoubtStatementException(Revision revision, Direction direction, Statement statement, int index,
            String detail) {
        super("the " + (direction == Direction.UP ? "upgrade" : "downgrade") + " of " + revision.describe() + " stopped while"
                + " statement " + (index + 1) + " (" + revision.fileName() + ":" + statement.line() + ") ran outside a"
                + " transaction, and whether it completed cannot be told (nothing was run): " + detail + ".\n  Look at"
                + " the database: if the statement completed, run again with -Dmigrate.resume=assume-done; if it did"
                + " not, undo any part of it that remains and run again with -Dmigrate.resume=rerun.");
    }
}
