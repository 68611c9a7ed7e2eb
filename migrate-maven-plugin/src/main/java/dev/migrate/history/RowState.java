package dev.migrate.history;

import java.util.Locale;

/**
 * What a history row says about its revision. Only {@code transactional: false} revisions ever
 * leave a row in one of the unfinished states, because a transactional revision writes its row in
 * the same transaction as its statements.
 */
public enum RowState {
    /** Ran completely. */
    APPLIED(true, false),
    /** Recorded by {@code stamp} without running SQL. */
    STAMPED(true, false),
    /** A non-transactional upgrade is running, or its process died while it ran. */
    RUNNING(false, true),
    /** A non-transactional upgrade stopped on a failing statement. */
    FAILED(false, true),
    /** A non-transactional downgrade is running, or its process died while it ran. */
    RUNNING_DOWN(true, true),
    /** A non-transactional downgrade stopped on a failing statement. */
    FAILED_DOWN(true, true),
    /**
     * A non-transactional upgrade started statement {@code statements_done + 1}, one that cannot share
     * a transaction with its journal entry; whether it completed is not known until a resume checks.
     */
    STARTED(false, true),
    /** As {@link #STARTED}, in a downgrade. */
    STARTED_DOWN(true, true);

    private final boolean countsAsApplied;
    private final boolean unfinished;

    RowState(boolean countsAsApplied, boolean unfinished) {
        this.countsAsApplied = countsAsApplied;
        this.unfinished = unfinished;
    }

    /** Whether the revision counts as applied when planning (a half-done downgrade still does). */
    public boolean countsAsApplied() {
        return countsAsApplied;
    }

    /** Whether the revision stopped halfway and must be resumed or resolved first. */
    public boolean unfinished() {
        return unfinished;
    }

    /** Whether the row shows a statement failure (rather than a run that was interrupted). */
    public boolean failed() {
        return this == FAILED || this == FAILED_DOWN;
    }

    public boolean upgrading() {
        return this == RUNNING || this == FAILED || this == STARTED;
    }

    /** Whether a statement was started outside any transaction and not recorded as done. */
    public boolean inDoubt() {
        return this == STARTED || this == STARTED_DOWN;
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The state a history row's {@code state} value names; null is an applied row of the first
     * release.
     *
     * @throws IllegalArgumentException for a value this plugin never writes
     */
    public static RowState fromDb(String value) {
        return value == null ? APPLIED : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
