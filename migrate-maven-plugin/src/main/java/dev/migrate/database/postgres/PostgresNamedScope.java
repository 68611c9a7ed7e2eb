package dev.migrate.database.postgres;

import dev.migrate.sql.SqlToken;
import dev.migrate.sql.StatementSplitter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names the statements run since the last snapshot use, when each of them can change only the
 * catalog rows of the relations it names and of what depends on them: tables, indexes, views and
 * sequences created, altered, dropped or commented on, and data statements. Anything else makes the
 * scope opaque (a routine, trigger, type, schema or extension; {@code CASCADE}; {@code DO},
 * {@code CALL}, {@code EXECUTE}; any first word not listed here), and so does a statement that ran
 * untold. A data statement changes no catalog row unless user code runs (a trigger, a default, a
 * check): {@link PostgresCatalogListing#updateNamed} takes the scope only while the database holds no
 * routine of its users.
 */
final class PostgresNamedScope {

    /** First words of statements that change no catalog row but those of what they name. */
    private static final Set<String> FIRST = Set.of("create", "alter", "drop", "comment", "insert", "update", "delete",
            "select", "with", "values", "table", "truncate", "analyze", "reindex", "lock", "set",
            "reset", "show", "begin", "start", "commit", "end", "rollback", "savepoint", "release");

    /** After CREATE, ALTER, DROP or COMMENT ON (past the words below): the kinds of object named. */
    private static final Set<String> OBJECTS = Set.of("table", "index", "view", "sequence");
    private static final Set<String> COMMENT_OBJECTS = Set.of("table", "index", "view", "sequence", "column",
            "constraint");
    private static final Set<String> MODIFIERS = Set.of("or", "replace", "unique", "temp", "temporary", "unlogged",
            "global", "local", "materialized", "foreign", "recursive", "on");

    /** Words that reach past what a statement names, wherever they stand. */
    private static final Set<String> OPAQUE = Set.of("cascade", "schema", "extension", "function", "procedure",
            "routine", "trigger", "rule", "execute", "call", "tablespace", "owned", "database", "policy",
            "publication", "subscription", "operator");

    private final Set<String> names = new HashSet<>();
    private boolean told;
    private boolean opaque;

    /** {@code sql} ran: its words join the scope, or it makes the scope opaque. */
    void ran(String sql) {
        told = true;
        if (opaque) {
            return;
        }
        List<SqlToken> tokens = StatementSplitter.tokens(sql, PostgresSyntax.INSTANCE);
        int first = 0;
        while (first < tokens.size() && !tokens.get(first).word()) {
            first++;
        }
        if (first == tokens.size()) {
            return;
        }
        String verb = tokens.get(first).text();
        if (!FIRST.contains(verb) || !namesItsObject(verb, tokens, first + 1)) {
            opaque = true;
            return;
        }
        for (SqlToken token : tokens) {
            if (token.word()) {
                if (OPAQUE.contains(token.text())) {
                    opaque = true;
                    names.clear();
                    return;
                }
                names.add(token.text());
            }
        }
    }

    /** Whether a CREATE, ALTER, DROP or COMMENT is about a relation (other statements name no object kind). */
    private static boolean namesItsObject(String verb, List<SqlToken> tokens, int next) {
        boolean comment = verb.equals("comment");
        if (!comment && !verb.equals("create") && !verb.equals("alter") && !verb.equals("drop")) {
            return true;
        }
        while (next < tokens.size() && tokens.get(next).word() && MODIFIERS.contains(tokens.get(next).text())) {
            next++;
        }
        return next < tokens.size() && tokens.get(next).word()
                && (comment ? COMMENT_OBJECTS : OBJECTS).contains(tokens.get(next).text());
    }

    /** Something ran that was not told. */
    void unknown() {
        told = true;
        opaque = true;
    }

    /** The names used since the last {@link #clear}, or null when the scope cannot say what changed. */
    Set<String> names() {
        return told && !opaque ? names : null;
    }

    void clear() {
        names.clear();
        told = false;
        opaque = false;
    }
}
