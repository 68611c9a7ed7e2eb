package dev.migrate.database;

import java.util.Locale;
import java.util.Set;

/** What the seam can tell of a statement from its first word, for every product alike. */
final class StatementKinds {

    /** Statements that change rows and nothing else, in every product the plugin knows. */
    private static final Set<String> DATA_CHANGES = Set.of("insert", "update", "delete", "merge", "upsert");

    private StatementKinds() {
    }

    /**
     * Whether {@code sql} starts with a data-change keyword; a statement that starts with anything
     * else (a comment, {@code WITH}, {@code CALL}) may do more and does not count.
     */
    static boolean changesDataOnly(String sql) {
        int start = 0;
        while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        if (end == start || end == sql.length()) {
            return false;
        }
        char next = sql.charAt(end);
        return (Character.isWhitespace(next) || next == '(')
                && DATA_CHANGES.contains(sql.substring(start, end).toLowerCase(Locale.ROOT));
    }
}
