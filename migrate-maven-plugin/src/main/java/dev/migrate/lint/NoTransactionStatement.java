package dev.migrate.lint;

import dev.migrate.lint.Facts.Kind;
import java.util.Optional;

/**
 * The kinds of statement PostgreSQL refuses inside a transaction block, as lint's
 * {@code concurrently-in-transaction} rule knows them. Planning asks the database's dialect which of
 * them it refuses, so a transactional revision holding one is stopped before anything runs.
 */
public enum NoTransactionStatement {
    CREATE_INDEX_CONCURRENTLY("CREATE INDEX CONCURRENTLY"),
    DROP_INDEX_CONCURRENTLY("DROP INDEX CONCURRENTLY"),
    REINDEX_CONCURRENTLY("REINDEX CONCURRENTLY (and REINDEX SCHEMA, DATABASE or SYSTEM)"),
    VACUUM("VACUUM"),
    CREATE_DATABASE("CREATE DATABASE"),
    DROP_DATABASE("DROP DATABASE"),
    ALTER_SYSTEM("ALTER SYSTEM"),
    TABLESPACE("CREATE or DROP TABLESPACE"),
    ALTER_DATABASE_SET_TABLESPACE("ALTER DATABASE ... SET TABLESPACE"),
    /** CLUSTER with no table: every table clustered before, each in a transaction of its own. */
    CLUSTER_ALL("CLUSTER without a table"),
    /** Refused in a transaction only before PostgreSQL 12. */
    ALTER_TYPE_ADD_VALUE("ALTER TYPE ... ADD VALUE");

    private final String label;

    NoTransactionStatement(String label) {
        this.label = label;
    }

    /** How messages name the statement. */
    public String label() {
        return label;
    }

    /**
     * What {@code sql} is, when it is one of these; read from its leading keywords only, so it is
     * cheap enough to ask of every statement a plan runs.
     */
    public static Optional<NoTransactionStatement> of(String sql) {
        if (!mayBeOne(sql)) {
            return Optional.empty();
        }
        // two the keyword classifier does not tell apart: read from the statement's own words
        if (BARE_CLUSTER.matcher(sql).matches()) {
            return Optional.of(CLUSTER_ALL);
        }
        if (DATABASE_TABLESPACE.matcher(sql).find()) {
            return Optional.of(ALTER_DATABASE_SET_TABLESPACE);
        }
        return of(KeywordClassifier.classify(Tokens.of(sql)));
    }

    private static final java.util.regex.Pattern BARE_CLUSTER = java.util.regex.Pattern.compile(
            "(?is)\\s*CLUSTER(\\s+VERBOSE|\\s*\\(\\s*VERBOSE[^)]*\\))?\\s*;?\\s*");
    private static final java.util.regex.Pattern DATABASE_TABLESPACE = java.util.regex.Pattern.compile(
            "(?is)^\\s*ALTER\\s+DATABASE\\s+(\"(?:[^\"]|\"\")+\"|\\S+)\\s+SET\\s+TABLESPACE\\b");

    /** False when the first word rules it out, so most statements are never tokenized. */
    private static boolean mayBeOne(String sql) {
        int start = 0;
        while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        if (end == start) {
            return true; // a comment or something unusual first: let the tokenizer judge
        }
        String first = sql.substring(start, end).toLowerCase(java.util.Locale.ROOT);
        return first.equals("create") || first.equals("drop") || first.equals("alter") || first.equals("reindex")
                || first.equals("vacuum") || first.equals("cluster");
    }

    /** The kind of a statement lint has classified, if it is one of these. */
    static Optional<NoTransactionStatement> of(Facts f) {
        Kind kind = f.kind();
        if (kind == Kind.CREATE_INDEX) {
            return f.concurrently() ? Optional.of(CREATE_INDEX_CONCURRENTLY) : Optional.empty();
        }
        if (kind == Kind.DROP_INDEX) {
            return f.concurrently() ? Optional.of(DROP_INDEX_CONCURRENTLY) : Optional.empty();
        }
        if (kind == Kind.REINDEX) {
            return f.concurrently() ? Optional.of(REINDEX_CONCURRENTLY) : Optional.empty();
        }
        return switch (kind) {
            case VACUUM -> Optional.of(VACUUM);
            case CREATE_DATABASE -> Optional.of(CREATE_DATABASE);
            case DROP_DATABASE -> Optional.of(DROP_DATABASE);
            case ALTER_SYSTEM -> Optional.of(ALTER_SYSTEM);
            case TABLESPACE -> Optional.of(TABLESPACE);
            case ALTER_TYPE_ADD_VALUE -> Optional.of(ALTER_TYPE_ADD_VALUE);
            default -> Optional.empty();
        };
    }
}
