package dev.migrate.maven;

import dev.migrate.MigrationListener;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import java.time.Duration;
import org.apache.maven.plugin.logging.Log;

/** Forwards the core's progress events to Maven's log, one line per revision. */
final class LogListener implements MigrationListener {

    private final Log log;

    LogListener(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void planned(Plan plan, String targetDescription) {
        int count = plan.steps().size();
        if (count > 0) {
            log.info("Plan (" + targetDescription + "): " + count + (count == 1 ? " revision" : " revisions"));
        }
    }

    @Override
    public void revisionDone(Revision revision, Direction direction, Duration took, boolean transactional) {
        String verb = direction == Direction.UP ? "upgrade  " : "downgrade";
        log.info(verb + " " + revision.describe() + " - " + took.toMillis() + " ms"
                + (transactional ? "" : " (non-transactional: statement by statement, outside a transaction)"));
    }

    @Override
    public void revisionStamped(Revision revision, Direction direction) {
        log.info((direction == Direction.UP ? "stamp    + " : "stamp    - ") + revision.describe());
    }
}
