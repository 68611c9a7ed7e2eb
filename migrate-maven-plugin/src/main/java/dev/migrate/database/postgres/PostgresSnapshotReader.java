package dev.migrate.database.postgres;

import dev.migrate.database.SnapshotReader;
import dev.migrate.database.SnapshotSeries;
import dev.migrate.database.SnapshotUnits;
import static dev.migrate.database.postgres.PostgresCatalogQueries.COLUMNS;
import static dev.migrate.database.postgres.PostgresCatalogQueries.COLUMN_ORDER;
import static dev.migrate.database.postgres.PostgresCatalogQueries.CONSTRAINTS;
import static dev.migrate.database.postgres.PostgresCatalogQueries.EXTENSIONS;
import static dev.migrate.database.postgres.PostgresCatalogQueries.INDEXES;
import static dev.migrate.database.postgres.PostgresCatalogQueries.PG_ATTRDEF;
import static dev.migrate.database.postgres.PostgresCatalogQueries.PG_CLASS;
import static dev.migrate.database.postgres.PostgresCatalogQueries.PG_CONSTRAINT;
import static dev.migrate.database.postgres.PostgresCatalogQueries.PG_PROC;
import static dev.migrate.database.postgres.PostgresCatalogQueries.PG_STATISTIC_EXT;
import static dev.migrate.database.postgres.PostgresCatalogQueries.PG_TRIGGER;
import static dev.migrate.database.postgres.PostgresCatalogQueries.STATISTICS;
import static dev.migrate.database.postgres.PostgresCatalogQueries.PG_TYPE;
import static dev.migrate.database.postgres.PostgresCatalogQueries.RELATIONS;
import static dev.migrate.database.postgres.PostgresCatalogQueries.RELATIONS_IN;
import static dev.migrate.database.postgres.PostgresCatalogQueries.ROUTINES;
import static dev.migrate.database.postgres.PostgresCatalogQueries.SCHEMAS;
import static dev.migrate.database.postgres.PostgresCatalogQueries.TRIGGERS;
import static dev.migrate.database.postgres.PostgresCatalogQueries.TYPES;
import static dev.migrate.database.postgres.PostgresCatalogQueries.TYPES_IN;

import dev.migrate.schema.DbObject;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.DbObject.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a snapshot from PostgreSQL's own catalog (pg_class, pg_attribute, pg_constraint, ...),
 * letting the server print definitions ({@code pg_get_indexdef} and friends) so that two
 * snapshots compare as the server sees the objects. Objects that belong to an extension are
 * left to the extension's own entry. Reads everything, or only chosen relations, types and
 * routines (see {@link PostgresSnapshotSeries}).
 *
 * <p>Longer than most classes: one short method per kind of object; the queries themselves are in
 * {@link PostgresCatalogQueries}.
 */
final class PostgresSnapshotReader implements SnapshotReader {

    static final long PG_NAMESPACE = PostgresCatalogQueries.PG_NAMESPACE;
    static final long PG_EXTENSION = PostgresCatalogQueries.PG_EXTENSION;

    /**
     * The units a partial read covers, as PostgreSQL array literals of object ids: relations
     * (with their columns, constraints, indexes and triggers), types (with a domain's
     * constraints) and routines.
     */
    record Selection(String relations, String types, String routines) {
    }

    @Override
    public SchemaSnapshot read(Connection connection, String historySchema, String historyTable) throws SQLException {
        SnapshotUnits units = new SnapshotUnits();
        read(connection, historySchema, historyTable, null, units);
        return units.snapshot();
    }

    @Override
    public SnapshotSeries series(String historySchema, String historyTable, boolean track) {
        return new PostgresSnapshotSeries(this, historySchema, historyTable, track);
    }

    /**
     * Reads every unit, or with a {@code selection} only those it names (in one round trip), into
     * {@code units}.
     */
    void read(Connection connection, String historySchema, String historyTable, Selection selection,
            SnapshotUnits units) throws SQLException {
        if (selection == null) {
            try (Statement statement = connection.createStatement()) {
                schemasAndExtensions(statement, units);
                String[] queries = {RELATIONS, COLUMNS + COLUMN_ORDER, CONSTRAINTS, INDEXES, ROUTINES, TRIGGERS, TYPES,
                    STATISTICS};
                for (int i = 0; i < queries.length; i++) {
                    try (ResultSet rs = statement.executeQuery(queries[i])) {
                        rows(i, rs, historySchema, historyTable, units);
                    }
                }
            }
            return;
        }
        boolean relations = !"{}".equals(selection.relations());
        boolean types = !"{}".equals(selection.types());
        boolean routines = !"{}".equals(selection.routines());
        // only the queries that can find something: each costs a round of planning and reading
        List<Integer> queries = new ArrayList<>();
        List<String> sql = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        if (relations) {
            queries.add(0);
            sql.add(RELATIONS + RELATIONS_IN);
            parameters.add(selection.relations());
            queries.add(1);
            sql.add(COLUMNS + RELATIONS_IN + COLUMN_ORDER);
            parameters.add(selection.relations());
        }
        if (relations || types) {
            queries.add(2);
            // two index lookups, then one by oid: an OR of both, or a join with them, may scan every constraint
            sql.add(CONSTRAINTS + " AND k.oid = ANY(ARRAY(SELECT oid FROM pg_catalog.pg_constraint"
                    + " WHERE conrelid = ANY(?::text::oid[])"
                    + " UNION ALL SELECT oid FROM pg_catalog.pg_constraint WHERE conrelid = 0"
                    + " AND contypid = ANY(?::text::oid[])))");
            parameters.add(selection.relations());
            parameters.add(selection.types());
        }
        if (relations) {
            queries.add(3);
            sql.add(INDEXES + " AND x.indrelid = ANY(?::text::oid[])");
            parameters.add(selection.relations());
        }
        if (routines) {
            queries.add(4);
            sql.add(ROUTINES + " AND p.oid = ANY(?::text::oid[])");
            parameters.add(selection.routines());
        }
        if (relations) {
            queries.add(5);
            sql.add(TRIGGERS + " AND g.tgrelid = ANY(?::text::oid[])");
            parameters.add(selection.relations());
        }
        if (types) {
            queries.add(6);
            sql.add(TYPES + TYPES_IN);
            parameters.add(selection.types());
        }
        if (relations) {
            queries.add(7);
            sql.add(STATISTICS + " AND s.stxrelid = ANY(?::text::oid[])");
            parameters.add(selection.relations());
        }
        if (queries.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", sql))) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            boolean isResult = statement.execute();
            for (int query : queries) {
                if (!isResult) {
                    throw new SQLException("expected the result of snapshot query " + (query + 1));
                }
                try (ResultSet rs = statement.getResultSet()) {
                    rows(query, rs, historySchema, historyTable, units);
                }
                isResult = statement.getMoreResults();
            }
        }
    }

    private static void schemasAndExtensions(Statement statement, SnapshotUnits units) throws SQLException {
        try (ResultSet rs = statement.executeQuery(SCHEMAS)) {
            while (rs.next()) {
                SchemaSnapshot.Builder unit = units.in(SnapshotUnits.unit(SnapshotUnits.SCHEMA, rs.getLong(3)),
                        PG_NAMESPACE, rs.getLong(3));
                unit.put(Kind.SCHEMA, null, null, rs.getString(1), "schema");
                unit.comment(null, "schema " + rs.getString(1), rs.getString(2));
            }
        }
        try (ResultSet rs = statement.executeQuery(EXTENSIONS)) {
            while (rs.next()) {
                units.in(SnapshotUnits.unit(SnapshotUnits.EXTENSION, rs.getLong(4)), PG_EXTENSION, rs.getLong(4))
                        .put(Kind.EXTENSION, null, null, rs.getString(1), "version " + rs.getString(2)
                                + " in schema " + rs.getString(3));
            }
        }
    }

    /** The rows of query {@code query} (relations, columns, constraints, indexes, routines, triggers, types). */
    private static void rows(int query, ResultSet rs, String historySchema, String historyTable, SnapshotUnits units)
            throws SQLException {
        while (rs.next()) {
            String schema = rs.getString(1);
            switch (query) {
                case 0 -> {
                    if (!isHistory(schema, rs.getString(2), historySchema, historyTable)) {
                        long oid = rs.getLong(18);
                        relation(units.in(SnapshotUnits.unit(SnapshotUnits.RELATION, oid), PG_CLASS, oid), rs, schema,
                                rs.getString(2));
                    }
                }
                case 1 -> {
                    if (!isHistory(schema, rs.getString(2), historySchema, historyTable)) {
                        long unit = SnapshotUnits.unit(SnapshotUnits.RELATION, rs.getLong(12));
                        if (rs.getLong(13) != 0) {
                            units.owners.put(SnapshotUnits.object(PG_ATTRDEF, rs.getLong(13)), unit);
                        }
                        column(units.in(unit, PG_CLASS, rs.getLong(12)), rs, schema, rs.getString(2));
                    }
                }
                case 2 -> constraint(rs, schema, historySchema, historyTable, units);
                case 3 -> {
                    String table = rs.getString(2);
                    if (!isHistory(schema, table, historySchema, historyTable)) {
                        String owner = "table " + DbObject.qualify(schema, table);
                        SchemaSnapshot.Builder unit = units.in(SnapshotUnits.unit(SnapshotUnits.RELATION, rs.getLong(7)),
                                PG_CLASS, rs.getLong(6));
                        unit.put(Kind.INDEX, schema, owner, rs.getString(3), rs.getString(4));
                        unit.comment(schema, "index " + DbObject.qualify(schema, rs.getString(3)), rs.getString(5));
                    }
                }
                case 4 -> {
                    String signature = rs.getString(2) + "(" + rs.getString(3) + ")";
                    Kind kind = "p".equals(rs.getString(4)) ? Kind.PROCEDURE : Kind.FUNCTION;
                    SchemaSnapshot.Builder unit = units.in(SnapshotUnits.unit(SnapshotUnits.ROUTINE, rs.getLong(7)),
                            PG_PROC, rs.getLong(7));
                    unit.put(kind, schema, null, signature, rs.getString(5));
                    unit.comment(schema, kind.label() + " " + DbObject.qualify(schema, signature), rs.getString(6));
                }
                case 5 -> {
                    String owner = "table " + DbObject.qualify(schema, rs.getString(2));
                    String enabled = "O".equals(rs.getString(5)) ? "" : " (enabled: " + rs.getString(5) + ")";
                    SchemaSnapshot.Builder unit = units.in(SnapshotUnits.unit(SnapshotUnits.RELATION, rs.getLong(8)),
                            PG_TRIGGER, rs.getLong(7));
                    unit.put(Kind.TRIGGER, schema, owner, rs.getString(3), rs.getString(4) + enabled);
                    unit.comment(schema, "trigger " + rs.getString(3) + " on " + owner, rs.getString(6));
                }
                case 7 -> {
                    if (!isHistory(rs.getString(8), rs.getString(2), historySchema, historyTable)) {
                        String owner = "table " + DbObject.qualify(rs.getString(8), rs.getString(2));
                        SchemaSnapshot.Builder unit = units.in(SnapshotUnits.unit(SnapshotUnits.RELATION, rs.getLong(7)),
                                PG_STATISTIC_EXT, rs.getLong(6));
                        unit.put(Kind.STATISTICS, schema, owner, rs.getString(3), rs.getString(4));
                    }
                }
                default -> type(units.in(SnapshotUnits.unit(SnapshotUnits.TYPE, rs.getLong(10)), PG_TYPE,
                        rs.getLong(10)), rs);
            }
        }
    }

    private static void constraint(ResultSet rs, String schema, String historySchema, String historyTable,
            SnapshotUnits units) throws SQLException {
        String table = rs.getString(2);
        if (table != null && isHistory(schema, table, historySchema, historyTable)) {
            return;
        }
        String owner = table != null ? "table " + DbObject.qualify(schema, table)
                : "domain " + DbObject.qualify(schema, rs.getString(3));
        long unit = table != null ? SnapshotUnits.unit(SnapshotUnits.RELATION, rs.getLong(8))
                : SnapshotUnits.unit(SnapshotUnits.TYPE, rs.getLong(9));
        SchemaSnapshot.Builder snapshot = units.in(unit, PG_CONSTRAINT, rs.getLong(7));
        snapshot.put(Kind.CONSTRAINT, schema, owner, rs.getString(4), rs.getString(5));
        snapshot.comment(schema, "constraint " + rs.getString(4) + " on " + owner, rs.getString(6));
    }

    private static void relation(SchemaSnapshot.Builder snapshot, ResultSet rs, String schema, String name)
            throws SQLException {
        String relkind = rs.getString(3);
        Kind kind = switch (relkind) {
            case "v" -> Kind.VIEW;
            case "m" -> Kind.MATERIALIZED_VIEW;
            case "S" -> Kind.SEQUENCE;
            default -> Kind.TABLE;
        };
        StringBuilder definition = new StringBuilder();
        if (kind == Kind.SEQUENCE) {
            definition.append("AS ").append(rs.getString(11)).append(" START ").append(rs.getLong(12))
                    .append(" INCREMENT ").append(rs.getLong(13)).append(" MINVALUE ").append(rs.getLong(14))
                    .append(" MAXVALUE ").append(rs.getLong(15)).append(" CACHE ").append(rs.getLong(16))
                    .append(rs.getBoolean(17) ? " CYCLE" : " NO CYCLE");
        } else if (kind == Kind.VIEW || kind == Kind.MATERIALIZED_VIEW) {
            definition.append(rs.getString(5));
        } else {
            definition.append("f".equals(relkind) ? "foreign table" : "p".equals(relkind) ? "partitioned table" : "table");
            appendIf(definition, " PARTITION BY ", rs.getString(8));
            appendIf(definition, " PARTITION OF ", rs.getString(9) != null ? rs.getString(10) : null);
            appendIf(definition, " ", rs.getString(9));
            appendIf(definition, " INHERITS ", rs.getString(9) == null ? rs.getString(10) : null);
        }
        if ("u".equals(rs.getString(4))) {
            definition.append(" UNLOGGED");
        }
        appendIf(definition, " WITH ", rs.getString(7));
        snapshot.put(kind, schema, null, name, definition.toString());
        snapshot.comment(schema, kind.label() + " " + DbObject.qualify(schema, name), rs.getString(6));
    }

    private static void column(SchemaSnapshot.Builder snapshot, ResultSet rs, String schema, String table)
            throws SQLException {
        String column = rs.getString(3);
        String relation = DbObject.qualify(schema, table);
        StringBuilder definition = new StringBuilder(rs.getString(4));
        appendIf(definition, " COLLATE ", rs.getString(9));
        if (rs.getBoolean(5)) {
            definition.append(" NOT NULL");
        }
        String identity = rs.getString(7);
        if ("a".equals(identity)) {
            definition.append(" GENERATED ALWAYS AS IDENTITY");
        } else if ("d".equals(identity)) {
            definition.append(" GENERATED BY DEFAULT AS IDENTITY");
        }
        String expression = rs.getString(6);
        if ("s".equals(rs.getString(8))) {
            definition.append(" GENERATED ALWAYS AS (").append(expression).append(") STORED");
        } else if (expression != null) {
            snapshot.put(Kind.DEFAULT, schema, table, column, expression);
        }
        snapshot.put(Kind.COLUMN, schema, table, column, definition.toString());
        Kind ownerKind = "c".equals(rs.getString(11)) ? Kind.TYPE : Kind.TABLE;
        snapshot.columnAt(new DbObject(ownerKind, schema, null, table), column);
        snapshot.comment(schema, "column " + relation + "." + column, rs.getString(10));
    }

    private static void type(SchemaSnapshot.Builder snapshot, ResultSet rs) throws SQLException {
        String schema = rs.getString(1);
        String name = rs.getString(2);
        String typtype = rs.getString(3);
        Kind kind = "d".equals(typtype) ? Kind.DOMAIN : Kind.TYPE;
        String definition = switch (typtype) {
            case "e" -> "ENUM (" + rs.getString(4) + ")";
            case "d" -> rs.getString(5) + (rs.getBoolean(6) ? " NOT NULL" : "")
                    + (rs.getString(7) == null ? "" : " DEFAULT " + rs.getString(7));
            case "r" -> "RANGE (SUBTYPE = " + rs.getString(8) + ")";
            default -> "composite";
        };
        snapshot.put(kind, schema, null, name, definition);
        snapshot.comment(schema, kind.label() + " " + DbObject.qualify(schema, name), rs.getString(9));
    }

    private static boolean isHistory(String schema, String table, String historySchema, String historyTable) {
        return table.equals(historyTable) && schema.equals(historySchema);
    }

    private static void appendIf(StringBuilder builder, String prefix, String value) {
        if (value != null) {
            builder.append(prefix).append(value);
        }
    }
}
