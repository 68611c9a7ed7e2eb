package dev.migrate.report;

import dev.migrate.Outcome;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.history.Status;
import dev.migrate.revision.Revision;
import java.util.List;
import java.util.Set;

/**
 * Turns statuses and outcomes into the lines the goals print: the one door to the formatters, one
 * per output ({@link StatusReport}, {@link RunSummary}, {@link HistoryGraphReport},
 * {@link BranchesReport}, {@link ShowReport}).
 */
public final class Reports {

    private Reports() {
    }

    /** One line per current revision of the database (or a single "base" line), then what is pending. */
    public static List<String> current(Status status) {
        return StatusReport.current(status);
    }

    /** Every revision, newest first, with parents, message and whether it is applied or a head. */
    public static List<String> history(Status status) {
        return StatusReport.history(status);
    }

    /** One line per head of the revision files. */
    public static List<String> heads(Status status) {
        return StatusReport.heads(status);
    }

    /** The current revisions of the database in one phrase. */
    public static String where(Status status) {
        return StatusReport.where(status);
    }

    /** The closing line of a goal that moved the database. */
    public static String summary(String verb, Outcome outcome) {
        return RunSummary.summary(verb, outcome);
    }

    /** The history lines of the revisions in {@code shown}, each behind the graph drawing, newest first. */
    public static List<String> historyGraph(Status status, Set<String> shown) {
        return HistoryGraphReport.historyGraph(status, shown);
    }

    /** Branch points with the heads each child leads to, then labelled branches. */
    public static List<String> branches(RevisionGraph graph) {
        return BranchesReport.branches(graph);
    }

    /**
     * One revision in full: header, relations, whether it is applied (when {@code databaseKnown}),
     * and both sections as written.
     */
    public static List<String> show(Status status, Revision revision, boolean databaseKnown) {
        return ShowReport.show(status, revision, databaseKnown);
    }
}
