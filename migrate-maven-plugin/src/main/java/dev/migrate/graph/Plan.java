package dev.migrate.graph;

import dev.migrate.revision.Revision;
import java.util.List;

/**
 * The revisions to run, in the order to run them: parents before children going up, children
 * before parents going down.
 */
public record Plan(Direction direction, List<Revision> steps) {

    public Plan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
