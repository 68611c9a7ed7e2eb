package dev.migrate.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end of a run over many databases: one row per database or schema, in the order they were
 * listed, and the table the build prints.
 *
 * @param results one per member, in the members' order
 */
public record Summary(List<MemberResult> results) {

    private static final String[] HEADINGS = {"database", "from", "to", "revisions", "time", "status"};

    public Summary {
        results = List.copyOf(results);
    }

    /** The members that failed, in order. */
    public List<MemberResult> failed() {
        return results.stream().filter(MemberResult::failed).toList();
    }

    /** The members skipped because an earlier one failed and the run was to stop at the first failure. */
    public List<MemberResult> skipped() {
        return results.stream().filter(r -> r.state() == MemberResult.State.SKIPPED).toList();
    }

    /** The table, a heading line then one line per member, columns aligned. */
    public List<String> table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (MemberResult result : results) {
            rows.add(new String[] {result.name(), result.from(), result.to(), String.valueOf(result.revisions()),
                    seconds(result), result.state().word()});
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean number = i == 3 || i == 4;
                String cell = number ? " ".repeat(widths[i] - row[i].length()) + row[i]
                        : i == row.length - 1 ? row[i] : row[i] + " ".repeat(widths[i] - row[i].length());
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String seconds(MemberResult result) {
        return result.state() == MemberResult.State.SKIPPED ? "-"
                : String.format(Locale.ROOT, "%.1f s", result.took().toMillis() / 1000.0);
    }
}
