package dev.migrate.database.h2;

import dev.migrate.database.ColumnSpec;
import dev.migrate.database.DdlWriter;
import dev.migrate.database.SequenceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes H2 DDL for what H2 has: schemas, tables, columns, constraints, plain and unique indexes,
 * views, sequences and domains. Names the H2 reader shows in lower case were folded by H2 and are
 * written unquoted again; others are quoted as they are.
 */
public final class H2DdlWriter implements DdlWriter {

    /** The schema a new H2 database starts in, which names leave out. */
    private static final String DEFAULT_SCHEMA = "PUBLIC";

    private static final Pattern FOLDED = Pattern.compile("[a-z_][a-z0-9_$]*");

    @Override
    public String addColumnBefore(String table, String column, ColumnSpec spec, String defaultExpression,
            String before) {
        return addColumn(table, column, spec, defaultExpression) + " BEFORE " + quote(before);
    }

    @Override
    public String renameColumn(String table, String column, String newName) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + quote(column) + " RENAME TO " + quote(newName);
    }

    @Override
    public String columnOrderAdvice() {
        return "H2 places only a new column (ALTER TABLE ... ADD COLUMN ... BEFORE), so add the column again before its"
                + " neighbour, copy its values, drop the old one and rename the new one, or accept the order";
    }

    @Override
    public String quote(String name) {
        if (FOLDED.matcher(name).matches()) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String name(String schema, String name) {
        return schema == null || DEFAULT_SCHEMA.equalsIgnoreCase(schema) ? quote(name)
                : quote(schema) + "." + quote(name);
    }

    @Override
    public String createTable(String table, String definition, List<String> columns, List<String> constraints) {
        List<String> clauses = new ArrayList<>(columns);
        clauses.addAll(constraints);
        String kind = definition.startsWith("global temporary") ? "GLOBAL TEMPORARY TABLE " : "TABLE ";
        return "CREATE " + kind + table + " (\n    " + String.join(",\n    ", clauses) + "\n)";
    }

    @Override
    public String column(String column, ColumnSpec spec, String defaultExpression) {
        StringBuilder sql = new StringBuilder(quote(column)).append(' ').append(spec.type());
        if (spec.generated() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(spec.generated()).append(')');
        } else if (spec.identity() != null) {
            sql.append(' ').append(spec.identity());
        } else if (defaultExpression != null) {
            sql.append(" DEFAULT ").append(defaultExpression);
        }
        if (spec.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    @Override
    public String alterType(String table, String column, ColumnSpec from, ColumnSpec to) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + quote(column) + " SET DATA TYPE " + to.type();
    }

    @Override
    public String identity(String table, String column, String generation) {
        return null;
    }

    @Override
    public String constraintClause(String name, String definition) {
        return "CONSTRAINT " + quote(name) + " " + definition;
    }

    @Override
    public String tableConstraintClause(String name, String definition) {
        return H2SnapshotReader.generated(name) ? definition : constraintClause(name, definition);
    }

    @Override
    public String createIndex(String schema, String index, String table, String definition) {
        int open = definition.indexOf(" (");
        String type = definition.substring(0, open).toUpperCase(Locale.ROOT);
        String unique = type.startsWith("UNIQUE") ? "UNIQUE " : type.startsWith("SPATIAL") ? "SPATIAL " : "";
        return "CREATE " + unique + "INDEX " + name(schema, index) + " ON " + table + definition.substring(open);
    }

    @Override
    public String createView(String view, String definition, boolean materialized) {
        return materialized ? null : "CREATE VIEW " + view + " AS\n" + definition.strip();
    }

    @Override
    public String dropView(String view, boolean materialized) {
        return materialized ? null : "DROP VIEW " + view;
    }

    @Override
    public String createSequence(String sequence, String definition) {
        return "CREATE SEQUENCE " + sequence + SequenceOptions.of(definition);
    }

    @Override
    public String alterSequence(String sequence, String definition) {
        return "ALTER SEQUENCE " + sequence + SequenceOptions.of(definition).replace(" AS ", " AS ");
    }

    @Override
    public String createDomain(String domain, String definition, List<String> constraints) {
        int at = definition.indexOf(" DEFAULT ");
        String type = at < 0 ? definition : definition.substring(0, at);
        StringBuilder sql = new StringBuilder("CREATE DOMAIN " + domain + " AS " + type);
        if (at >= 0) {
            sql.append(definition.substring(at));
        }
        constraints.forEach(c -> sql.append(' ').append(c));
        return sql.toString();
    }
}
