package dev.migrate.autogenerate;

import dev.migrate.sql.SqlSyntax;
import dev.migrate.sql.SqlToken;
import dev.migrate.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of one statement, read by position: unquoted words lower-cased, quoted names without
 * their quotes, comments and string literals gone.
 */
record StatementTokens(List<SqlToken> tokens) {

    StatementTokens {
        tokens = List.copyOf(tokens);
    }

    /** The tokens of {@code sql} as the lexer of {@code syntax} reads them. */
    static StatementTokens of(String sql, SqlSyntax syntax) {
        return new StatementTokens(StatementSplitter.tokens(sql, syntax));
    }

    int size() {
        return tokens.size();
    }

    /** The word at {@code i}, or "" for punctuation and past the end. */
    String word(int i) {
        return i >= 0 && i < tokens.size() && tokens.get(i).word() ? tokens.get(i).text() : "";
    }

    /** Whether the tokens from {@code i} are {@code texts}, words or punctuation. */
    boolean is(int i, String... texts) {
        for (int k = 0; k < texts.length; k++) {
            if (i + k < 0 || i + k >= tokens.size() || !tokens.get(i + k).text().equals(texts[k])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the words {@code texts} stand one after the other anywhere. */
    boolean contains(String... texts) {
        for (int i = 0; i < tokens.size(); i++) {
            if (is(i, texts)) {
                return true;
            }
        }
        return false;
    }

    /** Where the name at {@code i} ({@code a}, {@code a.b}, ...) ends, or -1 when no name is there. */
    int nameEnd(int i) {
        if (word(i).isEmpty()) {
            return -1;
        }
        int end = i + 1;
        while (is(end, ".") && !word(end + 1).isEmpty()) {
            end += 2;
        }
        return end;
    }

    /** The last part of the name at {@code i} (its own name without schema), or null when no name is there. */
    String lastPart(int i) {
        int end = nameEnd(i);
        return end < 0 ? null : word(end - 1);
    }

    /** The words from {@code from} on that stand outside any parentheses, in order. */
    List<String> outsideParentheses(int from) {
        List<String> words = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            depth += is(i, "(") ? 1 : is(i, ")") ? -1 : 0;
            if (depth == 0 && !word(i).isEmpty()) {
                words.add(word(i));
            }
        }
        return words;
    }

    /**
     * Where the table of the trigger whose name is at {@code name} is named: after its first ON, past
     * the columns an {@code UPDATE OF} lists; -1 when nowhere.
     */
    int triggerTable(int name) {
        int at = nameEnd(name);
        while (at > 0 && at < tokens.size() && !is(at, "on")) {
            at = is(at, "of") || is(at, ",") ? nameEnd(at + 1) : at + 1;
        }
        return at > 0 && at < tokens.size() ? at + 1 : -1;
    }
}
