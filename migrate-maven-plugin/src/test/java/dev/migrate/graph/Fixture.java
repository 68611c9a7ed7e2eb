package dev.migrate.graph;

import dev.migrate.database.postgres.PostgresSyntax;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Section;
import dev.migrate.sql.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds revisions without parsing files. Single capital letters stand for ids so that step tables
 * stay readable: {@code A} is {@code 20260101000001}, {@code B} is {@code 20260101000002}, and so on;
 * anything else is taken as a literal id.
 */
final class Fixture {

    static final int PARENTS_LINE = 2;
    static final int DEPENDS_ON_LINE = 3;
    static final int TAGS_LINE = 4;
    static final int REPLACES_LINE = 5;

    private Fixture() {
    }

    static String id(String name) {
        if (name.length() == 1 && Character.isUpperCase(name.charAt(0))) {
            return String.format("202601010000%02d", name.charAt(0) - 'A' + 1);
        }
        return name;
    }

    /** The letter of a fixture id, or the id itself. */
    static String name(String id) {
        if (id.length() == 14 && id.startsWith("202601010000")) {
            int n = Integer.parseInt(id.substring(12));
            if (n >= 1 && n <= 26) {
                return String.valueOf((char) ('A' + n - 1));
            }
        }
        return id;
    }

    static Builder revision(String name) {
        return new Builder(id(name));
    }

    static RevisionGraph graph(Builder... builders) {
        return RevisionGraph.of(build(builders));
    }

    static List<Revision> build(Builder... builders) {
        return Arrays.stream(builders).map(Builder::build).toList();
    }

    /** {@code "A B"} to the set of their ids; blank or null is the empty set. */
    static Set<String> applied(String names) {
        return words(names).stream().map(Fixture::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Parses a target, reading a single capital letter as that fixture id. */
    static Target target(String text) {
        return Target.parse(id(text));
    }

    /** The revisions as space-separated letters, for comparing with a step table. */
    static String names(List<Revision> revisions) {
        return revisions.stream().map(r -> name(r.id())).collect(Collectors.joining(" "));
    }

    static String names(Plan plan) {
        return names(plan.steps());
    }

    /** The upgrade steps as letters. */
    static String up(RevisionGraph graph, String target, String applied) {
        Plan plan = graph.upgradePlan(target(target), applied(applied));
        if (plan.direction() != Direction.UP) {
            throw new AssertionError("upgrade plan going " + plan.direction());
        }
        return names(plan);
    }

    /** The downgrade steps as letters. */
    static String down(RevisionGraph graph, String target, String applied) {
        Plan plan = graph.downgradePlan(target(target), applied(applied));
        if (plan.direction() != Direction.DOWN) {
            throw new AssertionError("downgrade plan going " + plan.direction());
        }
        return names(plan);
    }

    /** The stamp plan as its direction followed by the steps, such as {@code "DOWN C B"}. */
    static String stamp(RevisionGraph graph, String target, String applied) {
        Plan plan = graph.stampPlan(target(target), applied(applied));
        return (plan.direction() + " " + names(plan)).strip();
    }

    /** A step-table cell, normalised: null (an empty cell) becomes "". */
    static String cell(String text) {
        return text == null ? "" : String.join(" ", words(text));
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    static final class Builder {
        private final String id;
        private String slug = "change";
        private final List<String> parents = new ArrayList<>();
        private final List<String> dependsOn = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private String message = "";
        private boolean reversible = true;
        private final List<String> tags = new ArrayList<>();
        private final List<String> replaces = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        Builder parents(String... names) {
            Arrays.stream(names).map(Fixture::id).forEach(parents::add);
            return this;
        }

        Builder dependsOn(String... names) {
            Arrays.stream(names).map(Fixture::id).forEach(dependsOn::add);
            return this;
        }

        Builder branch(String... branchLabels) {
            labels.addAll(List.of(branchLabels));
            return this;
        }

        Builder tags(String... names) {
            tags.addAll(List.of(names));
            return this;
        }

        /** A squash standing for these revisions. */
        Builder replaces(String... names) {
            Arrays.stream(names).map(Fixture::id).forEach(replaces::add);
            return this;
        }

        Builder message(String text) {
            message = text;
            return this;
        }

        Builder slug(String text) {
            slug = text;
            return this;
        }

        /** An empty downgrade section. */
        Builder irreversible() {
            reversible = false;
            return this;
        }

        Revision build() {
            Section upgrade = new Section("", 5, List.of(new Statement("CREATE TABLE t_" + id + "(x int)", 6)), "u", PostgresSyntax.INSTANCE);
            Section downgrade = reversible
                    ? new Section("", 8, List.of(new Statement("DROP TABLE t_" + id, 9)), "d", PostgresSyntax.INSTANCE)
                    : new Section("", 8, List.of(), "d", PostgresSyntax.INSTANCE);
            return new Revision(id, slug, Path.of("migrations", id + "_" + slug + ".sql"), parents, message, dependsOn,
                    labels, true, false, Set.of(), PARENTS_LINE, dependsOn.isEmpty() ? 0 : DEPENDS_ON_LINE, upgrade,
                    downgrade, tags, replaces, tags.isEmpty() ? 0 : TAGS_LINE, replaces.isEmpty() ? 0 : REPLACES_LINE);
        }
    }
}
