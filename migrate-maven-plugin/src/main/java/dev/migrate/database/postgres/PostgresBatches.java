package dev.migrate.database.postgres;

import dev.migrate.sql.LeadingKeyword;
import dev.migrate.sql.SqlToken;
import dev.migrate.sql.Statement;
import dev.migrate.sql.StatementSplitter;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

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
     * PgJDBC's message for a failed batch entry ({@code BatchResultHandler}), before its translation:
     * the 0-based entry, its text (when {@code logServerErrorDetail} is on, as by default), the
     * server's error. PgJDBC translates it ({@code org.postgresql.util.GT}) into the JVM's language
     * where it has a translation (Russian, Japanese ... in 42.7), so it is matched as PgJDBC renders it.
     */
    private static final String FAILED_ENTRY = "Batch entry {0} {1} was aborted: {2}  Call getNextException to see"
            + " other errors in the batch.";

    private PostgresBatches() {
    }

    /**
     * Whether {@code statement} surely returns no rows: its first word (read by psql's lexical
     * rules, so a comment or string cannot pass for it) starts a statement that returns none, and a
     * data change has no {@code RETURNING} word (a WITH, see {@link #withReturnsNoRows}). Anything else (SELECT, VALUES, TABLE, SHOW,
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
        if (first.equals("with")) {
            return withReturnsNoRows(tokens != null ? tokens : StatementSplitter.tokens(sql, PostgresSyntax.INSTANCE));
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
     * Whether a statement that starts with WITH returns no rows: its main statement, after the list
     * of named subqueries, is a data change without a RETURNING of its own. A subquery's RETURNING
     * (a data change in the list feeding the main statement) returns nothing to the client, and such
     * a subquery runs to its end whatever the main statement reads of it. Read strictly: anything
     * but a name, a column list, AS, [NOT] MATERIALIZED and the parenthesized subquery before the
     * main statement (a SEARCH or CYCLE clause, say) counts as returning rows.
     */
    private static boolean withReturnsNoRows(List<SqlToken> tokens) {
        int at = 1;
        if (isKeyword(tokens, at, "recursive")) {
            at++;
        }
        while (true) {
            if (at >= tokens.size() || !tokens.get(at).word()) {
                return false;
            }
            at++;
            if (isPunctuation(tokens, at, "(")) {
                at = afterParentheses(tokens, at);
            }
            if (!isKeyword(tokens, at, "as")) {
                return false;
            }
            at++;
            if (isKeyword(tokens, at, "not")) {
                at++;
            }
            if (isKeyword(tokens, at, "materialized")) {
                at++;
            }
            if (!isPunctuation(tokens, at, "(")) {
                return false;
            }
            at = afterParentheses(tokens, at);
            if (!isPunctuation(tokens, at, ",")) {
                break;
            }
            at++;
        }
        if (at >= tokens.size() || tokens.get(at).quoted() || !MAY_RETURN.contains(tokens.get(at).text())) {
            return false;
        }
        int depth = 0;
        for (int i = at + 1; i < tokens.size(); i++) {
            if (isPunctuation(tokens, i, "(")) {
                depth++;
            } else if (isPunctuation(tokens, i, ")")) {
                depth--;
            } else if (depth == 0 && isKeyword(tokens, i, "returning")) {
                return false;
            }
        }
        return true;
    }

    /** The position after the parenthesis opened at {@code open} closes (past the end when it never does). */
    private static int afterParentheses(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (isPunctuation(tokens, i, "(")) {
                depth++;
            } else if (isPunctuation(tokens, i, ")") && --depth == 0) {
                return i + 1;
            }
        }
        return tokens.size();
    }

    private static boolean isKeyword(List<SqlToken> tokens, int at, String keyword) {
        return at < tokens.size() && tokens.get(at).word() && !tokens.get(at).quoted()
                && tokens.get(at).text().equals(keyword);
    }

    private static boolean isPunctuation(List<SqlToken> tokens, int at, String mark) {
        return at < tokens.size() && !tokens.get(at).word() && tokens.get(at).text().equals(mark);
    }

    /**
     * The statement of {@code batch} that PgJDBC names as the one that failed, when it names it for
     * sure. Its update counts tell nothing inside a transaction (PgJDBC marks every entry failed
     * from the first one not committed, which in a transaction is the first), so only its message
     * does: the entry number is in no field of the exception. The message must read exactly as
     * PgJDBC renders it for entry N, in the JVM's language, with statement N's own text and the
     * chained server error; otherwise (another driver or version, the statement text left out)
     * nothing is named.
     */
    static OptionalInt failedStatement(BatchUpdateException failure, List<Statement> batch) {
        SQLException cause = failure.getNextException();
        String message = failure.getMessage();
        if (cause == null || cause.getMessage() == null || message == null) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < batch.size(); i++) {
            String sql = batch.get(i).sql();
            if (message.contains(sql) && message.equals(rendered(i, sql, cause.getMessage()))) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** {@link #FAILED_ENTRY} for entry {@code index} as PgJDBC writes it, translated as its own messages are. */
    private static String rendered(int index, String sql, String error) {
        try {
            return org.postgresql.util.GT.tr(FAILED_ENTRY, index, sql, error);
        } catch (LinkageError e) {
            // PgJDBC's helper is not where this class looks (another class loader): its English text
            return MessageFormat.format(FAILED_ENTRY, index, sql, error);
        }
    }
}
