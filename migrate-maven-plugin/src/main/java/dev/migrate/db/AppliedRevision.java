package dev.migrate.db;

import java.time.Instant;
import java.util.List;

/**
 * One row of the history table: a revision recorded as applied.
 *
 * @param id revision id
 * @param parents parent ids as recorded when it was applied
 * @param message the revision's message when it was applied
 * @param upgradeChecksum checksum of the upgrade section that ran
 * @param downgradeChecksum checksum of the downgrade section at the time
 * @param appliedAt when
 * @param appliedBy database user that applied it
 * @param durationMillis how long its statements took
 * @param state {@code applied}, or {@code stamped} when recorded without running
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
        String state) {

    public AppliedRevision {
        parents = List.copyOf(parents);
    }
}
