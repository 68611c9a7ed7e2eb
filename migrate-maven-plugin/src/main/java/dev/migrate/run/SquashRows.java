package dev.migrate.run;

import dev.migrate.graph.Direction;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.history.RowState;
import dev.migrate.revision.Revision;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The history rows of squashes counted as applied because the database ran the revisions they
 * replace (Django records such a squash as applied the same way). A run that writes records each
 * such squash once, in its first write to the history table, and records a squash whose range it
 * completes with the revision that completes it; a revision of the range that goes down takes the
 * squash's row with it, so that a squash's row never stands for revisions the database no longer
 * has. Each write shares the transaction of the journal entry it comes with.
 */
final class SquashRows {

    /** For runs that keep no such rows (verify's scratch runs). */
    static final SquashRows NONE = new SquashRows(null, Set.of());

    private final RevisionGraph graph;
    /** The ids the history records as applied, kept up to date as the run writes. */
    private final Set<String> recorded;
    /** Each replaced revision that is still a file, and the squash that replaces it. */
    private final Map<String, Revision> squashOf = new HashMap<>();
    /** Counted squashes without a row when the run read the history; written with its first write. */
    private List<Revision> unrecorded;

    /** The squash rows of a run on {@code graph}, whose history records {@code recorded} as applied. */
    SquashRows(RevisionGraph graph, Set<String> recorded) {
        this.graph = graph;
        this.recorded = new HashSet<>(recorded);
        this.unrecorded = new ArrayList<>();
        if (graph == null) {
            return;
        }
        Set<String> counted = graph.countedAsApplied(recorded);
        for (Revision revision : graph.ordered()) {
            if (!revision.isSquash()) {
                continue;
            }
            if (counted.contains(revision.id()) && !recorded.contains(revision.id())) {
                unrecorded.add(revision);
            }
            if (graph.isAlternative(revision)) {
                for (String id : revision.replaces()) {
                    squashOf.put(id, revision);
                }
            }
        }
    }

    /**
     * Called before every journal write: the first one records the counted squashes that have no
     * row. Were its transaction rolled back, the run stops with it, and the next run finds them
     * again.
     */
    void beforeWrite(HistoryTable history) throws SQLException {
        if (unrecorded.isEmpty()) {
            return;
        }
        List<Revision> squashes = unrecorded;
        unrecorded = List.of();
        for (Revision squash : squashes) {
            history.insert(squash, 0, RowState.APPLIED);
            recorded.add(squash.id());
        }
    }

    /** Whether {@link #written} may write a row after {@code revision}'s: it is replaced by a squash. */
    boolean mayWriteAfter(Revision revision) {
        return graph != null && squashOf.containsKey(revision.id());
    }

    /** {@code revision}'s row was written as applied ({@code UP}) or removed ({@code DOWN}). */
    void written(Revision revision, Direction direction, HistoryTable history) throws SQLException {
        if (graph == null) {
            return;
        }
        Revision squash = squashOf.get(revision.id());
        if (direction == Direction.UP) {
            recorded.add(revision.id());
            if (squash != null && !recorded.contains(squash.id()) && recorded.containsAll(squash.replaces())) {
                history.insert(squash, 0, RowState.APPLIED);
                recorded.add(squash.id());
            }
            return;
        }
        recorded.remove(revision.id());
        recorded.removeAll(revision.replaces());
        if (squash != null && recorded.remove(squash.id())) {
            history.deleteIfPresent(squash.id());
        }
    }
}
