package dev.migrate.database.h2;

import dev.migrate.database.CatalogRowSeeder;
import dev.migrate.database.SeedTable;
import dev.migrate.database.SeedTable.Column;
import dev.migrate.database.SeedTable.ForeignKey;
import dev.migrate.database.SeedTable.Kind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tables to seed through JDBC metadata, which H2 answers from its own catalog; values are
 * written as plain literals that H2 converts to each column's type.
 */
final class H2RowSeeder extends CatalogRowSeeder {

    /**
     * Reads the columns, keys and references only of the tables named (null: of every table): each
     * table costs four metadata lookups, so reading all to keep a few cost what the schema holds.
     */
    @Override
    protected List<SeedTable> read(Connection connection, String historySchema, String historyTable, Set<String> only)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String[]> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String name = rs.getString("TABLE_NAME");
                if (!"INFORMATION_SCHEMA".equals(schema) && !(name.equals(historyTable) && schema.equals(historySchema))
                        && (only == null || only.contains(name.toLowerCase(Locale.ROOT)))) {
                    names.add(new String[] {schema, name});
                }
            }
        }
        List<SeedTable> tables = new ArrayList<>();
        for (String[] name : names) {
            tables.add(table(meta, name[0], name[1]));
        }
        return tables;
    }

    private static SeedTable table(DatabaseMetaData meta, String schema, String name) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schema, name, "%")) {
            while (rs.next()) {
                String type = rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT);
                Kind kind = kind(type);
                boolean generated = "YES".equals(rs.getString("IS_AUTOINCREMENT"))
                        || "YES".equals(rs.getString("IS_GENERATEDCOLUMN"));
                int size = rs.getInt("COLUMN_SIZE");
                columns.add(new Column(rs.getString("COLUMN_NAME"), null, kind, kind == Kind.ARRAY ? Kind.TEXT : null,
                        rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls, generated,
                        kind == Kind.TEXT ? size : 0, kind == Kind.DECIMAL ? size : 0,
                        kind == Kind.DECIMAL ? rs.getInt("DECIMAL_DIGITS") : 0, List.of()));
            }
        }
        List<String> key = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, name)) {
            Map<Integer, String> ordered = new java.util.TreeMap<>();
            while (rs.next()) {
                ordered.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
            key.addAll(ordered.values());
        }
        Map<String, Set<String>> unique = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, schema, name, true, false)) {
            while (rs.next()) {
                if (rs.getString("COLUMN_NAME") != null) {
                    unique.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new LinkedHashSet<>())
                            .add(rs.getString("COLUMN_NAME"));
                }
            }
        }
        Map<String, List<String[]>> keys = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(null, schema, name)) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getString("FK_NAME"), k -> new ArrayList<>()).add(new String[] {
                    rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_SCHEM"), rs.getString("PKTABLE_NAME"),
                    rs.getString("PKCOLUMN_NAME")});
            }
        }
        List<ForeignKey> foreignKeys = keys.values().stream().map(parts -> new ForeignKey(
                parts.stream().map(p -> p[0]).toList(), parts.get(0)[1], parts.get(0)[2],
                parts.stream().map(p -> p[3]).toList())).toList();
        List<Set<String>> sets = new ArrayList<>(unique.values());
        if (key.isEmpty() && !sets.isEmpty()) {
            key.addAll(sets.get(0));
        }
        return new SeedTable(schema, name, columns, sets, key, foreignKeys);
    }

    @Override
    public List<Unemptied> empty(Connection connection, List<SeedTable> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
            try {
                return emptyEach(connection, statement, tables, table -> "DELETE FROM " + table.quoted());
            } finally {
                statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
        }
    }

    private static Kind kind(String type) {
        if (type.contains("ARRAY")) {
            return Kind.ARRAY;
        }
        return switch (type) {
            case "TINYINT", "SMALLINT", "INTEGER", "INT", "BIGINT" -> Kind.INTEGER;
            case "NUMERIC", "DECIMAL", "DECFLOAT" -> Kind.DECIMAL;
            case "REAL", "DOUBLE PRECISION", "FLOAT", "DOUBLE" -> Kind.FLOAT;
            case "CHARACTER VARYING", "VARCHAR", "CHARACTER", "CHAR", "VARCHAR_IGNORECASE", "CHARACTER LARGE OBJECT",
                    "CLOB" -> Kind.TEXT;
            case "DATE" -> Kind.DATE;
            case "TIME", "TIME WITH TIME ZONE" -> Kind.TIME;
            case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE" -> Kind.TIMESTAMP;
            case "BOOLEAN" -> Kind.BOOLEAN;
            case "UUID" -> Kind.UUID;
            case "JSON" -> Kind.JSON;
            case "BINARY VARYING", "VARBINARY", "BINARY", "BINARY LARGE OBJECT", "BLOB" -> Kind.BYTES;
            default -> Kind.OTHER;
        };
    }
}
