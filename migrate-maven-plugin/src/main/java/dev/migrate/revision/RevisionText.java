package dev.migrate.revision;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;

/** The decoded text of a revision file seen as numbered lines, each classified for the parser. */
final class RevisionText {

    enum Kind { BLANK, COMMENT, CONTENT }

    private final String text;
    private final BitSet topLevelLines;
    private final int[] lineStarts;
    private final int count;

    RevisionText(String text, BitSet topLevelLines) {
        this.text = text;
        this.topLevelLines = topLevelLines;
        // every line's start, found in one pass; a line is about 30 characters in SQL as written
        int[] starts = new int[text.length() / 16 + 3];
        int lines = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (lines + 2 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[++lines] = i + 1;
        }
        starts[1] = 0;
        starts[lines + 1] = text.length() + 1;
        this.count = lines;
        this.lineStarts = starts;
    }

    int count() {
        return count;
    }

    /** The last line that is not blank, or 1. */
    int lastLine() {
        for (int line = count; line > 1; line--) {
            if (firstNonBlank(line) < end(line)) {
                return line;
            }
        }
        return 1;
    }

    /** Lines beginning inside a string, quoted identifier, dollar quote or block comment are content. */
    Kind kind(int line) {
        if (!topLevelLines.get(line)) {
            return Kind.CONTENT;
        }
        int p = firstNonBlank(line);
        int end = end(line);
        if (p >= end) {
            return Kind.BLANK;
        }
        return text.startsWith("--", p) ? Kind.COMMENT : Kind.CONTENT;
    }

    /** The text after {@code --} of a comment line, stripped. */
    String commentBody(int line) {
        return text.substring(firstNonBlank(line) + 2, end(line)).strip();
    }

    /** A marker is a top-level comment line whose {@code body} (see {@link #commentBody}) is only the word, in any case. */
    static boolean isMarker(String body, String word) {
        return body.equalsIgnoreCase(word);
    }

    /** Whether a line's text, wherever it stands, has the shape of a marker. */
    static boolean looksLikeMarkerText(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("--")) {
            return false;
        }
        String word = trimmed.substring(2).strip();
        return word.equalsIgnoreCase("upgrade") || word.equalsIgnoreCase("downgrade");
    }

    /**
     * Whether a comment line's {@code body} starts with the marker word but has more on it, such as
     * {@code -- downgrade:}. The first character is looked at first: only the word's own first letter,
     * in either case, lower-cases to it.
     */
    static boolean looksLikeMarker(String body, String word) {
        return !body.isEmpty() && (body.charAt(0) | 0x20) == word.charAt(0)
                && body.toLowerCase(Locale.ROOT).startsWith(word) && !isMarker(body, word);
    }

    /** The text from the start of {@code fromLine} to the start of {@code toLine} (either may be past the end). */
    String between(int fromLine, int toLine) {
        int from = fromLine > count ? text.length() : lineStarts[fromLine];
        int to = toLine > count ? text.length() : lineStarts[toLine];
        return text.substring(from, to);
    }

    private int firstNonBlank(int line) {
        int p = lineStarts[line];
        int end = end(line);
        while (p < end && isBlank(text.charAt(p))) {
            p++;
        }
        return p;
    }

    private int end(int line) {
        return Math.min(lineStarts[line + 1] - 1, text.length());
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000B';
    }
}
