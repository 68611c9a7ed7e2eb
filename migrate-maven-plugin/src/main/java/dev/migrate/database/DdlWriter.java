package dev.migrate.database;

import java.util.List;

/**
 * Writes the SQL text of one schema change for one database product. Names come in as a snapshot
 * holds them (unquoted, schema apart) and definitions as its reader printed them; the writer
 * quotes, qualifies and phrases them so the statement recreates exactly that definition.
 */
public interface DdlWriter {

    /** An identifier, quoted only when the database would otherwise read it differently. */
    String quote(String name);

    /** {@code schema.name}, quoted, with the schema left out when it is the default one. */
    String name(String schema, String name);

    default String createSchema(String schema) {
        return "CREATE SCHEMA " + quote(schema);
    }

    default String dropSchema(String schema) {
        return "DROP SCHEMA " + quote(schema);
    }

    /** An extension from a definition like "version 1.3 in schema public"; null when the database has none. */
    default String createExtension(String extension, String definition) {
        return null;
    }

    /** Drops an extension; null when the database has none. */
    default String dropExtension(String extension) {
        return null;
    }

    /**
     * A table with its columns (already written clauses) and the constraints that may sit in the
     * table itself; {@code definition} is the reader's ("table", "table UNLOGGED", ...).
     */
    String createTable(String table, String definition, List<String> columns, List<String> constraints);

    default String dropTable(String table) {
        return "DROP TABLE " + table;
    }

    /** One column clause of CREATE TABLE or ADD COLUMN. */
    String column(String column, ColumnSpec spec, String defaultExpression);

    default String addColumn(String table, String column, ColumnSpec spec, String defaultExpression) {
        return "ALTER TABLE " + table + " ADD COLUMN " + column(column, spec, defaultExpression);
    }

    /**
     * ADD COLUMN placing the new column before {@code before}, or null when this database can only
     * append a column (then the column goes last).
     */
    default String addColumnBefore(String table, String column, ColumnSpec spec, String defaultExpression,
            String before) {
        return null;
    }

    /**
     * ADD COLUMN placing the new column right after {@code after} ({@code FIRST} when null), or null
     * when this database cannot place a column so.
     */
    default String addColumnAfter(String table, String column, ColumnSpec spec, String defaultExpression,
            String after) {
        return null;
    }

    default String renameTable(String table, String newName) {
        return "ALTER TABLE " + table + " RENAME TO " + quote(newName);
    }

    default String renameColumn(String table, String column, String newName) {
        return "ALTER TABLE " + table + " RENAME COLUMN " + quote(column) + " TO " + quote(newName);
    }

    default String renameConstraint(String table, String constraint, String newName) {
        return "ALTER TABLE " + table + " RENAME CONSTRAINT " + quote(constraint) + " TO " + quote(newName);
    }

    default String renameIndex(String schema, String index, String newName) {
        return "ALTER INDEX " + name(schema, index) + " RENAME TO " + quote(newName);
    }

    /** What to do when existing columns come in another order than wanted, for this database. */
    default String columnOrderAdvice() {
        return "this database cannot move an existing column in place, so rebuild the table by hand or accept the"
                + " order";
    }

    default String dropColumn(String table, String column) {
        return "ALTER TABLE " + table + " DROP COLUMN " + quote(column);
    }

    /** Changes a column's type, converting the stored values when a plain assignment would not. */
    String alterType(String table, String column, ColumnSpec from, ColumnSpec to);

    default String setDefault(String table, String column, String expression) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + quote(column) + " SET DEFAULT " + expression;
    }

    default String dropDefault(String table, String column) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + quote(column) + " DROP DEFAULT";
    }

    default String setNotNull(String table, String column, boolean notNull) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + quote(column) + (notNull ? " SET" : " DROP") + " NOT NULL";
    }

    /**
     * The whole column restated as {@code to} in one statement, for what this writer cannot change
     * alone (an identity, when {@link #identity} gives null); null where a column cannot be restated.
     */
    default String restateColumn(String table, String column, ColumnSpec to) {
        return null;
    }

    /** Adds ({@code generation} "ALWAYS" or "BY DEFAULT") or drops (null) an identity. */
    String identity(String table, String column, String generation);

    /** A constraint clause as CREATE TABLE writes it. */
    String constraintClause(String name, String definition);

    /**
     * A constraint clause inside a new table's CREATE TABLE: as {@link #constraintClause}, except
     * that a database which names unnamed constraints itself gets the definition alone for a name it
     * chose, which may already belong to another table where the revision runs.
     */
    default String tableConstraintClause(String name, String definition) {
        return constraintClause(name, definition);
    }

    default String addConstraint(String table, String name, String definition) {
        return "ALTER TABLE " + table + " ADD " + constraintClause(name, definition);
    }

    default String dropConstraint(String table, String name) {
        return "ALTER TABLE " + table + " DROP CONSTRAINT " + quote(name);
    }

    /**
     * {@code statements}, each this writer's ALTER TABLE, CREATE INDEX or DROP INDEX on {@code table}
     * (a qualified name), as one statement that applies them in order; null where they need not or
     * cannot be one. MySQL wants an AUTO_INCREMENT column and a key on it in the same statement.
     */
    default String oneStatement(String table, List<String> statements) {
        return null;
    }

    /** An index from the reader's definition; {@code table} and {@code index} are qualified names. */
    String createIndex(String schema, String index, String table, String definition);

    default String dropIndex(String schema, String index) {
        return "DROP INDEX " + name(schema, index);
    }

    /**
     * Drops {@code index} of {@code table} (a qualified name): the table's name is needed where
     * index names are per table (MySQL); elsewhere it is {@link #dropIndex(String, String)}.
     */
    default String dropIndex(String schema, String index, String table) {
        return dropIndex(schema, index);
    }

    String createView(String view, String definition, boolean materialized);

    String dropView(String view, boolean materialized);

    String createSequence(String sequence, String definition);

    String alterSequence(String sequence, String definition);

    default String dropSequence(String sequence) {
        return "DROP SEQUENCE " + sequence;
    }

    /** Comment text on the object a snapshot's comment key names ("table orders", "column orders.id"). */
    default String comment(String on, String text) {
        return "COMMENT ON " + CommentTarget.of(on, this::quote) + " IS " + (text == null ? "NULL" : literal(text));
    }

    // what only some databases have: null means "not in this database", and the change becomes a TODO

    /** An enum type from its labels, each already a quoted literal. */
    default String createEnum(String type, List<String> labels) {
        return null;
    }

    /** Adds {@code label} (a literal) to an enum, before {@code before} (a literal) or at the end when null. */
    default String addEnumValue(String type, String label, String before) {
        return null;
    }

    /** Renames a type, for rebuilding an enum that lost or reordered values. */
    default String renameType(String type, String newName) {
        return null;
    }

    /** A stand-alone composite type from its attribute clauses. */
    default String createComposite(String type, List<String> attributes) {
        return null;
    }

    /** A range type from a definition like "RANGE (SUBTYPE = integer)". */
    default String createRange(String type, String definition) {
        return null;
    }

    default String dropType(String type) {
        return null;
    }

    /** A domain from a definition like "integer NOT NULL DEFAULT 0" and its constraint clauses. */
    default String createDomain(String domain, String definition, List<String> constraints) {
        return null;
    }

    default String dropDomain(String domain) {
        return "DROP DOMAIN " + domain;
    }

    default String addDomainConstraint(String domain, String name, String definition) {
        return "ALTER DOMAIN " + domain + " ADD " + constraintClause(name, definition);
    }

    default String dropDomainConstraint(String domain, String name) {
        return "ALTER DOMAIN " + domain + " DROP CONSTRAINT " + quote(name);
    }

    /** A function or procedure from the definition the reader printed. */
    default String createRoutine(String definition) {
        return null;
    }

    /** Drops {@code signature} ("name(argument types)", qualified) of a function or procedure. */
    default String dropRoutine(String signature, boolean procedure) {
        return null;
    }

    /** A trigger from the reader's definition; may be several statements (a disabled trigger). */
    default List<String> createTrigger(String table, String trigger, String definition) {
        return null;
    }

    default String dropTrigger(String table, String trigger) {
        return null;
    }

    /** Extended statistics from the reader's definition (a whole {@code CREATE STATISTICS}); null where there are none. */
    default List<String> createStatistics(String definition) {
        return null;
    }

    /** Drops extended statistics {@code statistics} (qualified as {@link #name} writes it). */
    default String dropStatistics(String statistics) {
        return null;
    }

    /** Makes {@code sequence} belong to {@code column} of {@code table} (dropped with it), or to nothing. */
    default String sequenceOwner(String sequence, String table, String column) {
        return null;
    }

    /** A quoted SQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
