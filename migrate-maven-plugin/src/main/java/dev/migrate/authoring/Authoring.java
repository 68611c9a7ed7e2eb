package dev.migrate.authoring;

import dev.migrate.database.Dialect;
import dev.migrate.database.Identifier;
import dev.migrate.run.PlanChecks;
import dev.migrate.graph.Direction;
import dev.migrate.graph.MultipleHeadsException;
import dev.migrate.graph.Plan;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.revision.InvalidNewRevisionException;
import dev.migrate.revision.NewRevision;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The facade's authoring side: new revision files, merge revisions and offline scripts, all
 * without a database connection.
 */
public final class Authoring {

    private final Path revisions;
    private final Identifier schema;
    private final Identifier table;
    private final Supplier<RevisionGraph> load;

    public Authoring(Path revisions, Identifier schema, Identifier table, Supplier<RevisionGraph> load) {
        this.revisions = revisions;
        this.schema = schema;
        this.table = table;
        this.load = load;
    }

    /**
     * Writes a new revision file whose parents are {@code parents} (ids, unique prefixes or
     * {@code base}), or, when none are given, the single head of the files ({@code base} for an empty
     * folder). Returns the new file.
     *
     * @throws dev.migrate.graph.MultipleHeadsException when no parents are given and there are several heads
     */
    public Path revision(String message, List<String> parents, List<String> branchLabels, List<String> dependsOn) {
        RevisionGraph graph = loadOrEmpty();
        List<String> parentIds;
        if (parents == null || parents.isEmpty()) {
            List<Revision> heads = graph.heads();
            if (heads.size() > 1) {
                List<String> ids = heads.stream().map(Revision::id).toList();
                throw new MultipleHeadsException(ids, "there are " + heads.size() + " heads, so the new revision's"
                        + " parent is not clear: " + heads.stream().map(Revision::describe).collect(
                                Collectors.joining(", ")) + ". Join them first with migrate:merge, or name the parents"
                        + " with -Dmigrate.parents=<id>[,<id>...]");
            }
            parentIds = heads.stream().map(Revision::id).toList();
        } else {
            parentIds = resolveParents(graph, parents);
        }
        return writeRevision(graph, new NewRevision(parentIds, message, clean(branchLabels),
                resolveAll(graph, clean(dependsOn))));
    }

    /**
     * Writes a merge revision whose parents are every head, or {@code parents} when given (at least
     * two). Returns the new file.
     */
    public Path merge(String message, List<String> parents) {
        RevisionGraph graph = loadOrEmpty();
        List<String> parentIds = parents == null || parents.isEmpty()
                ? graph.heads().stream().map(Revision::id).toList()
                : resolveParents(graph, parents);
        if (parentIds.size() < 2) {
            throw new InvalidNewRevisionException("a merge needs at least two parents, but "
                    + (parents == null || parents.isEmpty()
                            ? "the files have " + (parentIds.isEmpty() ? "no revision" : "a single head ("
                                    + parentIds.get(0) + ")") + ", so there is nothing to merge"
                            : "only " + parentIds + " was given; list two or more in migrate.parents"));
        }
        String text = message == null || message.isBlank() ? "merge " + String.join(", ", parentIds) : message;
        return writeRevision(graph, new NewRevision(parentIds, text, List.of(), List.of()));
    }

    /**
     * Adds the release tag {@code tag} to the header of {@code revision} (an id, prefix or tag), or
     * of the single head when it is null; returns the revision tagged, or null when it already
     * carried the tag.
     *
     * @throws InvalidTagException for a malformed tag, one already on another revision, or several heads
     */
    public Revision tag(String tag, String revision) {
        return TagWriter.tag(load.get(), tag, revision);
    }

    /** The graph of the files, or an empty one when the revisions folder does not exist yet. */
    private RevisionGraph loadOrEmpty() {
        if (!Files.exists(revisions)) {
            return RevisionGraph.of(List.of());
        }
        return load.get();
    }

    private Path writeRevision(RevisionGraph graph, NewRevision revision) {
        for (String label : revision.branchLabels()) {
            for (Revision existing : graph.ordered()) {
                if (existing.branchLabels().contains(label)) {
                    throw new InvalidNewRevisionException("branch label '" + label + "' is already used by "
                            + existing.fileName() + "; choose another label");
                }
            }
        }
        return RevisionWriter.write(revisions, revision, Instant.now());
    }

    private static List<String> resolveParents(RevisionGraph graph, List<String> given) {
        List<String> items = clean(given);
        if (items.size() == 1 && items.get(0).equalsIgnoreCase("base")) {
            return List.of();
        }
        if (items.stream().anyMatch(item -> item.equalsIgnoreCase("base"))) {
            throw new InvalidNewRevisionException("parents " + items + " mix 'base' with revision ids; give 'base'"
                    + " alone for a new root revision, or only revision ids");
        }
        return resolveAll(graph, items);
    }

    private static List<String> resolveAll(RevisionGraph graph, List<String> idsOrPrefixes) {
        List<String> ids = new ArrayList<>();
        for (String item : idsOrPrefixes) {
            String id = graph.resolve(item).id();
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static List<String> clean(List<String> items) {
        if (items == null) {
            return List.of();
        }
        return items.stream().map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    /**
     * The offline script that moves a database from {@code from} to {@code to} without connecting to
     * any: the plan is computed as if {@code from} (and what it needs) were applied. {@code direction}
     * null infers it: down when {@code to} is {@code base}, {@code -N} or something {@code from} needs.
     * {@code from} defaults to {@code base} going up and to {@code heads} going down.
     */
    public OfflineScript offlineScript(String from, String to, Direction direction, Dialect dialect) {
        RevisionGraph graph = load.get();
        String target = to == null || to.isBlank() ? "head" : to.strip();
        String start = from == null || from.isBlank() ? null : from.strip();
        Set<String> applied = start == null ? Set.of() : appliedUpTo(graph, start);
        Direction way = direction != null ? direction : inferDirection(graph, target, applied);
        if (start == null && way == Direction.DOWN) {
            start = "heads";
            applied = appliedUpTo(graph, start);
        }
        Target parsed = Target.parse(target);
        Plan plan = way == Direction.UP ? graph.upgradePlan(parsed, applied) : graph.downgradePlan(parsed, applied);
        // no server to ask for its version: only what every version refuses
        PlanChecks.check(plan, dialect, 0);
        String what = (way == Direction.UP ? "upgrade" : "downgrade") + " from " + (start == null ? "base" : start)
                + " to " + target;
        // the names were checked against the URL's database; the script may be for another
        return OfflineScript.of(plan, what, dialect, schema == null ? null : dialect.identifier(schema.name(),
                "migrate.schema"), dialect.identifier(table.name(), "migrate.table"));
    }

    private static Set<String> appliedUpTo(RevisionGraph graph, String from) {
        if (from.equalsIgnoreCase("base")) {
            return Set.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        graph.upgradePlan(Target.parse(from), Set.of()).steps().forEach(revision -> ids.add(revision.id()));
        return ids;
    }

    private static Direction inferDirection(RevisionGraph graph, String target, Set<String> applied) {
        Target parsed = Target.parse(target);
        if (parsed instanceof Target.Base || parsed instanceof Target.Relative relative && relative.steps() < 0) {
            return Direction.DOWN;
        }
        if (parsed instanceof Target.Revision revision && applied.contains(graph.resolve(revision.idOrPrefix()).id())) {
            return Direction.DOWN;
        }
        return Direction.UP;
    }
}
