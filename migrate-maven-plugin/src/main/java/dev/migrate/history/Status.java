package dev.migrate.history;

import dev.migrate.common.MigrateException;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.revision.Revision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The revision files and what the database records as applied, side by side.
 */
public final class Status {

    private final RevisionGraph graph;
    private final Map<String, AppliedRevision> applied;
    /** The applied ids with squashes counted both ways: a run squash stands for what it replaces and back. */
    private final Set<String> counted;

    private final List<AppliedRevision> unfinished;
    private final List<Revision> current;
    private final Set<String> headIds;

    public Status(RevisionGraph graph, List<AppliedRevision> rows) {
        this.graph = graph;
        Map<String, AppliedRevision> byId = new LinkedHashMap<>();
        rows.stream().filter(row -> row.state().countsAsApplied()).forEach(row -> byId.put(row.id(), row));
        this.applied = byId;
        this.counted = graph.countedAsApplied(byId.keySet());
        this.unfinished = rows.stream().filter(row -> row.state().unfinished()).toList();
        // both are asked for once per revision when a history is printed: work them out once
        this.current = computeCurrent();
        this.headIds = graph.heads().stream().map(Revision::id).collect(Collectors.toUnmodifiableSet());
    }

    /** Rows of non-transactional revisions that failed or were interrupted halfway. */
    public List<AppliedRevision> unfinished() {
        return unfinished;
    }

    public RevisionGraph graph() {
        return graph;
    }

    public Set<String> appliedIds() {
        return applied.keySet();
    }

    /** Recorded as applied, or counted as applied through a squash. */
    public boolean isApplied(String id) {
        return counted.contains(id);
    }

    public AppliedRevision appliedRow(String id) {
        return applied.get(id);
    }

    /**
     * Where the database stands: the applied revisions none of whose children is applied. Empty
     * means nothing is applied (base).
     */
    public List<Revision> current() {
        return current;
    }

    private List<Revision> computeCurrent() {
        List<Revision> tips = new ArrayList<>();
        for (Revision revision : graph.ordered()) {
            if (isApplied(revision.id()) && !graph.isAlternative(revision)
                    && graph.children(revision.id()).stream().noneMatch(child -> isApplied(child.id()))) {
                tips.add(revision);
            }
        }
        return List.copyOf(tips);
    }

    /**
     * Revisions not applied yet, in the order an upgrade to all heads would run them: a squash
     * instead of what it replaces on a database before its range, never both.
     */
    public List<Revision> pending() {
        try {
            return graph.upgradePlan(new Target.Heads(), applied.keySet()).steps();
        } catch (MigrateException e) {
            // a history that cannot be planned (unknown ids) still lists what is not applied
            return graph.ordered().stream().filter(revision -> !isApplied(revision.id())).toList();
        }
    }

    public boolean isHead(String id) {
        return headIds.contains(id);
    }
}
