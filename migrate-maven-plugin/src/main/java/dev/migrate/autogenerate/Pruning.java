package dev.migrate.autogenerate;

import dev.migrate.common.Log;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.history.Status;
import dev.migrate.revision.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deletes the files a squash replaces ({@code -Dmigrate.squash.prune=true}), once the database
 * has passed the range: afterwards a database before the range can only take the squash, and the
 * history rows of the replaced revisions stand for the squash.
 */
public final class Pruning {

    private Pruning() {
    }

    /** The squash that already replaces the revision {@code to} names, or null. */
    public static Revision existingSquash(RevisionGraph graph, String to) {
        if (to == null || to.isBlank() || to.strip().equalsIgnoreCase("head")) {
            return null;
        }
        Revision end = graph.resolve(to);
        if (end.isSquash()) {
            return end;
        }
        Optional<Revision> squash = graph.ordered().stream().filter(r -> r.replaces().contains(end.id())).findFirst();
        return squash.orElse(null);
    }

    /**
     * Refuses unless every database of {@code statuses} (by name) has passed the range's end, and
     * unless no revision outside the range needs one of its revisions other than the end (which
     * the squash stands for). Every database that has not passed is named in one message.
     */
    public static void requirePassed(RevisionGraph graph, List<String> replaced, Map<String, Status> statuses) {
        String end = end(graph, replaced);
        List<String> behind = new ArrayList<>();
        statuses.forEach((name, status) -> {
            if (!status.isApplied(end)) {
                behind.add(name + " (at " + where(status) + ")");
            }
        });
        if (!behind.isEmpty()) {
            throw new SquashException("the replaced files are kept: " + (statuses.size() == 1 ? "the database "
                    : behind.size() + " of the " + statuses.size() + " databases ") + String.join(", ", behind)
                    + (behind.size() == 1 ? " has" : " have") + " not passed " + end + "; upgrade "
                    + (behind.size() == 1 ? "it" : "them") + " (and every other database of this history) past " + end
                    + " first, then prune");
        }
        for (Revision other : graph.ordered()) {
            if (replaced.contains(other.id()) || other.isSquash()) {
                continue;
            }
            for (String needed : other.parents()) {
                if (replaced.contains(needed) && !needed.equals(end)) {
                    throw new SquashException(other.describe() + " follows " + needed + ", inside the squashed range,"
                            + " so its file cannot be pruned; rebase " + other.id() + " onto " + end + " first");
                }
            }
        }
    }

    /** The replaced revision that needs all the others: the range's end. */
    private static String end(RevisionGraph graph, List<String> replaced) {
        for (String id : replaced) {
            if (graph.find(id).isPresent()) {
                java.util.Set<String> needed = new java.util.HashSet<>();
                graph.ancestors(id).forEach(r -> needed.add(r.id()));
                needed.add(id);
                if (needed.containsAll(replaced)) {
                    return id;
                }
            }
        }
        return replaced.get(replaced.size() - 1);
    }

    public static void delete(RevisionGraph graph, List<String> replaced, Log listener) {
        for (String id : replaced) {
            Optional<Revision> revision = graph.find(id).filter(r -> r.id().equals(id));
            if (revision.isEmpty()) {
                continue;
            }
            try {
                Files.deleteIfExists(revision.get().file());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + revision.get().file() + " (" + e + "); delete the"
                        + " replaced files by hand", e);
            }
            listener.info("Pruned " + revision.get().fileName());
        }
    }

    private static String where(Status status) {
        List<Revision> current = status.current();
        return current.isEmpty() ? "base" : String.join(", ", current.stream().map(Revision::id).toList());
    }
}
