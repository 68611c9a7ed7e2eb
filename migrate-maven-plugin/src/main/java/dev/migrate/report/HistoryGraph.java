package dev.migrate.report;

import dev.migrate.history.Status;
import dev.migrate.graph.InvalidTargetException;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.revision.Revision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Draws the revision graph the way {@code git log --graph} draws commits: newest first, one column
 * per open line of descent, {@code *} for a revision, {@code |} for a line going on, {@code \} where
 * a merge's second parent opens a line and {@code /} where lines join at a branch point.
 */
public final class HistoryGraph {

    /**
     * One line of the drawing.
     *
     * @param graph the drawing's characters for this line, without trailing blanks
     * @param revision the revision drawn on this line, or null for a line that only connects
     */
    public record Row(String graph, Revision revision) {
    }

    private final List<String> columns = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    private HistoryGraph() {
    }

    /**
     * Draws {@code newestFirst}, children before their parents; only parents within the list are
     * connected, so a partial history draws as if it started at its oldest revisions.
     */
    public static List<Row> draw(List<Revision> newestFirst) {
        Set<String> shown = new HashSet<>();
        newestFirst.forEach(revision -> shown.add(revision.id()));
        HistoryGraph drawing = new HistoryGraph();
        for (Revision revision : newestFirst) {
            drawing.add(revision, revision.parents().stream().filter(shown::contains).toList());
        }
        return List.copyOf(drawing.rows);
    }

    private void add(Revision revision, List<String> parents) {
        String id = revision.id();
        int col = columns.indexOf(id);
        if (col < 0) {
            columns.add(id);
            col = columns.size() - 1;
        }
        // a branch point: every other line waiting for this revision joins its column
        for (int other = columns.subList(col + 1, columns.size()).indexOf(id); other >= 0;
                other = columns.subList(col + 1, columns.size()).indexOf(id)) {
            join(col, col + 1 + other);
        }
        char[] line = blank(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            line[2 * c] = c == col ? '*' : '|';
        }
        rows.add(new Row(trim(line), revision));
        if (parents.isEmpty()) {
            close(col);
            return;
        }
        columns.set(col, parents.get(0));
        for (int p = parents.size() - 1; p >= 1; p--) {
            open(col, parents.get(p));
        }
    }

    /** Line {@code from} (right of {@code into}) bends left into column {@code into}; lines right of it move left. */
    private void join(int into, int from) {
        char[] line = blank(columns.size());
        for (int c = 0; c < from; c++) {
            line[2 * c] = '|';
        }
        for (int c = into; c < from - 1; c++) {
            line[2 * c + 1] = '_';
        }
        line[2 * from - 1] = '/';
        for (int c = from + 1; c < columns.size(); c++) {
            line[2 * c - 1] = '/';
        }
        rows.add(new Row(trim(line), null));
        columns.remove(from);
    }

    /** A merge opens a line for another parent right of its column; lines right of it move right. */
    private void open(int col, String parent) {
        char[] line = blank(columns.size() + 1);
        for (int c = 0; c <= col; c++) {
            line[2 * c] = '|';
        }
        line[2 * col + 1] = '\\';
        for (int c = col + 1; c < columns.size(); c++) {
            line[2 * c + 1] = '\\';
        }
        rows.add(new Row(trim(line), null));
        columns.add(col + 1, parent);
    }

    /** A root ends its line; lines right of it move left. */
    private void close(int col) {
        columns.remove(col);
        if (col == columns.size()) {
            return;
        }
        char[] line = blank(columns.size() + 1);
        for (int c = 0; c < col; c++) {
            line[2 * c] = '|';
        }
        for (int c = col + 1; c <= columns.size(); c++) {
            line[2 * c - 1] = '/';
        }
        rows.add(new Row(trim(line), null));
    }

    private static char[] blank(int columnCount) {
        char[] line = new char[Math.max(1, 2 * columnCount - 1)];
        Arrays.fill(line, ' ');
        return line;
    }

    private static String trim(char[] line) {
        return new String(line).stripTrailing();
    }

    /**
     * The revisions a range {@code <from>:<to>} covers: {@code to} and what it needs, without what
     * {@code from} needs ({@code from} itself is shown). Either side may be empty ({@code from}
     * defaults to base, {@code to} to every head); each side is a target ({@code head}, {@code heads},
     * {@code base}, an id or prefix, {@code label@head}) or {@code current}, the database's state.
     */
    public static Set<String> select(Status status, String range) {
        RevisionGraph graph = status.graph();
        Set<String> all = new LinkedHashSet<>();
        graph.ordered().forEach(revision -> all.add(revision.id()));
        if (range == null || range.isBlank()) {
            return all;
        }
        int colon = range.indexOf(':');
        if (colon < 0) {
            throw new InvalidTargetException("range '" + range + "' has no ':'; write <from>:<to>, for example"
                    + " base:head, 20260101:, :current or current:heads");
        }
        String from = range.substring(0, colon).strip();
        String to = range.substring(colon + 1).strip();
        Set<String> upTo = to.isEmpty() || to.equalsIgnoreCase("heads") ? all : withAncestors(status, to);
        Set<String> shown = new LinkedHashSet<>();
        Set<String> below = from.isEmpty() || from.equalsIgnoreCase("base") ? Set.of() : strictlyBelow(status, from);
        for (String id : all) {
            if (upTo.contains(id) && !below.contains(id)) {
                shown.add(id);
            }
        }
        return shown;
    }

    private static Set<String> withAncestors(Status status, String end) {
        if (end.toLowerCase(Locale.ROOT).equals("current")) {
            return new HashSet<>(status.appliedIds());
        }
        Set<String> ids = new HashSet<>();
        if (end.equalsIgnoreCase("base")) {
            return ids;
        }
        status.graph().upgradePlan(Target.parse(end), Set.of()).steps().forEach(revision -> ids.add(revision.id()));
        return ids;
    }

    private static Set<String> strictlyBelow(Status status, String start) {
        List<Revision> tips;
        if (start.toLowerCase(Locale.ROOT).equals("current")) {
            tips = status.current();
        } else {
            List<Revision> steps = status.graph().upgradePlan(Target.parse(start), Set.of()).steps();
            tips = steps.isEmpty() ? List.of() : List.of(steps.get(steps.size() - 1));
        }
        Set<String> ids = new HashSet<>();
        for (Revision tip : tips) {
            status.graph().ancestors(tip.id()).forEach(revision -> ids.add(revision.id()));
        }
        return ids;
    }
}
