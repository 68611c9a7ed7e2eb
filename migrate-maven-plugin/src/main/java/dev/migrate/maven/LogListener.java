package dev.migrate.maven;

import dev.migrate.MigrationListener;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import java.time.Duration;
import org.apache.maven.plugin.logging.Log;

/**
 * Forwards the core's progress events to Maven's log, one line per revision, numbered
 * {@code [n/N]} within the announced plan.
 */
final class LogListener implements MigrationListener {

    private final Log log;
    private int planned;
    private int done;
    private int completed;

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
        planned = count;
        done = 0;
        if (count > 0) {
            log.info("Plan (" + targetDescription + "): " + count + (count == 1 ? " revision" : " revisions"));
        }
    }

    @Override
    public void revisionDone(Revision revision, Direction direction, Duration took, boolean transactional) {
        String verb = direction == Direction.UP ? "upgrade  " : "downgrade";
        log.info(position() + verb + " " + revision.describe() + " - " + took.toMillis() + " ms"
                + (transactional ? "" : " (non-transactional: statement by statement, outside a transaction)"));
    }

    @Override
    public void revisionStamped(Revision revision, Direction direction) {
        log.info(position() + (direction == Direction.UP ? "stamp    + " : "stamp    - ") + revision.describe());
    }

    /**
     * {@code [n/N] } for a step of the announced plan; nothing for a revision finished before the
     * plan (one that an earlier run left halfway).
     */
    /** How many revisions ran or were recorded through this listener, whether announced or not. */
    int completed() {
        return completed;
    }

    private String position() {
        completed++;
        if (done >= planned) {
            return "";
        }
        done++;
        return "[" + done + "/" + planned + "] ";
    }
}
