package dev.migrate.database.mysql;

import dev.migrate.database.ColumnSpec;
import dev.migrate.database.DdlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes MySQL/MariaDB DDL for what the snapshot reader sees. A column's definition is the whole
 * column (type, nullability, default, ON UPDATE, comment), so every change to it is one
 * {@code MODIFY COLUMN}; an added column is placed {@code AFTER} the column before it in the
 * order the section leaves the table in (or {@code FIRST}), both ways. Objects have no schema
 * here: the current database holds them all.
 */
final class MysqlDdlWriter implements DdlWriter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private final Set<String> reserved;

    MysqlDdlWriter(Set<String> reserved) {
        this.reserved = reserved;
    }

    @Override
    public String quote(String name) {
        if (PLAIN.matcher(name).matches() && !reserved.contains(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        return "`" + name.replace("`", "``") + "`";
    }

    @Override
    public String name(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    @Override
    public String createSchema(String schema) {
        return "CREATE DATABASE " + quote(schema);
    }

    @Override
    public String dropSchema(String schema) {
        return "DROP DATABASE " + quote(schema);
    }

    /** {@code definition} is the reader's "table ENGINE=... COLLATE=... options". */
    @Override
    public String createTable(String table, String definition, List<String> columns, List<String> constraints) {
        List<String> clauses = new ArrayList<>(columns);
        clauses.addAll(constraints);
        String options = definition.startsWith("table") ? definition.substring("table".length()) : "";
        return "CREATE TABLE " + table + " (\n    " + String.join(",\n    ", clauses) + "\n)" + options;
    }

    @Override
    public String column(String column, ColumnSpec spec, String defaultExpression) {
        String type = spec.type();
        String storage = null;
        if (spec.generated() != null) {
            // the reader keeps "stored"/"virtual" (and MySQL's "not null") in the type: DDL wants them after AS (...)
            String notNull = type.endsWith(" not null") ? " NOT NULL" : "";
            type = notNull.isEmpty() ? type : type.substring(0, type.length() - " not null".length());
            int blank = type.lastIndexOf(' ');
            storage = (blank < 0 ? "" : " " + type.substring(blank + 1).toUpperCase(Locale.ROOT)) + notNull;
            type = blank < 0 ? type : type.substring(0, blank);
        }
        StringBuilder sql = new StringBuilder(quote(column)).append(' ').append(type);
        if (spec.collation() != null) {
            sql.append(" COLLATE ").append(spec.collation());
        }
        if (spec.generated() != null) {
            sql.append(" AS (").append(spec.generated()).append(')').append(storage);
        } else if (spec.identity() != null) {
            sql.append(" AUTO_INCREMENT");
        } else if (defaultExpression != null) {
            sql.append(" DEFAULT ").append(defaultExpression);
        }
        if (spec.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /** A column added in place: a dropped middle column comes back where it was. */
    @Override
    public String addColumnAfter(String table, String column, ColumnSpec spec, String defaultExpression,
            String after) {
        return addColumn(table, column, spec, defaultExpression) + (after == null ? " FIRST" : " AFTER " + quote(after));
    }

    @Override
    public String columnOrderAdvice() {
        return "move the column with ALTER TABLE ... MODIFY COLUMN <its whole definition> AFTER <the column before it>"
                + " (or FIRST), which copies the table, or accept the order";
    }

    @Override
    public String alterType(String table, String column, ColumnSpec from, ColumnSpec to) {
        return restateColumn(table, column, to);
    }

    /** AUTO_INCREMENT comes and goes with the whole column. */
    @Override
    public String restateColumn(String table, String column, ColumnSpec to) {
        return "ALTER TABLE " + table + " MODIFY COLUMN " + column(column, to, null);
    }

    @Override
    public String setDefault(String table, String column, String expression) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + quote(column) + " SET DEFAULT " + expression;
    }

    /** Never asked: nullability is part of the column's type here, changed with MODIFY COLUMN. */
    @Override
    public String setNotNull(String table, String column, boolean notNull) {
        return null;
    }

    /** AUTO_INCREMENT is changed with the whole column, which this call does not carry. */
    @Override
    public String identity(String table, String column, String generation) {
        return null;
    }

    /** The primary key's name is always PRIMARY, and may not be written. */
    @Override
    public String constraintClause(String name, String definition) {
        return "PRIMARY".equals(name) ? definition : "CONSTRAINT " + quote(name) + " " + definition;
    }

    @Override
    public String dropConstraint(String table, String name) {
        if ("PRIMARY".equals(name)) {
            return "ALTER TABLE " + table + " DROP PRIMARY KEY";
        }
        return "ALTER TABLE " + table + " DROP CONSTRAINT " + quote(name);
    }

    /** {@code definition} is the reader's "[UNIQUE |FULLTEXT |SPATIAL ]INDEX (columns)[ USING type]". */
    @Override
    public String createIndex(String schema, String index, String table, String definition) {
        int open = definition.indexOf(" (");
        String kind = definition.substring(0, open);
        return "CREATE " + kind + " " + name(schema, index) + " ON " + table + definition.substring(open);
    }

    @Override
    public String dropIndex(String schema, String index, String table) {
        return "DROP INDEX " + quote(index) + " ON " + table;
    }

    /**
     * One ALTER TABLE of this writer's statements on {@code table}: an AUTO_INCREMENT column must be
     * a key's column whenever a statement ends, so the column and its key are added (or dropped) together.
     */
    @Override
    public String oneStatement(String table, List<String> statements) {
        List<String> clauses = new ArrayList<>();
        String alter = "ALTER TABLE " + table + " ";
        String dropIndex = " ON " + table;
        for (String statement : statements) {
            int on = statement.indexOf(dropIndex + " (");
            if (statement.startsWith(alter)) {
                clauses.add(statement.substring(alter.length()));
            } else if (statement.startsWith("CREATE ") && on > 0) {
                // CREATE [UNIQUE |FULLTEXT |SPATIAL ]INDEX name ON table (columns) -> ADD ... INDEX name (columns)
                clauses.add("ADD " + statement.substring("CREATE ".length(), on) + statement.substring(on
                        + dropIndex.length()));
            } else if (statement.startsWith("DROP INDEX ") && statement.endsWith(dropIndex)) {
                clauses.add(statement.substring(0, statement.length() - dropIndex.length()));
            } else {
                return null;
            }
        }
        return alter + String.join(", ", clauses);
    }

    @Override
    public String createView(String view, String definition, boolean materialized) {
        return materialized ? null : "CREATE VIEW " + view + " AS " + definition.strip();
    }

    @Override
    public String dropView(String view, boolean materialized) {
        return materialized ? null : "DROP VIEW " + view;
    }

    /** {@code definition} is SHOW CREATE SEQUENCE's options ("start with 1 minvalue 1 ..."). */
    @Override
    public String createSequence(String sequence, String definition) {
        return "CREATE SEQUENCE " + sequence + " " + definition;
    }

    @Override
    public String alterSequence(String sequence, String definition) {
        return "ALTER SEQUENCE " + sequence + " " + definition.replaceAll(" ENGINE=\\S+", "")
                .replace("start with", "restart with");
    }

    @Override
    public String comment(String on, String text) {
        if (on.startsWith("table ")) {
            return "ALTER TABLE " + quote(on.substring("table ".length())) + " COMMENT = "
                    + DdlWriter.literal(text == null ? "" : text);
        }
        return null;
    }

    @Override
    public String dropTrigger(String table, String trigger) {
        return "DROP TRIGGER " + quote(trigger);
    }
}
