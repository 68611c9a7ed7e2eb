package dev.migrate;

import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import java.time.Duration;

/**
 * Progress of a run, as the core reports it. The Maven layer turns the events into log lines;
 * tests record them.
 */
public interface MigrationListener {

    /** Nothing is reported. */
    MigrationListener SILENT = new MigrationListener() {
    };

    default void info(String message) {
    }

    default void warn(String message) {
    }

    /** A plan is about to run (or to be recorded, for stamp). */
    default void planned(Plan plan, String targetDescription) {
    }

    /** One revision ran completely and its history row was written. */
    default void revisionDone(Revision revision, Direction direction, Duration took, boolean transactional) {
    }

    /** One revision was recorded as applied or removed from the history without running its SQL. */
    default void revisionStamped(Revision revision, Direction direction) {
    }
}
