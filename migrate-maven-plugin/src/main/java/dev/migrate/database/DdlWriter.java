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

    String createSchema(String schema);

    String dropSchema(String schema);

    /** An extension from a definition like "version 1.3 in schema public"; null when the database has none. */
    String createExtension(String extension, String definition);

    String dropExtension(String extension);

    /**
     * A table with its columns (already written clauses) and the constraints that may sit in the
     * table itself; {@code definition} is the reader's ("table", "table UNLOGGED", ...).
     */
    String createTable(String table, String definition, List<String> columns, List<String> constraints);

    String dropTable(String table);

    /** One column clause of CREATE TABLE or ADD COLUMN. */
    String column(String column, ColumnSpec spec, String defaultExpression);

    String addColumn(String table, String column, ColumnSpec spec, String defaultExpression);

    String dropColumn(String table, String column);

    /** Changes a column's type, converting the stored values when a plain assignment would not. */
    String alterType(String table, String column, ColumnSpec from, ColumnSpec to);

    String setDefault(String table, String column, String expression);

    String dropDefault(String table, String column);

    String setNotNull(String table, String column, boolean notNull);

    /** Adds ({@code generation} "ALWAYS" or "BY DEFAULT") or drops (null) an identity. */
    String identity(String table, String column, String generation);

    /** A constraint clause as CREATE TABLE writes it. */
    String constraintClause(String name, String definition);

    String addConstraint(String table, String name, String definition);

    String dropConstraint(String table, String name);

    /** An index from the reader's definition; {@code table} and {@code index} are qualified names. */
    String createIndex(String schema, String index, String table, String definition);

    String dropIndex(String schema, String index);

    String createView(String view, String definition, boolean materialized);

    String dropView(String view, boolean materialized);

    String createSequence(String sequence, String definition);

    String alterSequence(String sequence, String definition);

    String dropSequence(String sequence);

    /** Comment text on the object a snapshot's comment key names ("table orders", "column orders.id"). */
    String comment(String on, String text);

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
        return null;
    }

    default String addDomainConstraint(String domain, String name, String definition) {
        return null;
    }

    default String dropDomainConstraint(String domain, String name) {
        return null;
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

    /** Makes {@code sequence} belong to {@code column} of {@code table} (dropped with it), or to nothing. */
    default String sequenceOwner(String sequence, String table, String column) {
        return null;
    }

    /** A quoted SQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
