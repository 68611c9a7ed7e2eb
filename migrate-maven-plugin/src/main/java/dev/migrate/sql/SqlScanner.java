package dev.migrate.sql;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * One pass over SQL text with psql's lexical rules: finds the top-level semicolons that end
 * statements and the lines that begin outside any string, quoted identifier, dollar quote or block
 * comment. Linear in the length of the text; an unterminated construct is recorded, not thrown, so
 * that the caller decides whether it matters.
 */
final class SqlScanner {

    private final String text;
    private final int length;
    private int pos;
    private int line;

    private final List<Statement> statements = new ArrayList<>();
    private final BitSet topLevelLines = new BitSet();

    // psql's state for deciding whether a semicolon ends the statement
    private int parenDepth;
    private final RoutineBodyTracker routineBody = new RoutineBodyTracker();

    // the statement being collected
    private int statementStart = -1;
    private int statementLine;
    private boolean statementHasToken;

    private String unterminatedWhat;
    private int unterminatedLine;

    // collected only when asked for: a 50 MB script should not become millions of tokens
    private final List<SqlToken> tokens;

    private SqlScanner(String text, int firstLine, boolean collectTokens) {
        this.text = text;
        this.length = text.length();
        this.line = firstLine;
        this.tokens = collectTokens ? new ArrayList<>() : null;
    }

    static SqlScanner scan(String text, int firstLine) {
        SqlScanner scanner = new SqlScanner(text, firstLine, false);
        scanner.run();
        return scanner;
    }

    /** The words and punctuation of {@code text}; an unterminated construct ends the list. */
    static List<SqlToken> tokens(String text) {
        SqlScanner scanner = new SqlScanner(text, 1, true);
        scanner.run();
        return scanner.tokens;
    }

    List<Statement> statements() {
        return statements;
    }

    BitSet topLevelLines() {
        return topLevelLines;
    }

    /** Null when every construct was closed. */
    String unterminatedWhat() {
        return unterminatedWhat;
    }

    int unterminatedLine() {
        return unterminatedLine;
    }

    private void run() {
        topLevelLines.set(line);
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
                topLevelLines.set(line);
            } else if (isSpace(c)) {
                pos++;
            } else if (c == '-' && next(1) == '-') {
                skipLineComment();
            } else if (c == '/' && next(1) == '*') {
                keep(false);
                if (!skipBlockComment()) {
                    return;
                }
            } else if (c == ';') {
                token(pos, pos + 1);
                if (parenDepth == 0 && !routineBody.insideBody()) {
                    endStatement(pos);
                    routineBody.statementEnded();
                } else {
                    keep(true);
                }
                pos++;
            } else if (!scanToken(c)) {
                return;
            }
        }
        endStatement(length);
    }

    /** Scans one token that is not whitespace, a comment or a semicolon; false when unterminated. */
    private boolean scanToken(char c) {
        keep(true);
        int start = pos;
        switch (c) {
            case '\'':
                return skipString(pos + 1, false, "string literal");
            case '"':
                return quotedIdentifier(start + 1);
            case '$':
                return scanDollar();
            case '(':
                parenDepth++;
                pos++;
                token(start, pos);
                return true;
            case ')':
                if (parenDepth > 0) {
                    parenDepth--;
                }
                pos++;
                token(start, pos);
                return true;
            default:
                break;
        }
        if (isIdentStart(c)) {
            return scanWordOrPrefixedString(c);
        }
        if (isDigit(c)) {
            scanNumber();
        } else {
            pos++;
        }
        token(start, pos);
        return true;
    }

    private boolean scanWordOrPrefixedString(char c) {
        char n1 = next(1);
        if ((c == 'e' || c == 'E') && n1 == '\'') {
            return skipString(pos + 2, true, "string literal E'...'");
        }
        if ((c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') && n1 == '\'') {
            return skipString(pos + 2, false, "string literal");
        }
        if ((c == 'u' || c == 'U') && n1 == '&') {
            char n2 = next(2);
            if (n2 == '\'') {
                return skipString(pos + 3, false, "string literal");
            }
            if (n2 == '"') {
                return quotedIdentifier(pos + 3);
            }
        }
        int start = pos;
        pos++;
        while (pos < length && isIdentCont(text.charAt(pos))) {
            pos++;
        }
        routineBody.identifier(text, start, pos - start, parenDepth == 0);
        if (tokens != null) {
            tokens.add(new SqlToken(text.substring(start, pos).toLowerCase(Locale.ROOT), true));
        }
        return true;
    }

    /** A quoted identifier whose text starts at {@code from}; a word token without its quotes. */
    private boolean quotedIdentifier(int from) {
        if (!skipQuotedIdentifier(from)) {
            return false;
        }
        if (tokens != null) {
            tokens.add(new SqlToken(text.substring(from, pos - 1).replace("\"\"", "\""), true));
        }
        return true;
    }

    /** Punctuation, a number or a parameter between {@code start} and {@code end}. */
    private void token(int start, int end) {
        if (tokens != null) {
            tokens.add(new SqlToken(text.substring(start, end), false));
        }
    }

    private void scanNumber() {
        while (pos < length && (isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        // trailing identifier characters belong to the number token (1e5, 1_000, 123abc)
        if (pos < length && isIdentStart(text.charAt(pos))) {
            while (pos < length && isIdentCont(text.charAt(pos))) {
                pos++;
            }
        }
    }

    private boolean scanDollar() {
        int start = pos;
        char n1 = next(1);
        if (isDigit(n1)) {
            pos += 2;
            while (pos < length && isDigit(text.charAt(pos))) {
                pos++;
            }
            token(start, pos);
            return true;
        }
        int tagEnd = dollarTagEnd(pos);
        if (tagEnd < 0) {
            // a '$' followed by a word without closing '$' is plain text, like psql's dolqfailed
            pos++;
            if (pos < length && isDollarTagStart(text.charAt(pos))) {
                while (pos < length && isDollarTagCont(text.charAt(pos))) {
                    pos++;
                }
            }
            token(start, pos);
            return true;
        }
        String tag = text.substring(pos, tagEnd);
        int openLine = line;
        int close = findDollarClose(tagEnd, tag);
        if (close < 0) {
            return unterminated("dollar-quoted string " + tag, openLine);
        }
        pos = close + tag.length();
        return true;
    }

    /** The index after the closing '$' of a tag starting at {@code at}, or -1 when none starts there. */
    private int dollarTagEnd(int at) {
        int p = at + 1;
        if (p < length && text.charAt(p) == '$') {
            return p + 1;
        }
        if (p >= length || !isDollarTagStart(text.charAt(p))) {
            return -1;
        }
        p++;
        while (p < length && isDollarTagCont(text.charAt(p))) {
            p++;
        }
        return p < length && text.charAt(p) == '$' ? p + 1 : -1;
    }

    private int findDollarClose(int from, String tag) {
        int p = from;
        while (true) {
            int dollar = text.indexOf('$', p);
            if (dollar < 0) {
                countLines(from, length);
                return -1;
            }
            if (text.startsWith(tag, dollar)) {
                countLines(from, dollar);
                return dollar;
            }
            p = dollar + 1;
        }
    }

    private boolean skipString(int from, boolean escapes, String what) {
        int openLine = line;
        int p = from;
        while (true) {
            if (p >= length) {
                return unterminated(what, openLine);
            }
            char c = text.charAt(p);
            if (c == '\'') {
                if (p + 1 < length && text.charAt(p + 1) == '\'') {
                    p += 2;
                    continue;
                }
                p++;
                if (escapes) {
                    int resume = continuationQuote(p);
                    if (resume >= 0) {
                        countLines(p, resume);
                        p = resume + 1;
                        continue;
                    }
                }
                pos = p;
                return true;
            }
            if (c == '\\' && escapes) {
                if (p + 1 < length && text.charAt(p + 1) == '\n') {
                    line++;
                }
                p += 2;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            p++;
        }
    }

    /**
     * PostgreSQL joins string literals separated by whitespace that contains a newline; for E''
     * strings the continuation keeps backslash escapes, so it matters for finding the end.
     * Returns the index of the continuing quote, or -1.
     */
    private int continuationQuote(int from) {
        int p = from;
        boolean newline = false;
        while (p < length) {
            char c = text.charAt(p);
            if (c == '\n') {
                newline = true;
                p++;
            } else if (isSpace(c)) {
                p++;
            } else if (c == '-' && p + 1 < length && text.charAt(p + 1) == '-') {
                while (p < length && text.charAt(p) != '\n') {
                    p++;
                }
            } else {
                return newline && c == '\'' ? p : -1;
            }
        }
        return -1;
    }

    private boolean skipQuotedIdentifier(int from) {
        int openLine = line;
        int p = from;
        while (true) {
            int quote = text.indexOf('"', p);
            if (quote < 0) {
                countLines(p, length);
                return unterminated("quoted identifier", openLine);
            }
            countLines(p, quote);
            if (quote + 1 < length && text.charAt(quote + 1) == '"') {
                p = quote + 2;
                continue;
            }
            pos = quote + 1;
            return true;
        }
    }

    private void skipLineComment() {
        int newline = text.indexOf('\n', pos);
        pos = newline < 0 ? length : newline;
    }

    /** Block comments nest, as in PostgreSQL. */
    private boolean skipBlockComment() {
        int openLine = line;
        int depth = 1;
        int p = pos + 2;
        while (p < length) {
            char c = text.charAt(p);
            if (c == '*' && p + 1 < length && text.charAt(p + 1) == '/') {
                p += 2;
                if (--depth == 0) {
                    pos = p;
                    return true;
                }
            } else if (c == '/' && p + 1 < length && text.charAt(p + 1) == '*') {
                depth++;
                p += 2;
            } else {
                if (c == '\n') {
                    line++;
                }
                p++;
            }
        }
        return unterminated("block comment", openLine);
    }

    private boolean unterminated(String what, int openLine) {
        unterminatedWhat = what;
        unterminatedLine = openLine;
        pos = length;
        return false;
    }

    /** Marks the current position as part of the statement; psql drops what precedes the first kept character. */
    private void keep(boolean token) {
        if (statementStart < 0) {
            statementStart = pos;
            statementLine = line;
        }
        if (token) {
            statementHasToken = true;
        }
    }

    private void endStatement(int end) {
        if (statementStart >= 0 && statementHasToken) {
            int e = end;
            while (e > statementStart && isSpaceOrNewline(text.charAt(e - 1))) {
                e--;
            }
            statements.add(new Statement(text.substring(statementStart, e), statementLine));
        }
        statementStart = -1;
        statementHasToken = false;
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
    }

    private char next(int offset) {
        int p = pos + offset;
        return p < length ? text.charAt(p) : '\0';
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }

    static boolean isSpaceOrNewline(char c) {
        return c == '\n' || isSpace(c);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean isIdentCont(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isDollarTagStart(char c) {
        return isIdentStart(c);
    }

    private static boolean isDollarTagCont(char c) {
        return isIdentStart(c) || isDigit(c);
    }
}
