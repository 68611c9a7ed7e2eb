package dev.migrate.run;

import dev.migrate.common.Log;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import java.time.Duration;

/** Progress of a run that moves a database, as {@link MigrationRun} reports it. */
public interface RunListener extends Log {

    /** Nothing is reported. */
    RunListener SILENT = new RunListener() {
    };

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
