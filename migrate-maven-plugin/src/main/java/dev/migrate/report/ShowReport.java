package dev.migrate.report;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.history.AppliedRevision;
import dev.migrate.history.Status;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Section;
import dev.migrate.sql.Statement;
import dev.migrate.sql.StatementSplitter;
import dev.migrate.sql.UnsplittableSqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** One revision in full, for {@code migrate:show}. */
final class ShowReport {

    private ShowReport() {
    }

    /**
     * One revision in full: header, relations, whether it is applied (when {@code databaseKnown}),
     * and both sections as written.
     */
    static List<String> show(Status status, Revision revision, boolean databaseKnown) {
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
