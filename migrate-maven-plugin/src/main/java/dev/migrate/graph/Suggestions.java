package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Guesses which existing id a mistyped reference meant: one it is a prefix of, or one a digit or
 * two away. Bounded, so a folder full of broken references stays fast.
 */
final class Suggestions {

    private static final int MAX_DISTANCE = 2;
    private static final int MAX_FUZZY_LOOKUPS = 50;

    private final NavigableSet<String> ids;
    private int fuzzyLookups;

    Suggestions(Collection<String> ids) {
        this.ids = new TreeSet<>(ids);
    }

    /** A parenthesised hint such as {@code " (did you mean 20260101000000?)"}, or "" without one. */
    String hint(String unknown) {
        List<String> extensions = new ArrayList<>();
        for (String id : ids.tailSet(unknown, false)) {
            if (!id.startsWith(unknown) || extensions.size() == 3) {
                break;
            }
            extensions.add(id);
        }
        if (extensions.size() == 1) {
            return " (did you mean " + extensions.get(0) + "? references need the full id)";
        }
        if (!extensions.isEmpty()) {
            return " (it is the start of several ids, such as " + String.join(", ", extensions)
                    + "; references need the full id)";
        }
        if (fuzzyLookups++ >= MAX_FUZZY_LOOKUPS) {
            return "";
        }
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String id : ids) {
            int distance = distance(unknown, id, bestDistance);
            if (distance < bestDistance) {
                best = id;
                bestDistance = distance;
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    /** Levenshtein distance, or {@code limit} as soon as it cannot be below it. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit);
    }
}
