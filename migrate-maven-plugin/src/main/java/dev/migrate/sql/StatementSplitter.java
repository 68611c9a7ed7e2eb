package dev.migrate.sql;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Splits SQL text into statements by the lexical rules of a {@link SqlSyntax}, the target
 * database's client's, so that every statement is exactly what that client would send for the same
 * text.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    /**
     * Splits {@code text}, whose first line is file line {@code firstLine}. Pieces holding nothing
     * but whitespace and comments are not statements.
     *
     * @throws UnsplittableSqlException when a string, quoted identifier, dollar quote or block
     *     comment is still open at the end of the text, or a DELIMITER line is misused (carries the
     *     line where the problem begins)
     */
    public static List<Statement> split(String text, int firstLine, SqlSyntax syntax) {
        SqlScanner scanner = SqlScanner.scan(text, firstLine, syntax);
        if (scanner.failure() != null) {
            throw scanner.failure();
        }
        return List.copyOf(scanner.statements());
    }

    /**
     * The 1-based lines of {@code text} that begin at top level, that is outside any string
     * literal, quoted identifier, dollar-quoted body or block comment. A line such as
     * {@code -- downgrade} inside a function body is therefore not in the set. Never throws: after
     * an unterminated construct no further line is at top level.
     */
    public static BitSet topLevelLines(String text, SqlSyntax syntax) {
        return SqlScanner.scan(text, 1, syntax).topLevelLines();
    }

    /**
     * Like {@link #topLevelLines(String, SqlSyntax)}, but recovers from an unterminated construct:
     * the first later line for which {@code restartAt} holds (given the line's text without its
     * line break) is taken to be at top level, and scanning starts afresh there. A parser uses this
     * so that a string left open in one section does not also hide the marker that starts the next.
     */
    public static BitSet topLevelLines(String text, SqlSyntax syntax, Predicate<String> restartAt) {
        BitSet result = new BitSet();
        int offset = 0;
        int line = 1;
        while (true) {
            SqlScanner scanner = SqlScanner.scan(offset == 0 ? text : text.substring(offset), line, syntax);
            result.or(scanner.topLevelLines());
            if (scanner.failure() == null) {
                return result;
            }
            int openLine = scanner.failure().line();
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
     * Scans a whole file's {@code text} once: its {@link #topLevelLines(String, SqlSyntax, Predicate)
     * top-level lines} (recovering as that does), and the statements of the runs of lines that the
     * one scan can vouch for ({@link ScannedFile#statementsOfLines}). A parser that splits the file
     * into parts at top-level lines reads each part from this instead of scanning it again.
     */
    public static ScannedFile scanFile(String text, SqlSyntax syntax, Predicate<String> restartAt) {
        SqlScanner scanner = SqlScanner.scan(text, 1, syntax);
        BitSet topLevel = scanner.failure() == null ? scanner.topLevelLines() : topLevelLines(text, syntax, restartAt);
        return new ScannedFile(topLevel, scanner);
    }

    /**
     * The words and punctuation of {@code sql} by the same lexical rules as {@link #split}: what
     * statement classification (lint) reads. Strings, dollar quotes and comments are left out; an
     * unterminated construct ends the list rather than failing.
     */
    public static List<SqlToken> tokens(String sql, SqlSyntax syntax) {
        return SqlScanner.tokens(sql, syntax);
    }

    private static final java.util.Set<String> ROUTINE_KINDS = java.util.Set.of("procedure", "function", "trigger",
            "event");

    /**
     * The kind ({@code PROCEDURE}, {@code FUNCTION}, {@code TRIGGER}, {@code EVENT}) of a routine,
     * trigger or event whose {@code BEGIN ... END} body a client that ends a statement at every
     * separator ({@code mysql}: no DELIMITER line changed it) cut short, so that {@code sql} is only
     * its head; null for any other statement. Its last words hold no {@code END} ({@code END},
     * {@code END label}, {@code END IF}, {@code END LOOP label} close a whole one).
     */
    public static String cutRoutineBody(String sql, SqlSyntax syntax) {
        if (!syntax.has(SqlSyntax.Feature.DELIMITER_COMMAND) || !leadingWords(sql, syntax, 1).equals(List.of("create"))) {
            return null;
        }
        List<SqlToken> tokens = SqlScanner.tokens(sql, syntax);
        String kind = null;
        for (int i = 1; i < Math.min(tokens.size(), 16) && kind == null; i++) {
            SqlToken token = tokens.get(i);
            if (token.text().equals("(")) {
                break;
            }
            if (token.word() && !token.quoted() && ROUTINE_KINDS.contains(token.text())) {
                kind = token.text().toUpperCase(Locale.ROOT);
            }
        }
        if (kind == null) {
            return null;
        }
        boolean body = false;
        List<String> lastWords = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (!token.word() || token.quoted()) {
                continue;
            }
            // NEW.begin is a column, not a block
            body |= token.text().equals("begin") && (i == 0 || !tokens.get(i - 1).text().equals("."));
            lastWords.add(token.text());
            if (lastWords.size() > 3) {
                lastWords.remove(0);
            }
        }
        return body && !lastWords.contains("end") ? kind : null;
    }

    /** Up to {@code count} leading word tokens of {@code sql}, lower-cased; fewer when a non-word comes first. */
    static List<String> leadingWords(String sql, SqlSyntax syntax, int count) {
        List<String> words = new ArrayList<>(count);
        for (SqlToken token : SqlScanner.tokens(sql, syntax, count)) {
            if (!token.word() || words.size() == count) {
                break;
            }
            words.add(token.text().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
