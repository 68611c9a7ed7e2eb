package dev.migrate.lint;

import dev.migrate.lint.Facts.Kind;
import dev.migrate.sql.LeadingKeyword;
import dev.migrate.sql.NoTransactionStatement;
import dev.migrate.sql.SqlSyntax;
import java.util.Optional;

/** Tells which {@link NoTransactionStatement} a statement is, from its keywords. */
public final class NoTransactionStatements {

    private NoTransactionStatements() {
    }

    /**
     * What {@code sql} is, when it is one of these; read from its leading keywords only, so it is
     * cheap enough to ask of every statement a plan runs.
     */
    public static Optional<NoTransactionStatement> of(String sql, SqlSyntax syntax) {
        if (!mayBeOne(sql)) {
            return Optional.empty();
        }
        Tokens tokens = Tokens.of(sql, syntax);
        // two the keyword classifier does not tell apart: read from the statement's own words, so
        // comments and line breaks between them do not hide them
        if (isBareCluster(tokens)) {
            return Optional.of(NoTransactionStatement.CLUSTER_ALL);
        }
        if (tokens.matches(0, "alter", "database") && tokens.isWord(2) && tokens.matches(3, "set", "tablespace")) {
            return Optional.of(NoTransactionStatement.ALTER_DATABASE_SET_TABLESPACE);
        }
        return of(KeywordClassifier.classify(tokens));
    }

    /** {@code CLUSTER}, {@code CLUSTER VERBOSE} or {@code CLUSTER (VERBOSE ...)}: every table clustered again. */
    private static boolean isBareCluster(Tokens tokens) {
        if (!tokens.matches(0, "cluster")) {
            return false;
        }
        int next = 1;
        if (tokens.matches(1, "verbose")) {
            next = 2;
        } else if (tokens.matches(1, "(", "verbose")) {
            next = 3;
            while (next < tokens.size() && !tokens.at(next).equals(")")) {
                next++;
            }
            next++;
        }
        if (tokens.at(next).equals(";")) {
            next++;
        }
        return next >= tokens.size();
    }

    /**
     * False when the first word rules it out, or for CREATE, DROP and ALTER when no word that kind
     * needs is in the text at all (a keyword cannot be written without its letters), so most
     * statements are never tokenized: a squash's hundreds of CREATE TABLE and CREATE INDEX, each
     * tokenized whole, were 12 ms of a plan check.
     */
    private static boolean mayBeOne(String sql) {
        String first = LeadingKeyword.of(sql);
        if (first.isEmpty()) {
            return true; // a comment or something unusual first: let the tokenizer judge
        }
        return switch (first) {
            case "create", "drop" -> containsAny(sql, "concurrently", "database", "tablespace");
            case "alter" -> containsAny(sql, "system", "value", "database");
            case "reindex", "vacuum", "cluster" -> true;
            default -> false;
        };
    }

    private static boolean containsAny(String sql, String... words) {
        String lower = sql.toLowerCase(java.util.Locale.ROOT);
        for (String word : words) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The kind of a statement lint has classified, if it is one of these. */
    static Optional<NoTransactionStatement> of(Facts f) {
        Kind kind = f.kind();
        if (kind == Kind.CREATE_INDEX) {
            return f.concurrently() ? Optional.of(NoTransactionStatement.CREATE_INDEX_CONCURRENTLY) : Optional.empty();
        }
        if (kind == Kind.DROP_INDEX) {
            return f.concurrently() ? Optional.of(NoTransactionStatement.DROP_INDEX_CONCURRENTLY) : Optional.empty();
        }
        if (kind == Kind.REINDEX) {
            return f.concurrently() ? Optional.of(NoTransactionStatement.REINDEX_CONCURRENTLY) : Optional.empty();
        }
        return switch (kind) {
            case VACUUM -> Optional.of(NoTransactionStatement.VACUUM);
            case CREATE_DATABASE -> Optional.of(NoTransactionStatement.CREATE_DATABASE);
            case DROP_DATABASE -> Optional.of(NoTransactionStatement.DROP_DATABASE);
            case ALTER_SYSTEM -> Optional.of(NoTransactionStatement.ALTER_SYSTEM);
            case TABLESPACE -> Optional.of(NoTransactionStatement.TABLESPACE);
            case ALTER_TYPE_ADD_VALUE -> Optional.of(NoTransactionStatement.ALTER_TYPE_ADD_VALUE);
            default -> Optional.empty();
        };
    }
}
