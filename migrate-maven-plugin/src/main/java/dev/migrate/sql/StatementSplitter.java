package dev.migrate.sql;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Splits SQL text into statements following PostgreSQL's (psql's) lexical rules, so that every
 * statement is exactly what psql would send for the same text.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    /**
     * Splits {@code text}, whose first line is file line {@code firstLine}. Pieces holding nothing
     * but whitespace and comments are not statements.
     *
     * @throws UnterminatedSqlException when a string, quoted identifier, dollar quote or block
     *     comment is still open at the end of the text (carries the line where it was opened)
     */
    public static List<Statement> split(String text, int firstLine) {
        SqlScanner scanner = SqlScanner.scan(text, firstLine);
        if (scanner.unterminatedWhat() != null) {
            throw new UnterminatedSqlException(scanner.unterminatedWhat(), scanner.unterminatedLine());
        }
        return List.copyOf(scanner.statements());
    }

    /**
     * The 1-based lines of {@code text} that begin at top level, that is outside any string
     * literal, quoted identifier, dollar-quoted body or block comment. A line such as
     * {@code -- downgrade} inside a function body is therefore not in the set. Never throws: after
     * an unterminated construct no further line is at top level.
     */
    public static BitSet topLevelLines(String text) {
        return SqlScanner.scan(text, 1).topLevelLines();
    }

    /**
     * Like {@link #topLevelLines(String)}, but recovers from an unterminated construct: the first
     * later line for which {@code restartAt} holds (given the line's text without its line break)
     * is taken to be at top level, and scanning starts afresh there. A parser uses this so that a
     * string left open in one section does not also hide the marker that starts the next one.
     */
    public static BitSet topLevelLines(String text, Predicate<String> restartAt) {
        BitSet result = new BitSet();
        int offset = 0;
        int line = 1;
        while (true) {
            SqlScanner scanner = SqlScanner.scan(offset == 0 ? text : text.substring(offset), line);
            result.or(scanner.topLevelLines());
            if (scanner.unterminatedWhat() == null) {
                return result;
            }
            int openLine = scanner.unterminatedLine();
            int restart = -1;
            int p = offset;
            int current = line;
            while (true) {
                int newline = text.indexOf('\n', p);
                int end = newline < 0 ? text.length() : newline;
                if (current > openLine && restartAt.test(text.substring(p, end))) {
                    restart = p;
                    break;
                }
                if (newline < 0) {
                    break;
                }
                p = newline + 1;
                current++;
            }
            if (restart < 0) {
                return result;
            }
            offset = restart;
            line = current;
        }
    }

    /**
     * Whether the statement is top-level transaction control (BEGIN, START TRANSACTION, COMMIT,
     * END, ROLLBACK, ABORT, PREPARE TRANSACTION ...), which would end the plugin's own transaction.
     * {@code ROLLBACK TO SAVEPOINT}, {@code SAVEPOINT} and {@code RELEASE} are not.
     */
    public static boolean isTransactionControl(Statement statement) {
        Words words = new Words(statement.sql());
        String first = words.next();
        switch (first) {
            case "begin":
                return !words.next().equals("atomic");
            case "start":
            case "prepare":
                return words.next().equals("transaction");
            case "commit":
            case "end":
            case "abort":
                return true;
            case "rollback":
                String second = words.next();
                if (second.equals("work") || second.equals("transaction")) {
                    second = words.next();
                }
                return !second.equals("to");
            default:
                return false;
        }
    }

    /** Reads the leading words of a statement, lower-cased, skipping whitespace and comments. */
    private static final class Words {
        private final String sql;
        private int pos;

        Words(String sql) {
            this.sql = sql;
        }

        /** The next word, or "" when the next token is not a word. */
        String next() {
            skipBlanksAndComments();
            int start = pos;
            while (pos < sql.length() && SqlScanner.isIdentCont(sql.charAt(pos))) {
                pos++;
            }
            return sql.substring(start, pos).toLowerCase(Locale.ROOT);
        }

        private void skipBlanksAndComments() {
            while (pos < sql.length()) {
                char c = sql.charAt(pos);
                if (SqlScanner.isSpaceOrNewline(c)) {
                    pos++;
                } else if (sql.startsWith("--", pos)) {
                    int newline = sql.indexOf('\n', pos);
                    pos = newline < 0 ? sql.length() : newline;
                } else if (sql.startsWith("/*", pos)) {
                    skipBlockComment();
                } else {
                    return;
                }
            }
        }

        private void skipBlockComment() {
            int depth = 0;
            while (pos < sql.length()) {
                if (sql.startsWith("/*", pos)) {
                    depth++;
                    pos += 2;
                } else if (sql.startsWith("*/", pos)) {
                    pos += 2;
                    if (--depth == 0) {
                        return;
                    }
                } else {
                    pos++;
                }
            }
        }
    }

    /**
     * The words and punctuation of {@code sql} by the same lexical rules as {@link #split}: what
     * statement classification (lint) reads. Strings, dollar quotes and comments are left out; an
     * unterminated construct ends the list rather than failing.
     */
    public static List<SqlToken> tokens(String sql) {
        return SqlScanner.tokens(sql);
    }
}
