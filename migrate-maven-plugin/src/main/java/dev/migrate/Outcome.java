package dev.migrate;

import dev.migrate.history.Status;
import dev.migrate.graph.Plan;
import java.time.Duration;

/**
 * What a goal that moves the database did.
 *
 * @param plan the revisions run (or recorded, for stamp), in order
 * @param took wall time of the whole run
 * @param after where the database stands afterwards
 */
public record Outcome(Plan plan, Duration took, Status after) {
}
