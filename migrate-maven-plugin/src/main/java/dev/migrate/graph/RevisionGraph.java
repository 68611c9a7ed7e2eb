package dev.migrate.graph;

import dev.migrate.Problem;
import dev.migrate.revision.Revision;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The revisions and the edges between them (parents and depends-on), valid by construction: no
 * cycle, no unknown parent, no duplicate id. Immutable; plans are computed against a set of
 * applied revision ids.
 */
public final class RevisionGraph {

    private RevisionGraph() {
    }

    /**
     * Builds the graph.
     *
     * @throws dev.migrate.revision.InvalidRevisionsException listing every problem of {@link #problems}
     */
    public static RevisionGraph of(List<Revision> revisions) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Every graph problem among {@code revisions}: duplicate id, unknown parent, unknown
     * depends-on, a cycle (listing its members). References to {@code idsOfBrokenFiles} are not
     * reported as unknown: those files exist but failed to parse, and are reported on their own.
     */
    public static List<Problem> problems(List<Revision> revisions, Set<String> idsOfBrokenFiles) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Every revision in the deterministic run order: parents and depends-on first, ties broken by id. */
    public List<Revision> ordered() {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<Revision> find(String id) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * A full id or a unique prefix of one.
     *
     * @throws UnknownRevisionException when nothing matches
     * @throws AmbiguousRevisionException when several ids match (naming them)
     */
    public Revision resolve(String idOrPrefix) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Revisions that are no revision's parent, in id order. */
    public List<Revision> heads() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Root revisions ({@code parents: base}), in id order. */
    public List<Revision> bases() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The revisions that name {@code id} as a parent, in id order. */
    public List<Revision> children(String id) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The plan that moves the database from {@code applied} to {@code target} going up. */
    public Plan upgradePlan(Target target, Set<String> applied) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The plan that moves the database from {@code applied} to {@code target} going down. */
    public Plan downgradePlan(Target target, Set<String> applied) {
        throw new UnsupportedOperationException("TODO");
    }

    /** What {@code stamp} records: a plan in either direction whose steps are recorded, never run. */
    public Plan stampPlan(Target target, Set<String> applied) {
        throw new UnsupportedOperationException("TODO");
    }
}
