package dev.migrate.database.postgres;

import dev.migrate.sql.LeadingKeyword;
import dev.migrate.sql.SqlToken;
import dev.migrate.sql.Statement;
import dev.migrate.sql.StatementSplitter;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PgJDBC does with a batch of plain statements, for the runner that sends a revision as one.
 * PgJDBC executes each batch entry with a row limit of one (it expects no rows), so a statement
 * that returns rows stops after its first row: {@code SELECT f(id) FROM t} would call {@code f}
 * once. Only statements known to return no rows go in a batch; the rest run one by one.
 */
final class PostgresBatches {

    /** First words of statements that never return rows (in a transaction, the only place batches go). */
    private static final Set<String> NO_ROWS = Set.of("create", "alter", "drop", "comment", "grant", "revoke",
            "truncate", "insert", "update", "delete", "merge", "set", "reset", "lock", "refresh", "analyze", "cluster",
            "reindex", "security", "import", "do", "notify", "listen", "unlisten", "savepoint", "release",
            "reassign");

    /** Of {@link #NO_ROWS}, those that return rows after all with a RETURNING clause. */
    private static final Set<String> MAY_RETURN = Set.of("insert", "update", "delete", "merge");

    /**
     * PgJDBC's English message for a failed batch entry ({@code BatchResultHandler}): the 0-based
     * entry, its text (when {@code logServerErrorDetail} is on, as by default), the server's error.
     */
    private static final Pattern FAILED_ENTRY = Pattern.compile("Batch entry (\\d+) ", Pattern.DOTALL);

    private PostgresBatches() {
    }

    /**
     * Whether {@code statement} surely returns no rows: its first word (read by psql's lexical
     * rules, so a comment or string cannot pass for it) starts a statement that returns none, and a
     * data change has no {@code RETURNING} word. Anything else (SELECT, VALUES, TABLE, WITH, SHOW,
     * EXPLAIN, CALL, EXECUTE, FETCH, a parenthesis ...) is taken to return rows.
     */
    static boolean returnsNoRows(Statement statement) {
        String sql = statement.sql();
        String first = LeadingKeyword.whole(sql);
        List<SqlToken> tokens = null;
        if (first.isEmpty()) {
            // a comment or something unusual first: the lexer reads past it
            tokens = StatementSplitter.tokens(sql, PostgresSyntax.INSTANCE);
            first = tokens.isEmpty() || !tokens.get(0).word() ? "" : tokens.get(0).text();
        }
        if (!NO_ROWS.contains(first)) {
            return false;
        }
        if (!MAY_RETURN.contains(first) || !sql.toLowerCase(Locale.ROOT).contains("returning")) {
            return true; // the keyword cannot be written without these letters
        }
        if (tokens == null) {
            tokens = StatementSplitter.tokens(sql, PostgresSyntax.INSTANCE);
        }
        return tokens.stream().noneMatch(token -> token.word() && token.text().equalsIgnoreCase("returning"));
    }

    /**
     * The statement of {@code batch} that PgJDBC names as the one that failed, when it names it for
     * sure: its update counts tell nothing inside a transaction (every entry is marked failed), so
     * only its message does, and only in English and with the statement's own text. The message must
     * read exactly "Batch entry N <statement N> was aborted: <the server's error>", and that error
     * must be the chained one; otherwise (another language, another driver version, the statement
     * text left out) nothing is named.
     */
    static OptionalInt failedStatement(BatchUpdateException failure, List<Statement> batch) {
        SQLException cause = failure.getNextException();
        String message = failure.getMessage();
        if (cause == null || cause.getMessage() == null || message == null) {
            return OptionalInt.empty();
        }
        Matcher matcher = FAILED_ENTRY.matcher(message);
        if (!matcher.lookingAt() || matcher.group(1).length() > 9) {
            return OptionalInt.empty();
        }
        int index = Integer.parseInt(matcher.group(1));
        if (index >= batch.size()) {
            return OptionalInt.empty();
        }
        String expected = "Batch entry " + index + " " + batch.get(index).sql() + " was aborted: " + cause.getMessage()
                + "  Call getNextException to see other errors in the batch.";
        return message.equals(expected) ? OptionalInt.of(index) : OptionalInt.empty();
    }
}
