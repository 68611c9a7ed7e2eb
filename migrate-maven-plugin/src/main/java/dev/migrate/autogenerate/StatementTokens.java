package dev.migrate.autogenerate;

import dev.migrate.sql.SqlSyntax;
import dev.migrate.sql.SqlToken;
import dev.migrate.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tokens of one statement, read by position: unquoted words lower-cased, quoted names without
 * their quotes, comments and string literals gone.
 */
record StatementTokens(List<SqlToken> tokens) {

    /** What may stand between a data statement's keyword and its table's name (MySQL's modifiers). */
    private static final Set<String> MODIFIERS = Set.of("low_priority", "delayed", "high_priority", "quick",
            "ignore");

    /** The statements that write a table and may have modifiers. */
    private static final Set<String> MODIFIED = Set.of("insert", "replace", "update", "delete");

    /**
     * Words that follow a table's name and are never one: where the name a data statement writes
     * should stand, the lexer read a string (MySQL's {@code "..."}).
     */
    private static final Set<String> AFTER_NAME = Set.of("set", "values", "where", "select", "default", "using",
            "as");

    /** The keywords that begin the statement a {@code WITH} list leads to. */
    private static final Set<String> AFTER_WITH = Set.of("select", "insert", "update", "delete", "merge", "values",
            "table");

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

    /** Whether the tokens from {@code i} are {@code texts}, keywords or punctuation (a quoted name is neither). */
    boolean is(int i, String... texts) {
        for (int k = 0; k < texts.length; k++) {
            if (i + k < 0 || i + k >= tokens.size() || tokens.get(i + k).quoted()
                    || !tokens.get(i + k).text().equals(texts[k])) {
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

    /**
     * The name at {@code i} as the statement writes it ({@code a}, {@code s."My t"}, ...), without
     * blanks between its parts.
     */
    String written(int i) {
        StringBuilder name = new StringBuilder(tokens.get(i).written());
        int end = nameEnd(i);
        for (int dot = i + 1; dot < end; dot += 2) {
            name.append('.').append(tokens.get(dot + 1).written());
        }
        return name.toString();
    }

    /**
     * Where the name of the table a data statement writes stands: {@code INSERT}, {@code UPDATE},
     * {@code DELETE FROM}, {@code MERGE INTO}, MySQL's {@code REPLACE}, {@code COPY ... FROM}, each maybe
     * led by a {@code WITH} list (a query the list leads to writes the table its first data statement
     * writes); -1 for any other statement. Of several tables (MySQL's {@code UPDATE a, b}) the first.
     */
    int writtenTable() {
        if (!is(0, "with")) {
            return writtenTable(0);
        }
        List<Integer> queries = new ArrayList<>();
        int statement = afterWith(queries);
        if (statement < 0) {
            return -1;
        }
        queries.add(0, statement);
        for (int query : queries) {
            int table = writtenTable(query);
            if (table >= 0) {
                return table;
            }
        }
        return -1;
    }

    /** As {@link #writtenTable()}, for the statement that begins at {@code start}, without a WITH list. */
    private int writtenTable(int start) {
        String keyword = keyword(start);
        int at = start + 1;
        if (MODIFIED.contains(keyword)) {
            // a modifier, unless it is the table's own name
            while (MODIFIERS.contains(keyword(at)) && !word(at + 1).isEmpty() && !is(at + 1, "set")
                    && !is(at + 1, "as")) {
                at++;
            }
        }
        switch (keyword) {
            case "insert", "replace" -> at += is(at, "into") ? 1 : 0;
            case "merge" -> at = is(at, "into") ? at + 1 : -1;
            case "delete" -> at = is(at, "from") ? at + 1 : -1;
            case "update" -> { }
            case "copy" -> {
                int end = nameEnd(at);
                return end > 0 && (is(end, "from") || is(end, "(") && is(closing(end) + 1, "from")) ? at : -1;
            }
            default -> at = -1;
        }
        at += is(at, "only") ? 1 : 0;
        return nameEnd(at) > 0 && !AFTER_NAME.contains(keyword(at)) ? at : -1;
    }

    /**
     * Where the statement a {@code WITH} list leads to begins, or -1 when the list cannot be read;
     * where each query of the list begins goes to {@code queries}, in order.
     */
    private int afterWith(List<Integer> queries) {
        int at = is(1, "recursive") ? 2 : 1;
        while (nameEnd(at) > 0) {
            at = nameEnd(at);
            at = is(at, "(") ? closing(at) + 1 : at;
            if (!is(at, "as")) {
                return -1;
            }
            at += is(at + 1, "not", "materialized") ? 3 : is(at + 1, "materialized") ? 2 : 1;
            if (!is(at, "(")) {
                return -1;
            }
            queries.add(at + 1);
            at = closing(at) + 1;
            // past PostgreSQL's SEARCH and CYCLE clauses
            while (at < tokens.size() && !is(at, ",") && !AFTER_WITH.contains(keyword(at))) {
                at++;
            }
            if (!is(at, ",")) {
                return at;
            }
            at++;
        }
        return -1;
    }

    /** The keyword at {@code i}, or "" for a quoted name, punctuation and past the end. */
    private String keyword(int i) {
        return i >= 0 && i < tokens.size() && tokens.get(i).quoted() ? "" : word(i);
    }

    /** Where the parenthesis opened at {@code open} closes, or the end when it does not. */
    private int closing(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            depth += is(i, "(") ? 1 : is(i, ")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }
}
