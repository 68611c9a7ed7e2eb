package dev.migrate.history;

import dev.migrate.common.MigrateException;

/**
 * The history table says something the plugin never writes (a row changed or removed by hand, or
 * by another tool): the run stops before anything moves, saying which row and what to do.
 */
public final class InconsistentHistoryException extends MigrateException {

    public InconsistentHistoryException(String problem) {
        super(problem + " (nothing was run). Restore the row as it was, record where the database really stands"
                + " with mvn migrate:stamp -Dmigrate.target=<revision>, or re-record checksums with migrate:repair.");
    }
}
