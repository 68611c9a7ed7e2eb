package dev.migrate.history;

import dev.migrate.common.MigrateException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A revision that stopped halfway is to be resumed or finished, but statements of it that already
 * ran were edited since: the database holds what the old text did, so resuming would record a file
 * that does not describe it.
 */
public final class EditedExecutedStatementsException extends MigrateException {

    public EditedExecutedStatementsException(String revision, List<String> edited) {
        super("cannot resume " + revision + ": statements that already ran were edited (nothing was run):\n"
                + edited.stream().map(e -> "  " + e).collect(Collectors.joining("\n"))
                + "\n  Only the statements that have not run yet (the failed one and those after it) may change."
                + " Revert the edit of the statements that ran, then resume; or repair the database by hand and"
                + " record where it stands with mvn migrate:stamp -Dmigrate.target=<revision>.");
    }
}
