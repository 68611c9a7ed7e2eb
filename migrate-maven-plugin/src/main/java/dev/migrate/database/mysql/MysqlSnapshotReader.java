package dev.migrate.database.mysql;

import dev.migrate.database.SnapshotReader;
import dev.migrate.database.mysql.MysqlUnits.Part;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import dev.migrate.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the current database from {@code information_schema} into the snapshot model. A schema is a
 * database here and the scratch database's name differs from the configured one, so objects carry
 * no schema, and the database's own name is taken out of view and routine definitions. Values that
 * change with the data ({@code AUTO_INCREMENT} counters, row counts) and the definer are left out.
 * Routines, triggers, views and sequences are read by {@link MysqlRoutineReader}.
 */
final class MysqlSnapshotReader implements SnapshotReader {

    // each query's %s is where the relations to read are named (nothing for all of them)
    private static final String TABLES = "SELECT table_name, table_type, engine, table_collation, create_options,"
            + " table_comment FROM information_schema.tables WHERE table_schema = ?%s";

    private static final String COLUMNS = "SELECT table_name, column_name, column_type, collation_name, is_nullable,"
            + " column_default, extra, generation_expression, column_comment FROM information_schema.columns"
            + " WHERE table_schema = ?%s ORDER BY table_name, ordinal_position";

    private static final String KEYS = "SELECT table_name, index_name, non_unique, column_name, sub_part, collation,"
            + " index_type, index_comment FROM information_schema.statistics WHERE table_schema = ?%s"
            + " ORDER BY table_name, index_name, seq_in_index";

    private static final String CONSTRAINTS = "SELECT table_name, constraint_name, constraint_type"
            + " FROM information_schema.table_constraints WHERE constraint_schema = ?%s";

    // two queries: MariaDB joins these two views slowly
    private static final String FOREIGN_KEYS = "SELECT table_name, constraint_name, column_name,"
            + " referenced_table_schema, referenced_table_name, referenced_column_name"
            + " FROM information_schema.key_column_usage WHERE constraint_schema = ?%s"
            + " AND referenced_table_name IS NOT NULL ORDER BY table_name, constraint_name, ordinal_position";
    private static final String FOREIGN_KEY_RULES = "SELECT table_name, constraint_name, update_rule, delete_rule"
            + " FROM information_schema.referential_constraints WHERE constraint_schema = ?%s";

    /** MariaDB names the table of each check; MySQL's checks are unique per database and named in table_constraints. */
    private static final String CHECKS_MARIADB = "SELECT table_name, constraint_name, check_clause, level"
            + " FROM information_schema.check_constraints WHERE constraint_schema = ?%s";
    private static final String CHECKS_MYSQL = "SELECT t.table_name, c.constraint_name, c.check_clause, 'Table'"
            + " FROM information_schema.check_constraints c JOIN information_schema.table_constraints t"
            + " ON t.constraint_schema = c.constraint_schema AND t.constraint_name = c.constraint_name"
            + " AND t.constraint_type = 'CHECK' WHERE c.constraint_schema = ?%s";
    /**
     * MariaDB's JSON: LONGTEXT in utf8mb4_bin with a column's check json_valid(column), named after the
     * column (or after the column's old name, when renamed).
     */
    private static final String JSON_CHECKS = "SELECT table_name, check_clause FROM information_schema.check_constraints"
            + " WHERE constraint_schema = ?%s AND level = 'Column' AND check_clause LIKE 'json\\_valid(`%%`)'";
    private static final String JSON_STORAGE = "longtext";
    private static final String JSON_COLLATION = "utf8mb4_bin";

    @Override
    public SchemaSnapshot read(Connection connection, String historySchema, String historyTable) throws SQLException {
        MysqlUnits units = new MysqlUnits();
        read(connection, MysqlRoutineReader.currentDatabase(connection), MysqlServer.of(connection), historyTable,
                null, EnumSet.allOf(Part.class), true, units);
        return units.snapshot();
    }

    /** Snapshots of verify's scratch database that read only the relations the statements since the last one name. */
    @Override
    public dev.migrate.database.SnapshotSeries series(String historySchema, String historyTable, boolean track) {
        return track ? new MysqlSnapshotSeries(this, historyTable)
                : SnapshotReader.super.series(historySchema, historyTable, false);
    }

    /**
     * Reads {@code relations} (every relation when null, none when empty) with their {@code parts}
     * and, with {@code routines}, every function and procedure, into their units: one query per
     * {@code information_schema} view whatever their number, and none for what none of them is.
     */
    void read(Connection connection, String database, MysqlServer server, String historyTable,
            java.util.Collection<String> relations, Set<Part> parts, boolean routines, MysqlUnits into)
            throws SQLException {
        if (relations == null || !relations.isEmpty()) {
            MysqlQueries.Filter filter = new MysqlQueries.Filter(database, relations);
            Map<String, String> tableCollations = new HashMap<>();
            List<String> sequences = new ArrayList<>();
            for (String[] row : filter.rows(connection, TABLES, "table_name", 6)) {
                String table = row[0];
                if (table.equals(historyTable)) {
                    continue;
                }
                switch (row[1]) {
                    case "BASE TABLE", "SYSTEM VERSIONED" -> {
                        tableCollations.put(table, row[3]);
                        into.of(table).put(Kind.TABLE, null, null, table, "table ENGINE=" + row[2] + " COLLATE=" + row[3]
                                + (row[4] == null || row[4].isBlank() ? "" : " " + row[4])
                                + ("SYSTEM VERSIONED".equals(row[1]) ? " WITH SYSTEM VERSIONING" : ""));
                        into.of(table).comment(null, "table " + table, row[5]);
                    }
                    case "SEQUENCE" -> sequences.add(table);
                    default -> {
                        // views: MysqlRoutineReader
                    }
                }
            }
            MysqlRoutineReader code = new MysqlRoutineReader(connection, database);
            if (!tableCollations.isEmpty()) {
                Set<String> json = columns(connection, filter, tableCollations, server.mariadb(), into);
                keys(connection, filter, tableCollations, into);
                if (parts.contains(Part.FOREIGN_KEYS)) {
                    foreignKeys(connection, filter, tableCollations, into);
                }
                if (parts.contains(Part.CHECKS)) {
                    checks(connection, filter, tableCollations, server, json, into);
                }
                if (parts.contains(Part.TRIGGERS)) {
                    code.triggers(filter, into);
                }
            }
            if (relations == null || tableCollations.size() + sequences.size() < relations.size()) {
                code.views(filter, into);
            }
            if (server.hasSequences()) {
                code.sequences(sequences, into);
            }
        }
        if (routines) {
            new MysqlRoutineReader(connection, database).routines(into.of(MysqlUnits.ROUTINES));
        }
    }

    /** Checks, but for those of MariaDB's JSON columns ({@code json}: "table.column"), which are their column's. */
    private static void checks(Connection connection, MysqlQueries.Filter filter, Map<String, String> tableCollations,
            MysqlServer server, Set<String> json, MysqlUnits into) throws SQLException {
        for (String[] row : filter.rows(connection, server.mariadb() ? CHECKS_MARIADB : CHECKS_MYSQL,
                server.mariadb() ? "table_name" : "t.table_name", 4)) {
            if (tableCollations.containsKey(row[0]) && !("Column".equals(row[3])
                    && json.contains(row[0] + "." + jsonColumn(row[2])))) {
                into.of(row[0]).put(Kind.CONSTRAINT, null, "table " + row[0], row[1], "CHECK (" + row[2] + ")");
                into.holds(row[0], Part.CHECKS);
            }
        }
    }


    /** The column of a check clause json_valid(`column`); null for any other clause. */
    private static String jsonColumn(String clause) {
        return clause.startsWith("json_valid(`") && clause.endsWith("`)") && clause.indexOf('`', 12) == clause.length() - 2
                ? clause.substring(12, clause.length() - 2) : null;
    }

    /**
     * Columns, each as the whole definition MODIFY COLUMN restates; gives MariaDB's JSON columns
     * ("table.column"), whose type is written json: the check that comes with one is the column's.
     */
    private static Set<String> columns(Connection connection, MysqlQueries.Filter filter,
            Map<String, String> tableCollations, boolean mariadb, MysqlUnits into) throws SQLException {
        String database = filter.database();
        List<String[]> rows = filter.rows(connection, COLUMNS, "table_name", 9);
        Set<String> json = new java.util.HashSet<>();
        if (mariadb && rows.stream().anyMatch(row -> JSON_STORAGE.equals(row[2]) && JSON_COLLATION.equals(row[3]))) {
            for (String[] row : filter.rows(connection, JSON_CHECKS, "table_name", 2)) {
                json.add(row[0] + "." + jsonColumn(row[1]));
            }
        }
        json.removeIf(column -> rows.stream().noneMatch(row -> column.equals(row[0] + "." + row[1])
                && JSON_STORAGE.equals(row[2]) && JSON_COLLATION.equals(row[3])));
        for (String[] row : rows) {
            String table = row[0];
            String tableCollation = tableCollations.get(table);
            if (tableCollation == null) {
                continue; // a view's columns are its definition's
            }
            String column = row[1];
            String extra = row[6] == null ? "" : row[6].toLowerCase(java.util.Locale.ROOT);
            boolean generated = row[7] != null && !row[7].isEmpty() && extra.contains("generated")
                    && !extra.contains("default_generated");
            // the whole column as MODIFY COLUMN restates it; nullability in lower case, so that it stays in
            // the type ColumnSpec takes apart and every change is written as one MODIFY COLUMN
            boolean isJson = json.contains(table + "." + column);
            StringBuilder definition = new StringBuilder(isJson ? "json" : row[2]);
            if (!isJson && row[3] != null && !row[3].equals(tableCollation)) {
                definition.append(" COLLATE ").append(row[3]);
            }
            if (generated) {
                // the storage goes in the type, where ColumnSpec leaves it; MariaDB takes no NULL here
                definition.append(extra.contains("stored") || extra.contains("persistent") ? " stored" : " virtual");
                definition.append("NO".equals(row[4]) ? " not null" : "");
            } else {
                definition.append("NO".equals(row[4]) ? " not null" : " null");
            }
            // MariaDB writes "no default" of a nullable column as the text NULL
            if (!generated && row[5] != null && !row[5].equals("NULL")) {
                definition.append(" default ").append(defaultValue(row[5], extra, mariadb));
            }
            if (extra.contains("on update ")) {
                definition.append(" on update ").append(row[6].substring(extra.indexOf("on update ") + 10).strip());
            }
            if (row[8] != null && !row[8].isEmpty()) {
                definition.append(" comment '").append(row[8].replace("\\", "\\\\").replace("'", "''")).append('\'');
            }
            if (extra.contains("invisible")) {
                definition.append(" invisible");
            }
            if (extra.contains("auto_increment")) {
                // read back by ColumnSpec as an identity, which the DDL writer writes as AUTO_INCREMENT
                definition.append(" GENERATED BY DEFAULT AS IDENTITY");
            } else if (generated) {
                definition.append(" GENERATED ALWAYS AS (").append(MysqlRoutineReader.local(row[7], database))
                        .append(")");
            }
            into.of(table).put(Kind.COLUMN, null, table, column, definition.toString());
            into.of(table).columnAt(new DbObject(Kind.TABLE, null, null, table), column);
        }
        return json;
    }

    /**
     * A default as DDL writes it: MariaDB prints literals quoted and expressions bare; MySQL prints
     * literals bare and marks expressions DEFAULT_GENERATED, which DDL writes in parentheses.
     */
    static String defaultValue(String value, String extra, boolean mariadb) {
        if (mariadb) {
            return value;
        }
        if (extra.contains("default_generated")) {
            return value.toUpperCase(java.util.Locale.ROOT).startsWith("CURRENT_TIMESTAMP") ? value : "(" + value + ")";
        }
        return value.matches("-?[0-9]+(\\.[0-9]+)?") ? value : "'" + value.replace("'", "''") + "'";
    }

    /**
     * Primary and unique keys become constraints, every other index an index; both with their
     * columns, prefix lengths, order and kind (BTREE, HASH, FULLTEXT, SPATIAL).
     */
    private static void keys(Connection connection, MysqlQueries.Filter filter, Map<String, String> tableCollations,
            MysqlUnits into) throws SQLException {
        Map<String, String> constraintTypes = new HashMap<>();
        for (String[] row : filter.rows(connection, CONSTRAINTS, "table_name", 3)) {
            constraintTypes.put(row[0] + "." + row[1], row[2]);
        }
        Map<String, List<String[]>> indexes = new LinkedHashMap<>();
        for (String[] row : filter.rows(connection, KEYS, "table_name", 8)) {
            if (tableCollations.containsKey(row[0])) {
                indexes.computeIfAbsent(row[0] + "." + row[1], k -> new ArrayList<>()).add(row);
            }
        }
        indexes.forEach((key, parts) -> {
            String[] first = parts.get(0);
            List<String> columns = new ArrayList<>();
            for (String[] part : parts) {
                columns.add((part[3] == null ? "(expression)" : part[3]) + (part[4] == null ? "" : "(" + part[4] + ")")
                        + ("D".equals(part[5]) ? " DESC" : ""));
            }
            String list = "(" + String.join(", ", columns) + ")";
            String type = constraintTypes.get(key);
            String owner = "table " + first[0];
            SchemaSnapshot.Builder snapshot = into.of(first[0]);
            if ("PRIMARY KEY".equals(type) || "UNIQUE".equals(type)) {
                snapshot.put(Kind.CONSTRAINT, null, owner, first[1], type + " " + list + using(first[6]));
            } else {
                String kind = switch (first[6]) {
                    case "FULLTEXT" -> "FULLTEXT INDEX ";
                    case "SPATIAL" -> "SPATIAL INDEX ";
                    default -> "0".equals(first[2]) ? "UNIQUE INDEX " : "INDEX ";
                };
                snapshot.put(Kind.INDEX, null, owner, first[1], kind + list + using(first[6]));
            }
            snapshot.comment(null, "index " + first[1] + " on " + owner, first[7]);
        });
    }

    private static String using(String indexType) {
        return "BTREE".equals(indexType) || "FULLTEXT".equals(indexType) || "SPATIAL".equals(indexType) ? ""
                : " USING " + indexType;
    }

    private static void foreignKeys(Connection connection, MysqlQueries.Filter filter, Map<String, String> tableCollations,
            MysqlUnits into) throws SQLException {
        String database = filter.database();
        Map<String, List<String[]>> keys = new LinkedHashMap<>();
        for (String[] row : filter.rows(connection, FOREIGN_KEYS, "table_name", 6)) {
            if (tableCollations.containsKey(row[0])) {
                keys.computeIfAbsent(row[0] + "." + row[1], k -> new ArrayList<>()).add(row);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        Map<String, String[]> rules = new HashMap<>();
        for (String[] row : filter.rows(connection, FOREIGN_KEY_RULES, "table_name", 4)) {
            rules.put(row[0] + "." + row[1], row);
        }
        keys.forEach((key, parts) -> {
            String[] first = parts.get(0);
            String[] rule = rules.getOrDefault(key, new String[] {null, null, "RESTRICT", "RESTRICT"});
            List<String> from = parts.stream().map(p -> p[2]).toList();
            List<String> to = parts.stream().map(p -> p[5]).toList();
            String target = database.equals(first[3]) ? first[4] : first[3] + "." + first[4];
            into.references(first[0], first[4]);
            into.holds(first[0], Part.FOREIGN_KEYS);
            into.of(first[0]).put(Kind.CONSTRAINT, null, "table " + first[0], first[1], "FOREIGN KEY ("
                    + String.join(", ", from) + ") REFERENCES " + target + " (" + String.join(", ", to) + ") ON UPDATE "
                    + rule[2] + " ON DELETE " + rule[3]);
        });
    }

    /** Every row of {@code sql}, whose one parameter is the database, as {@code width} strings (see {@link MysqlQueries}). */
    static List<String[]> rows(Connection connection, String sql, String database, int width) throws SQLException {
        return MysqlQueries.rows(connection, sql, database, width);
    }
}
