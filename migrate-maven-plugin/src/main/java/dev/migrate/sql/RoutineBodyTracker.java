package dev.migrate.sql;

import java.util.Arrays;

/**
 * psql's heuristic for SQL-standard routine bodies ({@code BEGIN ATOMIC ... END}): in a statement
 * that starts with CREATE [OR REPLACE] FUNCTION or PROCEDURE, BEGIN opens a block, CASE opens one
 * only inside a block, and END closes one; a semicolon inside a block does not end the statement.
 * Only words outside parentheses move the depth, as in psql.
 */
final class RoutineBodyTracker {

    private int identifierCount;
    private final char[] leadingWords = new char[4];
    private int depth;

    /** One identifier of the statement, at {@code start} in {@code text}. */
    void identifier(String text, int start, int length, boolean outsideParentheses) {
        if (identifierCount == 0) {
            Arrays.fill(leadingWords, '\0');
        }
        if (identifierCount < leadingWords.length
                && (is(text, start, length, "create") || is(text, start, length, "function")
                        || is(text, start, length, "procedure") || is(text, start, length, "or")
                        || is(text, start, length, "replace"))) {
            leadingWords[identifierCount] = Character.toLowerCase(text.charAt(start));
        }
        identifierCount++;
        if (outsideParentheses && startsRoutineDefinition()) {
            if (is(text, start, length, "begin")) {
                depth++;
            } else if (is(text, start, length, "case")) {
                if (depth >= 1) {
                    depth++;
                }
            } else if (is(text, start, length, "end") && depth > 0) {
                depth--;
            }
        }
    }

    boolean insideBody() {
        return depth > 0;
    }

    /** A statement ended; the next identifier starts a new one. */
    void statementEnded() {
        identifierCount = 0;
    }

    private boolean startsRoutineDefinition() {
        char[] w = leadingWords;
        return w[0] == 'c'
                && (w[1] == 'f' || w[1] == 'p' || (w[1] == 'o' && w[2] == 'r' && (w[3] == 'f' || w[3] == 'p')));
    }

    private static boolean is(String text, int start, int length, String word) {
        return length == word.length() && text.regionMatches(true, start, word, 0, length);
    }
}
