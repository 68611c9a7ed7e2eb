package dev.migrate.history;

import dev.migrate.common.MigrateException;
import java.util.List;

/**
 * The history table says something the plugin never writes (a row deleted or changed by hand, or
 * by another tool): goals that move the database, and {@code validate}, stop before anything runs,
 * naming each row and what to do.
 */
public final class InconsistentHistoryException extends MigrateException {

    public InconsistentHistoryException(String problem) {
        this(List.of(problem));
    }

    public InconsistentHistoryException(List<String> problems) {
        super("the history table is inconsistent (nothing was run):\n  " + String.join("\n  ", problems)
                + "\n  Make the table say where the database really stands: restore the rows as they were, or record"
                + " it with mvn migrate:stamp -Dmigrate.target=<revision> (migrate:repair re-records checksums only).");
    }
}
