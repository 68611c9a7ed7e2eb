package dev.migrate.sql;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import dev.migrate.sql.SqlSyntax.Feature;

/**
 * One pass over SQL text with the lexical rules of a {@link SqlSyntax}: finds the top-level
 * separators that end statements and the lines that begin outside any string, quoted identifier,
 * dollar quote or block comment. Linear in the length of the text; an unterminated construct or a
 * misused DELIMITER line is recorded, not thrown, so that the caller decides whether it matters.
 * Over 300 lines because the rules of four clients interleave character by character; splitting
 * them by product would repeat the shared string and comment handling four times.
 */
final class SqlScanner {

    private final String text;
    private final SqlSyntax syntax;
    private final boolean[] features;
    private final boolean parenthesesHold;
    private final boolean delimiterCommand;
    private final boolean executableComments;
    // the separator: ';' unless a DELIMITER line changed it
    private String delimiter = ";";
    private char delimiterStart = ';';
    private boolean inExecutableComment;
    private int executableCommentLine;
    private final int length;
    private int pos;
    private int line;

    private final List<Statement> statements = new ArrayList<>();
    private final BitSet topLevelLines = new BitSet();
    // lines at whose start nothing was pending: a scan of the text from there on would go exactly as this one
    private final BitSet restingLines = new BitSet();

    // psql's state for deciding whether a semicolon ends the statement
    private int parenDepth;
    private final RoutineBodyTracker routineBody = new RoutineBodyTracker();

    // the statement being collected
    private int statementStart = -1;
    private int statementLine;
    private boolean statementHasToken;

    private UnsplittableSqlException failure;

    // collected only when asked for: a 50 MB script should not become millions of tokens
    private final List<SqlToken> tokens;
    // reading stops once this many tokens are collected: a statement's leading words are cheap to ask for
    private int tokenLimit = Integer.MAX_VALUE;

    private SqlScanner(String text, int firstLine, SqlSyntax syntax, boolean collectTokens) {
        this.text = text;
        this.syntax = syntax;
        this.length = text.length();
        this.line = firstLine;
        this.tokens = collectTokens ? new ArrayList<>() : null;
        // asked for at nearly every character: looked up once per scan, not in the syntax's set each time
        this.features = new boolean[Feature.values().length];
        for (Feature feature : Feature.values()) {
            features[feature.ordinal()] = syntax.has(feature);
        }
        this.parenthesesHold = has(Feature.PARENTHESES_HOLD_SEMICOLONS);
        this.delimiterCommand = has(Feature.DELIMITER_COMMAND);
        this.executableComments = has(Feature.EXECUTABLE_COMMENTS);
    }

    static SqlScanner scan(String text, int firstLine, SqlSyntax syntax) {
        SqlScanner scanner = new SqlScanner(text, firstLine, syntax, false);
        scanner.run();
        return scanner;
    }

    /**
     * The words and punctuation of {@code text}; an unterminated construct ends the list. A
     * statement's text is one statement, so DELIMITER lines are not looked for.
     */
    static List<SqlToken> tokens(String text, SqlSyntax syntax) {
        return tokens(text, syntax, Integer.MAX_VALUE);
    }

    /** The first {@code limit} tokens of {@code text} (fewer when it has fewer). */
    static List<SqlToken> tokens(String text, SqlSyntax syntax, int limit) {
        SqlScanner scanner = new SqlScanner(text, 1, syntax, true);
        scanner.tokenLimit = limit;
        scanner.run();
        return scanner.tokens.size() > limit ? scanner.tokens.subList(0, limit) : scanner.tokens;
    }

    List<Statement> statements() {
        return statements;
    }

    BitSet topLevelLines() {
        return topLevelLines;
    }

    /**
     * The lines at whose start no statement, comment, parenthesis or routine body was open and the
     * separator was ';': from such a line on, this scan goes exactly as a scan of the rest of the
     * text alone would, and every statement that began before it has ended.
     */
    BitSet restingLines() {
        return restingLines;
    }

    /** The number of the text's last line. */
    int lastLine() {
        return line;
    }

    /** Null when the text could be split. */
    UnsplittableSqlException failure() {
        return failure;
    }

    private void run() {
        lineStarted();
        if (delimiterCommand && tokens == null && !delimiterLine()) {
            return;
        }
        while (pos < length) {
            if (tokens != null && tokens.size() >= tokenLimit) {
                return;
            }
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
                lineStarted();
                if (delimiterCommand && tokens == null && !delimiterLine()) {
                    return;
                }
            } else if (isSpace(c)) {
                pos++;
            } else if (c == delimiterStart && text.startsWith(delimiter, pos)) {
                // the mysql client looks for its separator before it looks for comments
                token(pos, pos + delimiter.length());
                if ((!parenthesesHold || parenDepth == 0) && !routineBody.insideBody()) {
                    endStatement(pos);
                } else {
                    keep(true);
                }
                pos += delimiter.length();
            } else if (delimiterCommand && c == '\\' && (next(1) == 'g' || next(1) == 'G')) {
                // the client's "go" commands end a statement as its separator does
                token(pos, pos + 2);
                endStatement(pos);
                pos += 2;
            } else if (isLineComment(c)) {
                skipLineComment();
            } else if (c == '/' && next(1) == '*') {
                if (executableComments && (next(2) == '!' || (next(2) == 'M' && next(3) == '!'))) {
                    openExecutableComment();
                    continue;
                }
                keep(false);
                if (!skipBlockComment()) {
                    return;
                }
            } else if (inExecutableComment && c == '*' && next(1) == '/') {
                inExecutableComment = false;
                pos += 2;
            } else if (!scanToken(c)) {
                return;
            }
        }
        if (inExecutableComment) {
            unterminated("executable comment /*!", executableCommentLine);
            return;
        }
        endStatement(length);
    }

    /** At the start of a line reached at top level. */
    private void lineStarted() {
        topLevelLines.set(line);
        if (statementStart < 0 && !statementHasToken && parenDepth == 0 && !inExecutableComment
                && routineBody.atRest() && delimiter.equals(";")) {
            restingLines.set(line);
        }
    }

    private boolean has(Feature feature) {
        return features[feature.ordinal()];
    }

    private boolean isLineComment(char c) {
        if (c == '-' && next(1) == '-') {
            // the mysql client takes '--' as a comment only before a blank or a control character,
            // or anywhere before a statement has begun (it drops such lines whole)
            char after = next(2);
            return !has(Feature.DASH_DASH_NEEDS_SPACE) || after <= ' ' || !statementHasToken;
        }
        if (c == '#') {
            return has(Feature.HASH_COMMENTS);
        }
        return c == '/' && next(1) == '/' && has(Feature.SLASH_SLASH_COMMENTS);
    }

    /**
     * {@code /*!NNNNN ... * /} is SQL to MySQL and MariaDB (and the client scans it as such): its
     * opening and closing marks are skipped and what is between them is read as statement text.
     */
    private void openExecutableComment() {
        keep(true);
        executableCommentLine = line;
        pos += next(2) == 'M' ? 4 : 3;
        while (pos < length && isDigit(text.charAt(pos))) {
            pos++;
        }
        inExecutableComment = true;
    }

    /**
     * At the start of a line: a client {@code DELIMITER x} line changes the separator, as the
     * mysql client does when no statement is open. False (with the failure recorded) when misused.
     */
    private boolean delimiterLine() {
        int p = pos;
        while (p < length && isSpace(text.charAt(p))) {
            p++;
        }
        if (!text.regionMatches(true, p, "delimiter", 0, 9)) {
            return true;
        }
        int q = p + 9;
        if (q < length && !isSpaceOrNewline(text.charAt(q))) {
            return true; // a word such as delimiters: not the command
        }
        int end = text.indexOf('\n', q);
        end = end < 0 ? length : end;
        String argument = text.substring(q, end).strip();
        String separator = separatorOf(argument);
        if (statementHasToken) {
            // the client reads it as text of the open statement (a column may be called delimiter);
            // after a changed separator, a lone 'DELIMITER x' line is the classic forgotten 'END$$'
            if (delimiter.equals(";") || !separator.equals(argument)) {
                return true;
            }
            return fail(new DelimiterMisuseException("the DELIMITER line on line " + line + " comes while the"
                    + " statement starting on line " + statementLine + " is not ended by its separator '" + delimiter
                    + "', so the client would send the DELIMITER line to the server as part of it; end that"
                    + " statement with '" + delimiter + "' before the DELIMITER line", line));
        }
        if (separator.isEmpty()) {
            return fail(new DelimiterMisuseException("the DELIMITER line on line " + line + " names no separator;"
                    + " write it as 'DELIMITER $$' (and 'DELIMITER ;' to go back)", line));
        }
        if (separator.indexOf('\\') >= 0) {
            return fail(new DelimiterMisuseException("the DELIMITER line on line " + line + " names a separator"
                    + " with a backslash, which the mysql client refuses; choose one such as $$ or //", line));
        }
        delimiter = separator;
        delimiterStart = separator.charAt(0);
        // what came before (comments only) is dropped with the line, as the client drops it
        statementStart = -1;
        pos = end;
        return true;
    }

    /** The client's argument: a quoted word up to its closing quote, else up to the first blank. */
    private static String separatorOf(String argument) {
        if (argument.isEmpty()) {
            return argument;
        }
        char first = argument.charAt(0);
        if (first == '\'' || first == '"' || first == '`') {
            int close = argument.indexOf(first, 1);
            return close < 0 ? argument.substring(1) : argument.substring(1, close);
        }
        int blank = 0;
        while (blank < argument.length() && !isSpace(argument.charAt(blank))) {
            blank++;
        }
        return argument.substring(0, blank);
    }

    /** Scans one token that is not whitespace, a comment or a semicolon; false when unterminated. */
    private boolean scanToken(char c) {
        keep(true);
        int start = pos;
        switch (c) {
            case '\'':
                return skipString(pos + 1, '\'', has(Feature.BACKSLASH_ESCAPES), "string literal");
            case '"':
                if (has(Feature.DOUBLE_QUOTED_STRINGS)) {
                    return skipString(pos + 1, '"', has(Feature.BACKSLASH_ESCAPES), "string literal \"...\"");
                }
                if (has(Feature.DOUBLE_QUOTED_IDENTIFIERS)) {
                    return quotedIdentifier(start, start + 1, '"');
                }
                break;
            case '`':
                if (has(Feature.BACKTICK_IDENTIFIERS)) {
                    return quotedIdentifier(start, start + 1, '`');
                }
                break;
            case '$':
                if (has(Feature.DOLLAR_QUOTES)) {
                    return scanDollar();
                }
                if (has(Feature.DOUBLE_DOLLAR_STRINGS) && next(1) == '$') {
                    return scanDoubleDollar();
                }
                break;
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
        if (has(Feature.PREFIXED_STRINGS)) {
            if ((c == 'e' || c == 'E') && n1 == '\'') {
                return skipString(pos + 2, '\'', true, "string literal E'...'");
            }
            if ((c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') && n1 == '\'') {
                return skipString(pos + 2, '\'', false, "string literal");
            }
            if ((c == 'u' || c == 'U') && n1 == '&') {
                char n2 = next(2);
                if (n2 == '\'') {
                    return skipString(pos + 3, '\'', false, "string literal");
                }
                if (n2 == '"') {
                    return quotedIdentifier(pos, pos + 3, '"');
                }
            }
        }
        int start = pos;
        pos++;
        while (pos < length && isIdentCont(text.charAt(pos)) && !atChangedDelimiter()) {
            pos++;
        }
        if (has(Feature.BEGIN_ATOMIC_BODIES)) {
            routineBody.identifier(text, start, pos - start, parenDepth == 0);
        }
        if (tokens != null) {
            String written = text.substring(start, pos);
            tokens.add(new SqlToken(written.toLowerCase(Locale.ROOT), true, written));
        }
        return true;
    }

    /**
     * A quoted identifier written from {@code start}, its text from {@code from}; a word token
     * without its quotes.
     */
    private boolean quotedIdentifier(int start, int from, char quote) {
        if (!skipQuotedIdentifier(from, quote)) {
            return false;
        }
        if (tokens != null) {
            String q = String.valueOf(quote);
            tokens.add(new SqlToken(text.substring(from, pos - 1).replace(q + q, q), true, text.substring(start, pos)));
        }
        return true;
    }

    /** Punctuation, a number or a parameter between {@code start} and {@code end}. */
    private void token(int start, int end) {
        if (tokens != null) {
            String written = text.substring(start, end);
            tokens.add(new SqlToken(written, false, written));
        }
    }

    private void scanNumber() {
        while (pos < length && (isDigit(text.charAt(pos)) || text.charAt(pos) == '.') && !atChangedDelimiter()) {
            pos++;
        }
        // trailing identifier characters belong to the number token (1e5, 1_000, 123abc)
        if (pos < length && isIdentStart(text.charAt(pos)) && !atChangedDelimiter()) {
            while (pos < length && isIdentCont(text.charAt(pos)) && !atChangedDelimiter()) {
                pos++;
            }
        }
    }

    /** The mysql client looks for its separator at every character, so 'END$$' ends with '$$'. */
    private boolean atChangedDelimiter() {
        return delimiterCommand && text.startsWith(delimiter, pos);
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

    /** H2's {@code $$ ... $$} string: no tags, nothing inside it is special. */
    private boolean scanDoubleDollar() {
        int openLine = line;
        int close = text.indexOf("$$", pos + 2);
        if (close < 0) {
            countLines(pos, length);
            return unterminated("dollar-quoted string $$", openLine);
        }
        countLines(pos, close);
        pos = close + 2;
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

    private boolean skipString(int from, char quote, boolean escapes, String what) {
        int openLine = line;
        int p = from;
        while (true) {
            if (p >= length) {
                return unterminated(what, openLine);
            }
            char c = text.charAt(p);
            if (c == quote) {
                if (p + 1 < length && text.charAt(p + 1) == quote) {
                    p += 2;
                    continue;
                }
                p++;
                if (escapes && quote == '\'' && has(Feature.PREFIXED_STRINGS)) {
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

    private boolean skipQuotedIdentifier(int from, char mark) {
        int openLine = line;
        int p = from;
        while (true) {
            int quote = text.indexOf(mark, p);
            if (quote < 0) {
                countLines(p, length);
                return unterminated("quoted identifier", openLine);
            }
            countLines(p, quote);
            if (quote + 1 < length && text.charAt(quote + 1) == mark) {
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

    /** Block comments nest where the syntax says so (PostgreSQL, standard SQL). */
    private boolean skipBlockComment() {
        int openLine = line;
        boolean nest = has(Feature.NESTED_BLOCK_COMMENTS);
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
            } else if (nest && c == '/' && p + 1 < length && text.charAt(p + 1) == '*') {
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
        return fail(new UnterminatedSqlException(what, openLine));
    }

    private boolean fail(UnsplittableSqlException problem) {
        failure = problem;
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
        routineBody.statementEnded();
        parenDepth = 0;
        inExecutableComment = false;
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
