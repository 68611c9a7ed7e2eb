package dev.migrate.report;

import dev.migrate.history.Status;
import dev.migrate.revision.Revision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The history as a graph drawing, one revision a line. */
final class HistoryGraphReport {

    private HistoryGraphReport() {
    }

    private static final Pattern HISTORY_LINE = Pattern.compile("\\[.] (\\d{14})\\b.*");

    /**
     * The {@link StatusReport#history} lines of the revisions in {@code shown}, newest first, each behind the
     * graph drawing of {@link HistoryGraph}; connecting lines in between; the legend last.
     */
    static List<String> historyGraph(Status status, Set<String> shown) {
        List<String> plain = StatusReport.history(status);
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
}
