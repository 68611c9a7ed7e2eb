package dev.migrate.lint;

import dev.migrate.sql.SqlSyntax;
import dev.migrate.sql.SqlToken;
import dev.migrate.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * The words and punctuation of one statement, for the keyword checks, as the statement splitter's
 * lexer reads them: comments and string literals dropped, unquoted words lower-cased, quoted
 * identifiers without their quotes.
 */
final class Tokens {

    private final List<SqlToken> list;

    private Tokens(List<SqlToken> list) {
        this.list = List.copyOf(list);
    }

    static Tokens of(String sql, SqlSyntax syntax) {
        return new Tokens(StatementSplitter.tokens(sql, syntax));
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
        return list.stream().filter(SqlToken::word).map(SqlToken::text).toList();
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
