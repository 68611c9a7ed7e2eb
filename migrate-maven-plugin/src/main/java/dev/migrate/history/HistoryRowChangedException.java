package dev.migrate.history;

import dev.migrate.common.MigrateException;

/**
 * A write to one history row changed no row or several: someone else (a person, another tool, a
 * run that did not take the same lock) changed the history table while this run held the migration
 * lock. The write's transaction is rolled back rather than trusted.
 */
public final class HistoryRowChangedException extends MigrateException {

    public HistoryRowChangedException(String table, String revision, String write, int rows) {
        super("writing the history row of revision " + revision + " in " + table + " (" + write + ") changed " + rows
                + " rows instead of exactly one: the history table was changed behind the migration lock, by hand or by"
                + " a run of another tool. What this revision's transaction held was rolled back. Look at the table"
                + " (mvn migrate:history), make it say where the database stands (migrate:stamp), and run again.");
    }
}
