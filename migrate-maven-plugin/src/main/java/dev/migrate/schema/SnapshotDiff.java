package dev.migrate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Compares an expected snapshot with an actual one, object by object. */
public final class SnapshotDiff {

    private SnapshotDiff() {
    }

    /**
     * One difference between two snapshots.
     *
     * @param object the object that differs (for a position difference, its table)
     * @param expected its definition in the expected snapshot, or null when it is not there
     * @param actual its definition in the actual snapshot, or null when it is not there
     * @param positionOnly true when only the order of a table's columns differs
     */
    public record Difference(DbObject object, String expected, String actual, boolean positionOnly) {

        public Difference {
            Objects.requireNonNull(object, "object");
        }

        public boolean isExtra() {
            return expected == null;
        }

        public boolean isMissing() {
            return actual == null;
        }
    }

    /** Every difference, in object order; column-order differences come after the others. */
    public static List<Difference> between(SchemaSnapshot expected, SchemaSnapshot actual) {
        List<Difference> differences = new ArrayList<>();
        if (expected.equals(actual)) {
            return differences;
        }
        // snapshots patched from the same full maps differ only where one of them was patched
        for (DbObject object : SchemaSnapshot.candidates(expected, actual)) {
            String before = expected.definition(object);
            String after = actual.definition(object);
            if (!Objects.equals(before, after)) {
                differences.add(new Difference(object, before, after, false));
            }
        }
        differences.sort((a, b) -> a.object().compareTo(b.object()));
        // a table that is left behind (or gone) as a whole is named once, not with each of its parts
        java.util.Set<DbObject> extra = new java.util.HashSet<>();
        java.util.Set<DbObject> missing = new java.util.HashSet<>();
        differences.forEach(d -> (d.isExtra() ? extra : d.isMissing() ? missing : new java.util.HashSet<DbObject>())
                .add(d.object()));
        differences.removeIf(d -> d.object().parent() != null
                && (d.isExtra() && extra.contains(d.object().parent())
                        || d.isMissing() && missing.contains(d.object().parent())));
        List<DbObject> tables = new ArrayList<>(SchemaSnapshot.orderCandidates(expected, actual));
        tables.sort(null);
        for (DbObject table : tables) {
            List<String> before = expected.columnsOf(table);
            List<String> after = actual.columnsOf(table);
            if (before == null || after == null) {
                continue;
            }
            // added or missing columns are differences of their own; here only the order of the shared ones counts
            List<String> sharedBefore = before.stream().filter(after::contains).toList();
            List<String> sharedAfter = after.stream().filter(before::contains).toList();
            if (!sharedBefore.equals(sharedAfter)) {
                differences.add(new Difference(table, String.join(", ", sharedBefore),
                        String.join(", ", sharedAfter), true));
            }
        }
        return differences;
    }

    /**
     * A definition short enough for a one-line message: whitespace collapsed and, when both sides
     * are long, cut to the neighbourhood of their first difference.
     */
    public static String[] contrast(String expected, String actual) {
        String a = collapse(expected);
        String b = collapse(actual);
        if (a.length() <= 80 && b.length() <= 80) {
            return new String[] {a, b};
        }
        int common = 0;
        while (common < a.length() && common < b.length() && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        int from = Math.max(0, common - 30);
        return new String[] {excerpt(a, from), excerpt(b, from)};
    }

    private static String excerpt(String text, int from) {
        int to = Math.min(text.length(), from + 80);
        return (from > 0 ? "..." : "") + text.substring(Math.min(from, text.length()), to)
                + (to < text.length() ? "..." : "");
    }

    public static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
