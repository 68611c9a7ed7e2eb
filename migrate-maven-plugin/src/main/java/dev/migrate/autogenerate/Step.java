package dev.migrate.autogenerate;

/**
 * Where a statement runs within a generated section. Both sections use this one order: what others
 * depend on is dropped first (triggers, views, foreign keys, ...), then what they need is created
 * (extensions, schemas, types, tables), tables change, the now unused is dropped, and what depends
 * on the tables comes last (constraints, indexes, views, triggers, comments).
 */
enum Step {
    DROP_TRIGGER,
    DROP_VIEW,
    DROP_FOREIGN_KEY,
    DROP_CONSTRAINT,
    DROP_INDEX,
    DROP_STATISTICS,
    /** SQL-language routines may name tables in their bodies, so they go before the tables. */
    DROP_SQL_ROUTINE,
    CREATE_EXTENSION,
    CREATE_SCHEMA,
    TYPE,
    DOMAIN,
    SEQUENCE,
    CREATE_ROUTINE,
    CREATE_TABLE,
    ADD_COLUMN,
    ALTER_COLUMN,
    DROP_COLUMN,
    DROP_TABLE,
    DROP_ROUTINE,
    DROP_SEQUENCE,
    DROP_DOMAIN,
    DROP_TYPE,
    DROP_SCHEMA,
    DROP_EXTENSION,
    CREATE_SQL_ROUTINE,
    ADD_CONSTRAINT,
    ADD_FOREIGN_KEY,
    /** Unique indexes run at {@link #ADD_CONSTRAINT} instead: a key may need one (see UniqueIndexesBeforeKeys). */
    CREATE_INDEX,
    /** After the columns they are on: extended statistics name at least two. */
    CREATE_STATISTICS,
    CREATE_VIEW,
    CREATE_TRIGGER,
    SEQUENCE_OWNER,
    COMMENT
}
