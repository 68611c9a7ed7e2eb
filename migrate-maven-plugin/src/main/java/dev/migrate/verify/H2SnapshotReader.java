package dev.migrate.verify;

import dev.migrate.verify.DbObject.Kind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a snapshot from H2's INFORMATION_SCHEMA into the same model as PostgreSQL's. Names H2
 * folded to upper case are shown in lower case, the way the user wrote them; constraint and index
 * names H2 generated are kept as they are.
 */
final class H2SnapshotReader implements SnapshotReader {

    private static final String IS = "INFORMATION_SCHEMA.";

    private static final String SCHEMAS = "SELECT SCHEMA_NAME, REMARKS FROM " + IS + "SCHEMATA"
            + " WHERE SCHEMA_NAME <> 'INFORMATION_SCHEMA'";

    private static final String TABLES = "SELECT t.TABLE_SCHEMA, t.TABLE_NAME, t.TABLE_TYPE, t.REMARKS, v.VIEW_DEFINITION"
            + " FROM " + IS + "TABLES t LEFT JOIN " + IS + "VIEWS v"
            + " ON v.TABLE_SCHEMA = t.TABLE_SCHEMA AND v.TABLE_NAME = t.TABLE_NAME"
            + " WHERE t.TABLE_SCHEMA <> 'INFORMATION_SCHEMA' AND t.TABLE_TYPE <> 'LOCAL TEMPORARY'";

    private static final String COLUMNS = "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE,"
            + " c.CHARACTER_MAXIMUM_LENGTH, c.NUMERIC_PRECISION, c.NUMERIC_SCALE, c.DATETIME_PRECISION,"
            + " c.IS_NULLABLE, c.COLUMN_DEFAULT, c.IS_IDENTITY, c.IDENTITY_GENERATION, c.IDENTITY_START,"
            + " c.IDENTITY_INCREMENT, c.IS_GENERATED, c.GENERATION_EXPRESSION, c.DOMAIN_NAME, c.REMARKS,"
            + " (SELECT LISTAGG('''' || e.VALUE_NAME || '''', ', ') WITHIN GROUP (ORDER BY e.VALUE_ORDINAL)"
            + "   FROM " + IS + "ENUM_VALUES e WHERE e.OBJECT_SCHEMA = c.TABLE_SCHEMA AND e.OBJECT_NAME = c.TABLE_NAME"
            + "   AND e.OBJECT_TYPE = 'TABLE' AND e.ENUM_IDENTIFIER = c.DTD_IDENTIFIER)"
            + " FROM " + IS + "COLUMNS c JOIN " + IS + "TABLES t"
            + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
            + " WHERE c.TABLE_SCHEMA <> 'INFORMATION_SCHEMA' AND t.TABLE_TYPE IN ('BASE TABLE', 'GLOBAL TEMPORARY')"
            + " ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION";

    private static final String KEY_COLUMNS = "(SELECT LISTAGG(k.COLUMN_NAME, ', ') WITHIN GROUP (ORDER BY k.ORDINAL_POSITION)"
            + " FROM " + IS + "KEY_COLUMN_USAGE k WHERE k.CONSTRAINT_SCHEMA = %1$s.CONSTRAINT_SCHEMA"
            + " AND k.CONSTRAINT_NAME = %1$s.CONSTRAINT_NAME)";

    private static final String CONSTRAINTS = "SELECT tc.CONSTRAINT_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME,"
            + " tc.CONSTRAINT_TYPE, cc.CHECK_CLAUSE, " + KEY_COLUMNS.formatted("tc") + ", uc.TABLE_SCHEMA, uc.TABLE_NAME, "
            + KEY_COLUMNS.formatted("uc") + ", rc.UPDATE_RULE, rc.DELETE_RULE, tc.REMARKS"
            + " FROM " + IS + "TABLE_CONSTRAINTS tc"
            + " LEFT JOIN " + IS + "CHECK_CONSTRAINTS cc"
            + " ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " LEFT JOIN " + IS + "REFERENTIAL_CONSTRAINTS rc"
            + " ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " LEFT JOIN " + IS + "TABLE_CONSTRAINTS uc"
            + " ON uc.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA AND uc.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME"
            + " WHERE tc.CONSTRAINT_SCHEMA <> 'INFORMATION_SCHEMA'";

    // indexes H2 generated for a constraint are part of the constraint
    private static final String INDEXES = "SELECT i.INDEX_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME,"
            + " (SELECT LISTAGG(ic.COLUMN_NAME || CASE WHEN ic.ORDERING_SPECIFICATION = 'DESC' THEN ' DESC' ELSE '' END,"
            + "   ', ') WITHIN GROUP (ORDER BY ic.ORDINAL_POSITION) FROM " + IS + "INDEX_COLUMNS ic"
            + "   WHERE ic.INDEX_SCHEMA = i.INDEX_SCHEMA AND ic.INDEX_NAME = i.INDEX_NAME), i.REMARKS"
            + " FROM " + IS + "INDEXES i WHERE i.INDEX_SCHEMA <> 'INFORMATION_SCHEMA' AND NOT i.IS_GENERATED";

    private static final String SEQUENCES = "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT,"
            + " MINIMUM_VALUE, MAXIMUM_VALUE, CYCLE_OPTION, CACHE, REMARKS FROM " + IS + "SEQUENCES"
            + " WHERE SEQUENCE_SCHEMA <> 'INFORMATION_SCHEMA'";

    private static final String ROUTINES = "SELECT ROUTINE_SCHEMA, ROUTINE_NAME, SPECIFIC_NAME, ROUTINE_TYPE,"
            + " ROUTINE_DEFINITION, EXTERNAL_NAME, DATA_TYPE, REMARKS FROM " + IS + "ROUTINES"
            + " WHERE ROUTINE_SCHEMA <> 'INFORMATION_SCHEMA'";

    private static final String TRIGGERS = "SELECT TRIGGER_SCHEMA, EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING,"
            + " EVENT_MANIPULATION, ACTION_ORIENTATION, JAVA_CLASS, REMARKS FROM " + IS + "TRIGGERS"
            + " WHERE TRIGGER_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY TRIGGER_SCHEMA, TRIGGER_NAME, EVENT_MANIPULATION";

    private static final String DOMAINS = "SELECT d.DOMAIN_SCHEMA, d.DOMAIN_NAME, d.DATA_TYPE, d.CHARACTER_MAXIMUM_LENGTH,"
            + " d.NUMERIC_PRECISION, d.NUMERIC_SCALE, d.DATETIME_PRECISION, d.DOMAIN_DEFAULT, d.REMARKS"
            + " FROM " + IS + "DOMAINS d WHERE d.DOMAIN_SCHEMA <> 'INFORMATION_SCHEMA'";

    private static final String DOMAIN_CONSTRAINTS = "SELECT dc.DOMAIN_SCHEMA, dc.DOMAIN_NAME, dc.CONSTRAINT_NAME,"
            + " cc.CHECK_CLAUSE FROM " + IS + "DOMAIN_CONSTRAINTS dc JOIN " + IS + "CHECK_CONSTRAINTS cc"
            + " ON cc.CONSTRAINT_SCHEMA = dc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = dc.CONSTRAINT_NAME";

    @Override
    public SchemaSnapshot read(Connection connection, String historySchema, String historyTable) throws SQLException {
        SchemaSnapshot.Builder snapshot = SchemaSnapshot.builder();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(SCHEMAS)) {
                while (rs.next()) {
                    snapshot.put(Kind.SCHEMA, null, null, name(rs.getString(1)), "schema");
                    snapshot.comment(null, "schema " + name(rs.getString(1)), rs.getString(2));
                }
            }
            try (ResultSet rs = statement.executeQuery(TABLES)) {
                while (rs.next()) {
                    if (isHistory(rs.getString(1), rs.getString(2), historySchema, historyTable)) {
                        continue;
                    }
                    String schema = name(rs.getString(1));
                    String table = name(rs.getString(2));
                    String type = rs.getString(3);
                    Kind kind = "VIEW".equals(type) ? Kind.VIEW : Kind.TABLE;
                    String definition = kind == Kind.VIEW ? rs.getString(5)
                            : "GLOBAL TEMPORARY".equals(type) ? "global temporary table" : "table";
                    snapshot.put(kind, schema, null, table, definition);
                    snapshot.comment(schema, kind.label() + " " + DbObject.qualify(schema, table), rs.getString(4));
                }
            }
            try (ResultSet rs = statement.executeQuery(COLUMNS)) {
                while (rs.next()) {
                    if (!isHistory(rs.getString(1), rs.getString(2), historySchema, historyTable)) {
                        column(snapshot, rs);
                    }
                }
            }
            try (ResultSet rs = statement.executeQuery(CONSTRAINTS)) {
                while (rs.next()) {
                    if (!isHistory(rs.getString(1), rs.getString(2), historySchema, historyTable)) {
                        constraint(snapshot, rs);
                    }
                }
            }
            try (ResultSet rs = statement.executeQuery(INDEXES)) {
                while (rs.next()) {
                    if (isHistory(rs.getString(1), rs.getString(2), historySchema, historyTable)) {
                        continue;
                    }
                    String schema = name(rs.getString(1));
                    String owner = "table " + DbObject.qualify(schema, name(rs.getString(2)));
                    String index = name(rs.getString(3));
                    snapshot.put(Kind.INDEX, schema, owner, index, rs.getString(4) + " (" + rs.getString(5) + ")");
                    snapshot.comment(schema, "index " + DbObject.qualify(schema, index), rs.getString(6));
                }
            }
            try (ResultSet rs = statement.executeQuery(SEQUENCES)) {
                while (rs.next()) {
                    String schema = name(rs.getString(1));
                    String sequence = name(rs.getString(2));
                    snapshot.put(Kind.SEQUENCE, schema, null, sequence, "AS " + rs.getString(3) + " START "
                            + rs.getLong(4) + " INCREMENT " + rs.getLong(5) + " MINVALUE " + rs.getLong(6) + " MAXVALUE "
                            + rs.getLong(7) + ("YES".equals(rs.getString(8)) ? " CYCLE" : " NO CYCLE") + " CACHE "
                            + rs.getLong(9));
                    snapshot.comment(schema, "sequence " + DbObject.qualify(schema, sequence), rs.getString(10));
                }
            }
            try (ResultSet rs = statement.executeQuery(ROUTINES)) {
                while (rs.next()) {
                    String schema = name(rs.getString(1));
                    String routine = name(rs.getString(3));
                    Kind kind = "PROCEDURE".equals(rs.getString(4)) ? Kind.PROCEDURE : Kind.FUNCTION;
                    String body = rs.getString(5) != null ? rs.getString(5) : "FOR " + rs.getString(6);
                    snapshot.put(kind, schema, null, routine, body + (rs.getString(7) == null ? "" : " RETURNS "
                            + rs.getString(7)));
                    snapshot.comment(schema, kind.label() + " " + DbObject.qualify(schema, routine), rs.getString(8));
                }
            }
            triggers(snapshot, statement);
            domains(snapshot, statement);
        }
        return snapshot.build();
    }

    private static void column(SchemaSnapshot.Builder snapshot, ResultSet rs) throws SQLException {
        String schema = name(rs.getString(1));
        String table = name(rs.getString(2));
        String column = name(rs.getString(3));
        String domain = rs.getString(17);
        StringBuilder definition = new StringBuilder(domain != null ? name(domain)
                : type(rs.getString(4), rs.getObject(5), rs.getObject(6), rs.getObject(7), rs.getObject(8), rs.getString(19)));
        if ("NO".equals(rs.getString(9))) {
            definition.append(" NOT NULL");
        }
        if ("YES".equals(rs.getString(11))) {
            definition.append(" GENERATED ").append(rs.getString(12)).append(" AS IDENTITY (START WITH ")
                    .append(rs.getLong(13)).append(" INCREMENT BY ").append(rs.getLong(14)).append(")");
        }
        if ("ALWAYS".equals(rs.getString(15))) {
            definition.append(" GENERATED ALWAYS AS (").append(rs.getString(16)).append(")");
        } else if (rs.getString(10) != null) {
            snapshot.put(Kind.DEFAULT, schema, table, column, rs.getString(10));
        }
        snapshot.put(Kind.COLUMN, schema, table, column, definition.toString());
        snapshot.columnAt(new DbObject(Kind.TABLE, schema, null, table), column);
        snapshot.comment(schema, "column " + DbObject.qualify(schema, table) + "." + column, rs.getString(18));
    }

    private static void constraint(SchemaSnapshot.Builder snapshot, ResultSet rs) throws SQLException {
        String schema = name(rs.getString(1));
        String owner = "table " + DbObject.qualify(schema, name(rs.getString(2)));
        String constraint = name(rs.getString(3));
        String type = rs.getString(4);
        String definition = switch (type) {
            case "CHECK" -> "CHECK (" + rs.getString(5) + ")";
            case "FOREIGN KEY" -> "FOREIGN KEY (" + rs.getString(6) + ") REFERENCES "
                    + DbObject.qualify(name(rs.getString(7)), name(rs.getString(8))) + " (" + rs.getString(9)
                    + ") ON UPDATE " + rs.getString(10) + " ON DELETE " + rs.getString(11);
            default -> type + " (" + rs.getString(6) + ")";
        };
        snapshot.put(Kind.CONSTRAINT, schema, owner, constraint, definition);
        snapshot.comment(schema, "constraint " + constraint + " on " + owner, rs.getString(12));
    }

    private static void triggers(SchemaSnapshot.Builder snapshot, Statement statement) throws SQLException {
        // one row per event: gather them into one definition per trigger
        Map<DbObject, String> triggers = new TreeMap<>();
        try (ResultSet rs = statement.executeQuery(TRIGGERS)) {
            while (rs.next()) {
                String schema = name(rs.getString(1));
                DbObject trigger = new DbObject(Kind.TRIGGER, schema, "table " + DbObject.qualify(schema,
                        name(rs.getString(2))), name(rs.getString(3)));
                String event = rs.getString(5);
                triggers.merge(trigger, rs.getString(4) + " " + event + " FOR EACH " + rs.getString(6) + " CALL "
                        + rs.getString(7), (a, b) -> a.replace(" FOR EACH", " OR " + event + " FOR EACH"));
                snapshot.comment(schema, trigger.display().substring("trigger ".length()), rs.getString(8));
            }
        }
        triggers.forEach(snapshot::put);
    }

    private static void domains(SchemaSnapshot.Builder snapshot, Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery(DOMAINS)) {
            while (rs.next()) {
                String schema = name(rs.getString(1));
                String domain = name(rs.getString(2));
                String type = type(rs.getString(3), rs.getObject(4), rs.getObject(5), rs.getObject(6), rs.getObject(7), null);
                snapshot.put(Kind.DOMAIN, schema, null, domain, type + (rs.getString(8) == null ? ""
                        : " DEFAULT " + rs.getString(8)));
                snapshot.comment(schema, "domain " + DbObject.qualify(schema, domain), rs.getString(9));
            }
        }
        try (ResultSet rs = statement.executeQuery(DOMAIN_CONSTRAINTS)) {
            while (rs.next()) {
                String schema = name(rs.getString(1));
                snapshot.put(Kind.CONSTRAINT, schema, "domain " + DbObject.qualify(schema, name(rs.getString(2))),
                        name(rs.getString(3)), "CHECK (" + rs.getString(4) + ")");
            }
        }
    }

    /** A data type the way DDL writes it: length, precision and scale, or an enum's values. */
    private static String type(String dataType, Object length, Object precision, Object scale, Object timePrecision,
            String enumValues) {
        if ("ENUM".equals(dataType) && enumValues != null) {
            return "ENUM(" + enumValues + ")";
        }
        if (dataType.startsWith("CHARACTER") || dataType.startsWith("BINARY")) {
            return length == null ? dataType : dataType + "(" + length + ")";
        }
        if ("NUMERIC".equals(dataType) || "DECIMAL".equals(dataType)) {
            return dataType + "(" + precision + ", " + scale + ")";
        }
        if ((dataType.startsWith("TIME") || dataType.startsWith("INTERVAL")) && timePrecision != null) {
            int blank = dataType.indexOf(' ');
            return blank < 0 ? dataType + "(" + timePrecision + ")"
                    : dataType.substring(0, blank) + "(" + timePrecision + ")" + dataType.substring(blank);
        }
        return dataType;
    }

    private static boolean isHistory(String schema, String table, String historySchema, String historyTable) {
        return table != null && table.equals(historyTable) && schema.equals(historySchema);
    }

    /** H2 folds unquoted names to upper case; show those as the user most likely wrote them. */
    private static String name(String raw) {
        return raw != null && raw.equals(raw.toUpperCase(Locale.ROOT)) ? raw.toLowerCase(Locale.ROOT) : raw;
    }
}
