package dev.migrate.sql;

import java.util.Locale;

/**
 * The first word of a statement, read without tokenizing it: the letters after any leading
 * whitespace, in lower case. Cheap enough to ask of every statement a plan runs; a statement that
 * starts with anything else (a comment, a quote, a parenthesis) has none, and callers that must be
 * sure tokenize it instead.
 */
public final class LeadingKeyword {

    private LeadingKeyword() {
    }

    /** The first word of {@code sql} in lower case, or "" when it does not start with a letter. */
    public static String of(String sql) {
        int start = start(sql);
        return sql.substring(start, end(sql, start)).toLowerCase(Locale.ROOT);
    }

    /**
     * As {@link #of}, but only a word that stands alone as a keyword (whitespace or a parenthesis
     * follows it); "" for a word that ends the text or runs into other characters.
     */
    public static String whole(String sql) {
        int start = start(sql);
        int end = end(sql, start);
        if (end == start || end == sql.length()) {
            return "";
        }
        char next = sql.charAt(end);
        return Character.isWhitespace(next) || next == '(' ? sql.substring(start, end).toLowerCase(Locale.ROOT) : "";
    }

    private static int start(String sql) {
        int start = 0;
        while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        return start;
    }

    private static int end(String sql, int start) {
        int end = start;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return end;
    }
}
