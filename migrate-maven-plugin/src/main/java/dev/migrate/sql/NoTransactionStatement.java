package dev.migrate.sql;

/**
 * The kinds of statement some database refuses inside a transaction block, as lint's
 * {@code concurrently-in-transaction} rule knows them. Planning asks the database's dialect which of
 * them it refuses, so a transactional revision holding one is stopped before anything runs. Here,
 * below lint and the database seam, so that both can name them without one importing the other.
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
    ALTER_TYPE_ADD_VALUE("ALTER TYPE ... ADD VALUE", 12);

    private final String label;
    private final int acceptedFrom;

    NoTransactionStatement(String label) {
        this(label, 0);
    }

    NoTransactionStatement(String label, int acceptedFrom) {
        this.label = label;
        this.acceptedFrom = acceptedFrom;
    }

    /**
     * Whether a server of major version {@code majorVersion} refuses it in a transaction block; with
     * 0 (not known), only what every version refuses. The one place the version rule lives: the
     * PostgreSQL dialect (planning) and lint (its configured version) both ask it.
     */
    public boolean refusedOn(int majorVersion) {
        return acceptedFrom == 0 || (majorVersion > 0 && majorVersion < acceptedFrom);
    }

    /** The first major version that accepts it in a transaction block, or 0 when none does. */
    public int acceptedFrom() {
        return acceptedFrom;
    }

    /** How messages name the statement. */
    public String label() {
        return label;
    }
}
