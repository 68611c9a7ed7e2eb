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
    // the first letter of each of the first four identifiers that is one of CREATE, OR, REPLACE,
    // FUNCTION, PROCEDURE ('\0' for any other word): enough to tell the statement's kind
    private final char[] leadingWords = new char[4];
    // whether those leading words make a routine definition: they no longer change after the fourth
    private boolean routineDefinition;
    private int depth;

    /** One identifier of the statement, at {@code start} in {@code text}. */
    void identifier(String text, int start, int length, boolean outsideParentheses) {
        if (identifierCount == 0) {
            Arrays.fill(leadingWords, '\0');
        }
        if (identifierCount < leadingWords.length) {
            leadingWords[identifierCount] = leadingWordLetter(text, start, length);
            routineDefinition = startsRoutineDefinition();
        }
        identifierCount++;
        if (outsideParentheses && routineDefinition) {
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

    /** Whether no identifier has been seen since the statement ended and no body is open: as when new. */
    boolean atRest() {
        return identifierCount == 0 && depth == 0;
    }

    /** The word's first letter, lower-cased, when it is one of the words the leading words are checked for. */
    private static char leadingWordLetter(String text, int start, int length) {
        switch (length) {
            case 2:
                return is(text, start, length, "or") ? 'o' : '\0';
            case 6:
                return is(text, start, length, "create") ? 'c' : '\0';
            case 7:
                return is(text, start, length, "replace") ? 'r' : '\0';
            case 8:
                return is(text, start, length, "function") ? 'f' : '\0';
            case 9:
                return is(text, start, length, "procedure") ? 'p' : '\0';
            default:
                return '\0';
        }
    }

    private boolean startsRoutineDefinition() {
        char[] w = leadingWords;
        return w[0] == 'c'
                && (w[1] == 'f' || w[1] == 'p' || (w[1] == 'o' && w[2] == 'r' && (w[3] == 'f' || w[3] == 'p')));
    }

    /**
     * Whether the identifier is {@code word} (lower case) in any case. The first letter is compared
     * before the rest: for these words no character but the letter itself in either case matches it.
     */
    private static boolean is(String text, int start, int length, String word) {
        return length == word.length() && (text.charAt(start) | 0x20) == word.charAt(0)
                && text.regionMatches(true, start, word, 0, length);
    }
}
