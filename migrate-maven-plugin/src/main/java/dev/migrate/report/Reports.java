package dev.migrate.report;

import dev.migrate.Outcome;
import dev.migrate.history.Status;
import dev.migrate.history.AppliedRevision;
import dev.migrate.history.RowState;
import dev.migrate.graph.Direction;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Section;
import dev.migrate.sql.Statement;
import dev.migrate.sql.StatementSplitter;
import dev.migrate.sql.UnsplittableSqlException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns statuses and outcomes into the lines the goals print. */
public final class Reports {

    private Reports() {
    }

    /** One line per current revision of the database (or a single "base" line), then what is pending. */
    public static List<String> current(Status status) {
        List<Revision> current = status.current();
        int pending = status.pending().size();
        String pendingText = pending + (pending == 1 ? " revision" : " revisions") + " pending";
        List<String> lines = new ArrayList<>();
        if (current.isEmpty()) {
            lines.add("base (no revision applied)" + (pending == 0 ? "" : "; " + pendingText));
        } else {
            for (Revision revision : current) {
                lines.add(revision.describe() + (status.isHead(revision.id()) ? " (head)" : "")
                        + (revision.tags().isEmpty() ? "" : " [tags: " + String.join(", ", revision.tags()) + "]"));
            }
            if (pending > 0) {
                lines.add(pendingText);
            }
        }
        status.unfinished().forEach(row -> lines.add(unfinished(row)));
        return lines;
    }

    /** Every revision, newest first, with parents, message and whether it is applied or a head. */
    public static List<String> history(Status status) {
        List<Revision> ordered = status.graph().ordered();
        List<String> lines = new ArrayList<>();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            Revision revision = ordered.get(i);
            StringBuilder line = new StringBuilder();
            AppliedRevision unfinished = status.unfinished().stream()
                    .filter(row -> row.id().equals(revision.id())).findFirst().orElse(null);
            line.append(unfinished != null ? "[!] " : status.isApplied(revision.id()) ? "[x] " : "[ ] ")
                    .append(revision.id());
            line.append("  parents: ").append(revision.isRoot() ? "base" : String.join(", ", revision.parents()));
            List<String> tags = new ArrayList<>();
            if (status.isHead(revision.id())) {
                tags.add("head");
            }
            if (status.current().contains(revision)) {
                tags.add("current");
            }
            if (revision.isMerge()) {
                tags.add("merge");
            }
            if (!revision.branchLabels().isEmpty()) {
                tags.add("branch " + String.join(", ", revision.branchLabels()));
            }
            if (!revision.tags().isEmpty()) {
                tags.add("tags " + String.join(", ", revision.tags()));
            }
            if (revision.isSquash()) {
                tags.add("squash of " + revision.replaces().size() + (status.graph().isAlternative(revision) ? ""
                        : ", replaced files pruned"));
            }
            if (!tags.isEmpty()) {
                line.append("  (").append(String.join(", ", tags)).append(")");
            }
            if (!revision.message().isEmpty()) {
                line.append("  ").append(revision.message());
            }
            AppliedRevision row = status.appliedRow(revision.id());
            if (row != null && row.state() == RowState.STAMPED) {
                line.append("  [stamped]");
            }
            lines.add(line.toString());
            if (unfinished != null) {
                lines.add("    " + unfinished(unfinished));
            }
        }
        // the count is of the files: a row without a file (a deleted file, another branch) is named apart
        long applied = ordered.stream().filter(revision -> status.isApplied(revision.id())).count();
        List<String> withoutFile = status.appliedIds().stream().filter(id -> status.graph().find(id).isEmpty())
                .toList();
        lines.add("[x] applied, [ ] pending" + (status.unfinished().isEmpty() ? "" : ", [!] stopped halfway") + "; "
                + applied + " of " + ordered.size() + " applied" + (withoutFile.isEmpty() ? ""
                        : "; the database also records " + String.join(", ", withoutFile) + ", which no file defines"));
        return lines;
    }

    /** One line per head of the revision files. */
    public static List<String> heads(Status status) {
        return status.graph().heads().stream()
                .map(head -> head.describe() + (status.isApplied(head.id()) ? " (applied)" : ""))
                .collect(Collectors.toList());
    }

    /** The closing line of a goal that moved the database. */
    public static String summary(String verb, Outcome outcome) {
        int count = outcome.plan().steps().size();
        String where = where(outcome.after());
        if (count == 0) {
            return "Nothing to " + verb + ": the database is at " + where;
        }
        String noun = count == 1 ? "revision" : "revisions";
        String past = outcome.plan().direction() == Direction.UP ? "Upgraded" : "Downgraded";
        if ("stamp".equals(verb)) {
            past = "Stamped";
        }
        return past + " " + count + " " + noun + " in " + outcome.took().toMillis() + " ms; the database is now at "
                + where;
    }

    /** A revision that stopped halfway, and what to do about it. */
    static String unfinished(AppliedRevision row) {
        String direction = row.state().upgrading() ? "upgrade" : "downgrade";
        if (row.state().failed()) {
            return "FAILED: " + direction + " of " + row.id() + " stopped after " + row.statementsDone()
                    + " statement(s) at " + row.error() + " (resume with -Dmigrate.resume=true, or fix by hand and"
                    + " migrate:stamp)";
        }
        return "INTERRUPTED: " + direction + " of " + row.id() + " was cut off after " + row.statementsDone()
                + " statement(s); the next upgrade or downgrade finishes it";
    }

    /** The current revisions of the database in one phrase. */
    public static String where(Status status) {
        List<Revision> current = status.current();
        if (current.isEmpty()) {
            return "base";
        }
        return current.stream()
                .map(revision -> revision.id() + (status.isHead(revision.id()) ? " (head)" : ""))
                .collect(Collectors.joining(", "));
    }

    // --- authoring and review: history as a graph, branches, show ---

    private static final Pattern HISTORY_LINE = Pattern.compile("\\[.] (\\d{14})\\b.*");

    /**
     * The {@link #history} lines of the revisions in {@code shown}, newest first, each behind the
     * graph drawing of {@link HistoryGraph}; connecting lines in between; the legend last.
     */
    public static List<String> historyGraph(Status status, Set<String> shown) {
        List<String> plain = history(status);
        Map<String, String> textById = new HashMap<>();
        for (String line : plain) {
            Matcher m = HISTORY_LINE.matcher(line);
            if (m.matches()) {
                textById.put(m.group(1), line);
            }
        }
        List<Revision> ordered = status.graph().ordered();
        List<Revision> newestFirst = new ArrayList<>();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            if (shown.contains(ordered.get(i).id())) {
                newestFirst.add(ordered.get(i));
            }
        }
        List<HistoryGraph.Row> rows = HistoryGraph.draw(newestFirst);
        int width = rows.stream().mapToInt(row -> row.graph().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (HistoryGraph.Row row : rows) {
            if (row.revision() == null) {
                lines.add(row.graph());
            } else {
                String text = textById.getOrDefault(row.revision().id(), row.revision().describe());
                lines.add(String.format("%-" + width + "s %s", row.graph(), text));
            }
        }
        if (shown.size() < ordered.size()) {
            lines.add("(showing " + shown.size() + " of " + ordered.size() + " revisions)");
        }
        lines.add(plain.get(plain.size() - 1));
        return lines;
    }

    /** Branch points (revisions with several children) with the heads each child leads to, then labelled branches. */
    public static List<String> branches(RevisionGraph graph) {
        List<String> lines = new ArrayList<>();
        for (Revision revision : graph.ordered()) {
            List<Revision> children = graph.children(revision.id());
            if (children.size() > 1) {
                lines.add("Branch point " + revision.describe() + ":");
                for (Revision child : children) {
                    lines.add("  -> " + child.describe() + "; head: " + headsFrom(graph, child));
                }
            }
        }
        for (Revision revision : graph.ordered()) {
            for (String label : revision.branchLabels()) {
                lines.add("Branch '" + label + "' starts at " + revision.describe() + "; head: "
                        + headsFrom(graph, revision) + " (target it as " + label + "@head)");
            }
        }
        if (lines.isEmpty()) {
            lines.add("No branches: " + (graph.ordered().isEmpty() ? "there is no revision yet"
                    : "the revisions form a single line up to " + graph.heads().get(0).describe()));
        } else if (graph.heads().size() > 1) {
            lines.add(graph.heads().size() + " heads: " + graph.heads().stream().map(Revision::id)
                    .collect(Collectors.joining(", ")) + " (join them with migrate:merge)");
        }
        return lines;
    }

    /** The heads reached from {@code start} through children, as ids. */
    private static String headsFrom(RevisionGraph graph, Revision start) {
        Set<String> heads = new TreeSet<>();
        ArrayDeque<Revision> todo = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Revision next = todo.pop();
            if (!seen.add(next.id())) {
                continue;
            }
            List<Revision> children = graph.children(next.id());
            if (children.isEmpty()) {
                heads.add(next.id());
            }
            todo.addAll(children);
        }
        return String.join(", ", heads);
    }

    /**
     * One revision in full: header, relations, whether it is applied (when {@code databaseKnown}),
     * and both sections as written.
     */
    public static List<String> show(Status status, Revision revision, boolean databaseKnown) {
        RevisionGraph graph = status.graph();
        List<String> lines = new ArrayList<>();
        lines.add("Revision:      " + revision.id());
        lines.add("File:          " + revision.file());
        lines.add("Message:       " + (revision.message().isEmpty() ? "(none)" : revision.message()));
        lines.add("Parents:       " + (revision.isRoot() ? "base" : revision.parents().stream()
                .map(id -> graph.find(id).map(Revision::describe).orElse(id)).collect(Collectors.joining(", "))));
        List<Revision> children = graph.children(revision.id());
        lines.add("Children:      " + (children.isEmpty() ? "none (head)"
                : children.stream().map(Revision::describe).collect(Collectors.joining(", "))));
        if (!revision.dependsOn().isEmpty()) {
            lines.add("Depends on:    " + String.join(", ", revision.dependsOn()));
        }
        if (!revision.branchLabels().isEmpty()) {
            lines.add("Branch:        " + String.join(", ", revision.branchLabels()));
        }
        if (!revision.tags().isEmpty()) {
            lines.add("Tags:          " + String.join(", ", revision.tags()));
        }
        if (revision.isSquash()) {
            lines.add("Replaces:      " + String.join(", ", revision.replaces()));
        }
        lines.add("Transactional: " + (revision.transactional() ? "yes" : "no (transactional: false)"));
        if (!revision.lintIgnore().isEmpty()) {
            lines.add("Lint ignores:  " + String.join(", ", new TreeSet<>(revision.lintIgnore())));
        }
        if (!databaseKnown) {
            lines.add("Applied:       unknown (no database configured; set migrate.url to know)");
        } else {
            AppliedRevision row = status.appliedRow(revision.id());
            lines.add("Applied:       " + (row == null ? "no" : "yes, " + row.state().dbValue()
                    + (row.appliedAt() == null ? "" : " at " + row.appliedAt())
                    + (row.appliedBy() == null ? "" : " by " + row.appliedBy())));
        }
        lines.add("-- upgrade");
        addSection(lines, revision.upgrade().text());
        addReplaced(lines, revision.upgrade(), "upgrade");
        lines.add("-- downgrade");
        addSection(lines, revision.downgrade().text());
        addReplaced(lines, revision.downgrade(), "downgrade");
        return lines;
    }

    /**
     * When placeholders changed a section's statements, the statements as they are sent, after the
     * text as written.
     */
    private static void addReplaced(List<String> lines, Section section, String which) {
        List<String> asWritten;
        try {
            asWritten = StatementSplitter.split(section.text(), section.firstLine(), section.syntax()).stream().map(Statement::sql)
                    .toList();
        } catch (UnsplittableSqlException e) {
            asWritten = List.of();
        }
        List<String> sent = section.statements().stream().map(Statement::sql).toList();
        if (!sent.equals(asWritten)) {
            lines.add("-- " + which + ", as sent (placeholders replaced)");
            sent.forEach(sql -> lines.addAll(List.of((sql + ";").split("\n", -1))));
        }
    }

    private static void addSection(List<String> lines, String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            lines.add("(empty)");
        } else {
            lines.addAll(List.of(trimmed.split("\n", -1)));
        }
    }
}
