package dev.migrate.report;

import dev.migrate.history.AppliedRevision;
import dev.migrate.history.RowState;
import dev.migrate.history.Status;
import dev.migrate.revision.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Where the database stands: its current revisions, every revision with its state, the heads. */
final class StatusReport {

    private StatusReport() {
    }

    /** One line per current revision of the database (or a single "base" line), then what is pending. */
    static List<String> current(Status status) {
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
    static List<String> history(Status status) {
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
    static List<String> heads(Status status) {
        return status.graph().heads().stream()
                .map(head -> head.describe() + (status.isApplied(head.id()) ? " (applied)" : ""))
                .collect(Collectors.toList());
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
    static String where(Status status) {
        List<Revision> current = status.current();
        if (current.isEmpty()) {
            return "base";
        }
        return current.stream()
                .map(revision -> revision.id() + (status.isHead(revision.id()) ? " (head)" : ""))
                .collect(Collectors.joining(", "));
    }
}
