package dev.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words and punctuation of one statement, for the keyword checks: comments and string
 * literals dropped, unquoted words lower-cased, quoted identifiers without their quotes.
 */
final class Tokens {

    /** A word (keyword or identifier) or a single punctuation character. */
    record Token(String text, boolean word) {
    }

    private final List<Token> list;

    private Tokens(List<Token> list) {
        this.list = List.copyOf(list);
    }

    static Tokens of(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (sql.startsWith("/*", i)) {
                i = skipBlockComment(sql, i);
            } else if (c == '\'') {
                i = skipString(sql, i + 1, false);
            } else if ((c == 'e' || c == 'E') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                i = skipString(sql, i + 2, true);
            } else if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                end = end < 0 ? n : end;
                out.add(new Token(sql.substring(i + 1, end), true));
                i = end + 1;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                out.add(new Token(sql.substring(start, i).toLowerCase(Locale.ROOT), true));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(sql.substring(start, i), false));
            } else {
                out.add(new Token(String.valueOf(c), false));
                i++;
            }
        }
        return new Tokens(out);
    }

    private static int skipBlockComment(String sql, int i) {
        int depth = 0;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    private static int skipString(String sql, int i, boolean backslashEscapes) {
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    /** {@code $tag$} or {@code $$} starting at {@code i}, or null. */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, j + 1);
        }
        return null;
    }

    int size() {
        return list.size();
    }

    /** The token at {@code i}, or "" past the end. */
    String at(int i) {
        return i >= 0 && i < list.size() ? list.get(i).text() : "";
    }

    boolean isWord(int i) {
        return i >= 0 && i < list.size() && list.get(i).word();
    }

    /** Whether the tokens from {@code i} are {@code words}. */
    boolean matches(int i, String... words) {
        for (int k = 0; k < words.length; k++) {
            if (!at(i + k).equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code words} occur in sequence anywhere from {@code from} up to {@code to} (exclusive). */
    boolean contains(int from, int to, String... words) {
        for (int i = from; i + words.length <= to; i++) {
            if (matches(i, words)) {
                return true;
            }
        }
        return false;
    }

    /** All word tokens, for "does the downgrade mention it". */
    List<String> words() {
        return list.stream().filter(Token::word).map(Token::text).toList();
    }

    /** Split points of {@code [from, to)} at top-level commas: the start index of each part, and {@code to}. */
    List<Integer> topLevelParts(int from, int to) {
        List<Integer> starts = new ArrayList<>();
        starts.add(from);
        int depth = 0;
        for (int i = from; i < to; i++) {
            String t = at(i);
            if (!isWord(i) && t.equals("(")) {
                depth++;
            } else if (!isWord(i) && t.equals(")")) {
                depth--;
            } else if (!isWord(i) && t.equals(",") && depth == 0) {
                starts.add(i + 1);
            }
        }
        starts.add(to);
        return starts;
    }
}
