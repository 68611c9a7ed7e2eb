package dev.migrate.history;

import dev.migrate.common.MigrateException;
import java.util.List;
import java.util.stream.Collectors;

/** A non-transactional revision stopped on a failing statement; runs wait until it is resolved. */
public final class UnfinishedRevisionException extends MigrateException {

    public UnfinishedRevisionException(List<AppliedRevision> failed) {
        super("a revision that runs outside a transaction failed halfway, so the database is between two states"
                + " (nothing was run):\n"
                + failed.stream().map(UnfinishedRevisionException::describe).collect(Collectors.joining("\n"))
                + "\n  Either fix the cause (the file or the database) and resume from the failed statement with"
                + " -Dmigrate.resume=true, or repair the database by hand and record where it stands with"
                + " mvn migrate:stamp -Dmigrate.target=<revision>.");
    }

    private static String describe(AppliedRevision row) {
        String direction = row.state().upgrading() ? "upgrade" : "downgrade";
        return "  " + row.id() + " (" + row.message() + "): " + direction + " stopped after " + row.statementsDone()
                + " statement(s) at " + row.error();
    }
}
