package dev.migrate.database.h2;

import static dev.migrate.database.h2.H2CatalogQueries.SCHEMAS;
import static dev.migrate.database.h2.H2CatalogQueries.TABLES;
import static dev.migrate.database.h2.H2CatalogQueries.VIEWS;
import static dev.migrate.database.h2.H2CatalogQueries.COLUMNS;
import static dev.migrate.database.h2.H2CatalogQueries.ENUM_VALUES;
import static dev.migrate.database.h2.H2CatalogQueries.CONSTRAINTS;
import static dev.migrate.database.h2.H2CatalogQueries.CHECKS;
import static dev.migrate.database.h2.H2CatalogQueries.REFERENCES;
import static dev.migrate.database.h2.H2CatalogQueries.KEY_COLUMNS;
import static dev.migrate.database.h2.H2CatalogQueries.INDEXES;
import static dev.migrate.database.h2.H2CatalogQueries.INDEX_COLUMNS;
import static dev.migrate.database.h2.H2CatalogQueries.SEQUENCES;
import static dev.migrate.database.h2.H2CatalogQueries.ROUTINES;
import static dev.migrate.database.h2.H2CatalogQueries.TRIGGERS;
import static dev.migrate.database.h2.H2CatalogQueries.DOMAINS;
import static dev.migrate.database.h2.H2CatalogQueries.DOMAIN_CONSTRAINTS;

import dev.migrate.database.SnapshotReader;
import dev.migrate.database.SnapshotSeries;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.DbObject.Kind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a snapshot from H2's INFORMATION_SCHEMA into the same model as PostgreSQL's. Names H2
 * folded to upper case are shown in lower case, the way the user wrote them; constraint and index
 * names H2 generated are kept as they are.
 *
 * <p>Longer than most classes: one short method per kind of object (fourteen of them), each tying
 * INFORMATION_SCHEMA rows to the snapshot's units; split by kind they would share all their state.
 */
final class H2SnapshotReader implements SnapshotReader {

    @Override
    public SchemaSnapshot read(Connection connection, String historySchema, String historyTable) throws SQLException {
        H2Units units = new H2Units();
        read(connection, historySchema, historyTable, null, units);
        return units.snapshot();
    }

    /**
     * H2 names a constraint declared without a name CONSTRAINT_ and a counter of the database's
     * objects in hex (shown in lower case, as every name H2 folded).
     */
    @Override
    public boolean namedByDatabase(DbObject object) {
        return object.kind() == Kind.CONSTRAINT && generated(object.name());
    }

    static boolean generated(String constraintName) {
        return GENERATED.matcher(constraintName).matches();
    }

    private static final java.util.regex.Pattern GENERATED = java.util.regex.Pattern.compile("CONSTRAINT_[0-9A-F]+",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    @Override
    public SnapshotSeries series(String historySchema, String historyTable, boolean track) {
        return H2SnapshotSeries.create(this, historySchema, historyTable);
    }

    /**
     * Reads every unit, or with {@code tables} (names as the catalog stores them) only the tables
     * and views of those names with what belongs to them, into {@code units}.
     */
    void read(Connection connection, String historySchema, String historyTable, java.util.Set<String> tables,
            H2Units units) throws SQLException {
        String in = tables == null ? "" : " AND TABLE_NAME IN " + list(tables);
        try (Statement statement = connection.createStatement()) {
            if (tables == null) {
                try (ResultSet rs = statement.executeQuery(SCHEMAS)) {
                    while (rs.next()) {
                        SchemaSnapshot.Builder unit = units.unit(H2Units.schema(rs.getString(1)));
                        unit.put(Kind.SCHEMA, null, null, name(rs.getString(1)), "schema");
                        unit.comment(null, "schema " + name(rs.getString(1)), rs.getString(2));
                    }
                }
            }
            List<String[]> relations = new ArrayList<>();
            boolean anyView = false;
            try (ResultSet rs = statement.executeQuery(TABLES + in)) {
                while (rs.next()) {
                    relations.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                    anyView |= "VIEW".equals(rs.getString(3));
                }
            }
            // a partial read asks for the views' definitions only when it found a view
            Map<String, String> views = tables != null && !anyView ? Map.of() : pairs(statement, VIEWS + in);
            Map<String, String> tableTypes = new HashMap<>();
            for (String[] row : relations) {
                String key = row[0] + "." + row[1];
                tableTypes.put(key, row[2]);
                if (isHistory(row[0], row[1], historySchema, historyTable)) {
                    continue;
                }
                String schema = name(row[0]);
                String table = name(row[1]);
                Kind kind = "VIEW".equals(row[2]) ? Kind.VIEW : Kind.TABLE;
                String definition = kind == Kind.VIEW ? views.get(key)
                        : "GLOBAL TEMPORARY".equals(row[2]) ? "global temporary table" : "table";
                SchemaSnapshot.Builder unit = units.unit(H2Units.relation(row[0], row[1]));
                unit.put(kind, schema, null, table, definition);
                unit.comment(schema, kind.label() + " " + DbObject.qualify(schema, table), row[3]);
            }
            Map<String, List<String>> enumValues = lists(statement, ENUM_VALUES
                    + (tables == null ? "" : " AND OBJECT_NAME IN " + list(tables)), 3, true);
            try (ResultSet rs = statement.executeQuery(tables == null ? COLUMNS
                    : COLUMNS.replace(" ORDER BY", in + " ORDER BY"))) {
                while (rs.next()) {
                    String type = tableTypes.get(rs.getString(1) + "." + rs.getString(2));
                    if (("BASE TABLE".equals(type) || "GLOBAL TEMPORARY".equals(type))
                            && !isHistory(rs.getString(1), rs.getString(2), historySchema, historyTable)) {
                        List<String> values = enumValues.get(rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(19));
                        column(units.unit(H2Units.relation(rs.getString(1), rs.getString(2))), rs,
                                values == null ? null : String.join("\n", values));
                    }
                }
            }
            constraints(statement, historySchema, historyTable, tables, units);
            List<String[]> indexes = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(INDEXES + in)) {
                while (rs.next()) {
                    if (!isHistory(rs.getString(1), rs.getString(2), historySchema, historyTable)) {
                        indexes.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)});
                    }
                }
            }
            Map<String, List<String>> indexColumns = indexes.isEmpty() ? Map.of() : lists(statement, tables == null
                    ? INDEX_COLUMNS : INDEX_COLUMNS.replace(" ORDER BY", in + " ORDER BY"), 2, false);
            for (String[] row : indexes) {
                String schema = name(row[0]);
                String owner = "table " + DbObject.qualify(schema, name(row[1]));
                String index = name(row[2]);
                List<String> columns = indexColumns.getOrDefault(row[0] + "." + row[2], List.of());
                String relation = H2Units.relation(row[0], row[1]);
                units.owners.put(row[2], relation);
                SchemaSnapshot.Builder unit = units.unit(relation);
                unit.put(Kind.INDEX, schema, owner, index, row[3] + " (" + String.join(", ", columns) + ")");
                unit.comment(schema, "index " + DbObject.qualify(schema, index), row[4]);
            }
            if (tables == null) {
                // a database with triggers is read in full each time (H2SnapshotSeries), so only a full read has any
                triggers(units, statement, "");
                sequences(statement, units);
                routines(statement, units);
                domains(units, statement);
            }
        }
    }

    /** Every sequence again, into {@code units} (their unit keys start with {@link H2Units#SEQUENCE}). */
    void sequences(Statement statement, H2Units units) throws SQLException {
        try (ResultSet rs = statement.executeQuery(SEQUENCES)) {
            while (rs.next()) {
                String schema = name(rs.getString(1));
                String sequence = name(rs.getString(2));
                SchemaSnapshot.Builder unit = units.unit(H2Units.sequence(rs.getString(1), rs.getString(2)));
                unit.put(Kind.SEQUENCE, schema, null, sequence, "AS " + rs.getString(3) + " START "
                        + rs.getLong(4) + " INCREMENT " + rs.getLong(5) + " MINVALUE " + rs.getLong(6) + " MAXVALUE "
                        + rs.getLong(7) + ("YES".equals(rs.getString(8)) ? " CYCLE" : " NO CYCLE") + " CACHE "
                        + rs.getLong(9));
                unit.comment(schema, "sequence " + DbObject.qualify(schema, sequence), rs.getString(10));
            }
        }
    }

    private static void routines(Statement statement, H2Units units) throws SQLException {
        try (ResultSet rs = statement.executeQuery(ROUTINES)) {
            while (rs.next()) {
                String schema = name(rs.getString(1));
                String routine = name(rs.getString(3));
                Kind kind = "PROCEDURE".equals(rs.getString(4)) ? Kind.PROCEDURE : Kind.FUNCTION;
                String body = rs.getString(5) != null ? rs.getString(5) : "FOR " + rs.getString(6);
                SchemaSnapshot.Builder unit = units.unit(H2Units.other(rs.getString(1), rs.getString(3)));
                unit.put(kind, schema, null, routine, body + (rs.getString(7) == null ? "" : " RETURNS " + rs.getString(7)));
                unit.comment(schema, kind.label() + " " + DbObject.qualify(schema, routine), rs.getString(8));
            }
        }
    }

    /**
     * Constraints with their columns, checks and references. A foreign key names the columns of
     * the key it references, which may belong to a table outside {@code tables}: those keys are
     * read by name in a second round.
     */
    private static void constraints(Statement statement, String historySchema, String historyTable,
            java.util.Set<String> tables, H2Units units) throws SQLException {
        String in = tables == null ? "" : " AND TABLE_NAME IN " + list(tables);
        Map<String, String[]> constraintTables = new HashMap<>();
        List<String[]> constraints = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(CONSTRAINTS + in)) {
            while (rs.next()) {
                String[] row = {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6)};
                constraintTables.put(row[0] + "." + row[2], row);
                if (!isHistory(row[5], row[1], historySchema, historyTable)) {
                    constraints.add(row);
                    names.add(row[2]);
                }
            }
        }
        if (tables != null && constraints.isEmpty()) {
            return;
        }
        String named = tables == null ? "" : " WHERE CONSTRAINT_NAME IN " + list(names);
        Map<String, List<String>> keyColumns = lists(statement, tables == null ? KEY_COLUMNS
                : KEY_COLUMNS.replace(" ORDER BY", named + " ORDER BY"), 2, false);
        boolean anyCheck = tables == null || constraints.stream().anyMatch(row -> "CHECK".equals(row[3]));
        boolean anyReference = tables == null || constraints.stream().anyMatch(row -> "FOREIGN KEY".equals(row[3]));
        Map<String, String> checks = anyCheck ? pairs(statement, CHECKS + named) : Map.of();
        Map<String, String[]> references = new HashMap<>();
        if (anyReference) {
            try (ResultSet rs = statement.executeQuery(REFERENCES + named)) {
                while (rs.next()) {
                    references.put(rs.getString(1) + "." + rs.getString(2), new String[] {
                        rs.getString(3) + "." + rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(4)});
                }
            }
        }
        List<String> targets = references.values().stream().filter(r -> !constraintTables.containsKey(r[0]))
                .map(r -> r[3]).toList();
        if (!targets.isEmpty()) {
            String target = " WHERE CONSTRAINT_NAME IN " + list(targets);
            try (ResultSet rs = statement.executeQuery(CONSTRAINTS.replace(" WHERE ", target + " AND "))) {
                while (rs.next()) {
                    constraintTables.put(rs.getString(1) + "." + rs.getString(3), new String[] {rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
                }
            }
            lists(statement, KEY_COLUMNS.replace(" ORDER BY", target + " ORDER BY"), 2, false).forEach(keyColumns::putIfAbsent);
        }
        for (String[] row : constraints) {
            String relation = H2Units.relation(row[5], row[1]);
            units.owners.put(row[2], relation);
            String[] reference = references.get(row[0] + "." + row[2]);
            String[] target = reference == null ? null : constraintTables.get(reference[0]);
            if (target != null) {
                units.referencedBy(H2Units.relation(target[5], target[1]), relation);
            }
            constraint(units.unit(relation), row, keyColumns, checks, references, constraintTables);
        }
    }

    /** A list of SQL string literals, for IN. */
    private static String list(java.util.Collection<String> values) {
        StringBuilder sql = new StringBuilder("(");
        for (String value : values) {
            sql.append(sql.length() > 1 ? ", '" : "'").append(value.replace("'", "''")).append('\'');
        }
        return sql.append(sql.length() > 1 ? ")" : "NULL)").toString();
    }

    private static void column(SchemaSnapshot.Builder snapshot, ResultSet rs, String enumValues) throws SQLException {
        String schema = name(rs.getString(1));
        String table = name(rs.getString(2));
        String column = name(rs.getString(3));
        String domain = rs.getString(17);
        StringBuilder definition = new StringBuilder(domain != null ? name(domain)
                : type(rs.getString(4), rs.getObject(5), rs.getObject(6), rs.getObject(7), rs.getObject(8), enumValues));
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

    private static void constraint(SchemaSnapshot.Builder snapshot, String[] row, Map<String, List<String>> keyColumns,
            Map<String, String> checks, Map<String, String[]> references, Map<String, String[]> constraints) {
        String key = row[0] + "." + row[2];
        String schema = name(row[0]);
        String owner = "table " + DbObject.qualify(schema, name(row[1]));
        String constraint = name(row[2]);
        String columns = String.join(", ", keyColumns.getOrDefault(key, List.of()));
        String definition = switch (row[3]) {
            case "CHECK" -> "CHECK (" + checks.get(key) + ")";
            case "FOREIGN KEY" -> {
                String[] reference = references.get(key);
                String[] target = reference == null ? null : constraints.get(reference[0]);
                yield "FOREIGN KEY (" + columns + ") REFERENCES " + (target == null ? "?"
                        : DbObject.qualify(name(target[5]), name(target[1])) + " ("
                                + String.join(", ", keyColumns.getOrDefault(reference[0], List.of())) + ")")
                        + (reference == null ? "" : " ON UPDATE " + reference[1] + " ON DELETE " + reference[2]);
            }
            default -> row[3] + " (" + columns + ")";
        };
        snapshot.put(Kind.CONSTRAINT, schema, owner, constraint, definition);
        snapshot.comment(schema, "constraint " + constraint + " on " + owner, row[4]);
    }

    /** The first two columns joined by a dot -> the third. */
    private static Map<String, String> pairs(Statement statement, String sql) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
            }
        }
        return values;
    }

    /**
     * The first {@code keyColumns} columns joined by dots -> the values of the next column (with an
     * ordering specification after it when {@code ordered}), in query order.
     */
    private static Map<String, List<String>> lists(Statement statement, String sql, int keyColumns, boolean plain)
            throws SQLException {
        Map<String, List<String>> values = new HashMap<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            int count = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder key = new StringBuilder(rs.getString(1));
                for (int i = 2; i <= keyColumns; i++) {
                    key.append('.').append(rs.getString(i));
                }
                String value = name(rs.getString(keyColumns + 1));
                if (!plain && count > keyColumns + 1 && "DESC".equals(rs.getString(keyColumns + 2))) {
                    value += " DESC";
                }
                values.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(plain ? rs.getString(keyColumns + 1)
                        : value);
            }
        }
        return values;
    }

    private static void triggers(H2Units units, Statement statement, String in) throws SQLException {
        // one row per event: gather them into one definition per trigger
        Map<DbObject, String> triggers = new TreeMap<>();
        Map<DbObject, String> relations = new HashMap<>();
        try (ResultSet rs = statement.executeQuery(TRIGGERS.replace(" ORDER BY", in + " ORDER BY"))) {
            while (rs.next()) {
                String schema = name(rs.getString(1));
                DbObject trigger = new DbObject(Kind.TRIGGER, schema, "table " + DbObject.qualify(schema,
                        name(rs.getString(2))), name(rs.getString(3)));
                String event = rs.getString(5);
                triggers.merge(trigger, rs.getString(4) + " " + event + " FOR EACH " + rs.getString(6) + " CALL "
                        + rs.getString(7), (a, b) -> a.replace(" FOR EACH", " OR " + event + " FOR EACH"));
                String relation = H2Units.relation(rs.getString(1), rs.getString(2));
                relations.put(trigger, relation);
                units.unit(relation).comment(schema, trigger.display().substring("trigger ".length()), rs.getString(8));
            }
        }
        triggers.forEach((trigger, definition) -> units.unit(relations.get(trigger)).put(trigger, definition));
    }

    private static void domains(H2Units units, Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery(DOMAINS)) {
            while (rs.next()) {
                SchemaSnapshot.Builder snapshot = units.unit(H2Units.other(rs.getString(1), rs.getString(2)));
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
                SchemaSnapshot.Builder snapshot = units.unit(H2Units.other(rs.getString(1), rs.getString(2)));
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
            return "ENUM(" + enumValues.lines().map(v -> "'" + v + "'").reduce((a, b) -> a + ", " + b).orElse("") + ")";
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
        // the migration lock's table (H2 only) belongs to the plugin as much as the history table
        return table != null && (table.equals(historyTable) || table.equals(historyTable + "_LOCK"))
                && schema.equals(historySchema);
    }

    /** H2 folds unquoted names to upper case; show those as the user most likely wrote them. */
    private static String name(String raw) {
        return raw != null && raw.equals(raw.toUpperCase(Locale.ROOT)) ? raw.toLowerCase(Locale.ROOT) : raw;
    }
}
