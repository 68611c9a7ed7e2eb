package dev.migrate.testing;

import dev.migrate.MigrationListener;
import dev.migrate.graph.Direction;
import dev.migrate.revision.Revision;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/** Remembers the core's progress events as short strings, for assertions; safe across threads. */
public class RecordingListener implements MigrationListener {

    private final List<String> events = new CopyOnWriteArrayList<>();

    public List<String> events() {
        return events;
    }

    @Override
    public void info(String message) {
        events.add("info " + message);
    }

    @Override
    public void warn(String message) {
        events.add("warn " + message);
    }

    @Override
    public void revisionDone(Revision revision, Direction direction, Duration took, boolean transactional) {
        events.add((direction == Direction.UP ? "up " : "down ") + revision.id() + (transactional ? "" : " non-transactional"));
    }

    @Override
    public void revisionStamped(Revision revision, Direction direction) {
        events.add((direction == Direction.UP ? "stamp+ " : "stamp- ") + revision.id());
    }
}
