package dev.migrate.history;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;
import java.util.ArrayList;
import java.util.List;

/**
 * What the history table says, held against the files: applied revisions whose file is gone,
 * whose upgrade or downgrade section was edited after it ran, and revisions that stopped halfway.
 *
 * @param missingFiles ids recorded in the database that no file defines
 * @param editedUpgrades applied revisions whose upgrade section differs from what ran
 * @param editedDowngrades applied revisions whose downgrade section changed since
 * @param unfinished rows of non-transactional revisions that failed or were interrupted
 */
public record HistoryCheck(List<String> missingFiles, List<Revision> editedUpgrades, List<Revision> editedDowngrades,
        List<AppliedRevision> unfinished) {

    public HistoryCheck {
        missingFiles = List.copyOf(missingFiles);
        editedUpgrades = List.copyOf(editedUpgrades);
        editedDowngrades = List.copyOf(editedDowngrades);
        unfinished = List.copyOf(unfinished);
    }

    public static HistoryCheck of(RevisionGraph graph, List<AppliedRevision> rows) {
        List<String> missing = new ArrayList<>();
        List<Revision> editedUp = new ArrayList<>();
        List<Revision> editedDown = new ArrayList<>();
        List<AppliedRevision> unfinished = new ArrayList<>();
        for (AppliedRevision row : rows) {
            Revision revision = graph.find(row.id()).orElse(null);
            if (revision == null) {
                missing.add(row.id());
                continue;
            }
            if (!revision.id().equals(row.id())) {
                // a revision whose file was pruned after a squash replaced it: the squash stands for it
                continue;
            }
            if (row.state().unfinished()) {
                // a revision that stopped halfway may be fixed before it is resumed
                unfinished.add(row);
                continue;
            }
            if (!revision.upgrade().checksum().equals(row.upgradeChecksum())) {
                editedUp.add(revision);
            }
            if (!revision.downgrade().checksum().equals(row.downgradeChecksum())) {
                editedDown.add(revision);
            }
        }
        return new HistoryCheck(missing, editedUp, editedDown, unfinished);
    }

    /** Throws for what must stop any run: missing files, edited upgrades. */
    public void requireConsistent() {
        requireConsistent(java.util.Set.of());
    }

    /**
     * As {@link #requireConsistent()}, but an edited upgrade of a revision in {@code undone} (being
     * downgraded with its downgrade section as it was) does not stop the run.
     */
    public void requireConsistent(java.util.Set<String> undone) {
        if (!missingFiles.isEmpty()) {
            throw new dev.migrate.graph.UnknownAppliedRevisionException(missingFiles);
        }
        List<Revision> blocking = editedUpgrades.stream().filter(r -> !undone.contains(r.id())).toList();
        if (!blocking.isEmpty()) {
            throw new EditedRevisionsException(blocking);
        }
    }

    /**
     * Throws when {@code rows} cannot be what the plugin wrote: an applied revision whose parent is
     * not applied (a row deleted by hand), or a revision that stopped halfway whose count of completed
     * statements does not fit its file. Rows without a file are {@link #requireConsistent}'s.
     */
    public static void requireWellFormed(RevisionGraph graph, List<AppliedRevision> rows) {
        Status status = new Status(graph, rows);
        List<String> problems = new ArrayList<>();
        for (AppliedRevision row : rows) {
            Revision revision = graph.find(row.id()).orElse(null);
            if (revision == null) {
                continue;
            }
            if (row.state().countsAsApplied()) {
                for (String parent : revision.parents()) {
                    if (!status.isApplied(parent)) {
                        problems.add("revision " + revision.describe() + " is recorded as applied, but its parent "
                                + parent + " is not (was its row deleted by hand?)");
                    }
                }
            }
            int statements = (row.state().upgrading() ? revision.upgrade() : revision.downgrade()).statements().size();
            int limit = row.state().inDoubt() ? statements - 1 : statements;
            if (row.statementsDone() < 0 || row.state().unfinished() && row.statementsDone() > limit) {
                problems.add("the row of revision " + revision.describe() + " says statements_done = "
                        + row.statementsDone() + " (state " + row.state().dbValue() + "), but its section has "
                        + statements + " statement(s)");
            }
        }
        if (!problems.isEmpty()) {
            throw new InconsistentHistoryException(problems);
        }
    }

    /** Throws when a revision failed halfway and the user has not asked to resume it. */
    public void requireNoFailures(boolean resume) {
        List<AppliedRevision> failed = unfinished.stream().filter(row -> row.state().failed()).toList();
        if (!failed.isEmpty() && !resume) {
            throw new UnfinishedRevisionException(failed);
        }
    }
}
