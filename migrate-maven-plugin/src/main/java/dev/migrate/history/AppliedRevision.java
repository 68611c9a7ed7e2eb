package dev.migrate.history;

import java.time.Instant;
import java.util.List;

/**
 * One row of the history table: a revision recorded as applied, or one that stopped halfway.
 *
 * @param id revision id
 * @param parents parent ids as recorded when it was applied
 * @param message the revision's message when it was applied
 * @param upgradeChecksum checksum of the upgrade section that ran
 * @param downgradeChecksum checksum of the downgrade section at the time
 * @param appliedAt when
 * @param appliedBy database user that applied it
 * @param durationMillis how long its statements took
 * @param state applied, stamped, or one of the unfinished states of a non-transactional revision
 * @param statementsDone for an unfinished revision, how many of its statements completed
 * @param error for a failed revision, the failing statement's location and the database's message
 * @param doneChecksums for an unfinished revision, the checksums of the statements that completed
 *     ({@link ExecutedStatements}); null in rows written before they were recorded
 */
public record AppliedRevision(
        String id,
        List<String> parents,
        String message,
        String upgradeChecksum,
        String downgradeChecksum,
        Instant appliedAt,
        String appliedBy,
        long durationMillis,
        RowState state,
        int statementsDone,
        String error,
        String doneChecksums) {

    public AppliedRevision {
        parents = List.copyOf(parents);
    }

    /** A row without a record of its executed statements. */
    public AppliedRevision(String id, List<String> parents, String message, String upgradeChecksum,
            String downgradeChecksum, Instant appliedAt, String appliedBy, long durationMillis, RowState state,
            int statementsDone, String error) {
        this(id, parents, message, upgradeChecksum, downgradeChecksum, appliedAt, appliedBy, durationMillis, state,
                statementsDone, error, null);
    }
}
