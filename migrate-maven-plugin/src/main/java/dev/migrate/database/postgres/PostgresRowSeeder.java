package dev.migrate.database.postgres;

import dev.migrate.database.CatalogRowSeeder;
import dev.migrate.database.SeedTable;
import dev.migrate.database.SeedTable.Column;
import dev.migrate.database.SeedTable.ForeignKey;
import dev.migrate.database.SeedTable.Kind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the tables to seed from PostgreSQL's catalog in three queries sent together, one round
 * trip: columns with their base types (a domain's base type, an array's element type, an enum's
 * labels), unique sets (including expression indexes such as {@code lower(email)}) and foreign keys.
 */
final class PostgresRowSeeder extends CatalogRowSeeder {

    private static final String USER_TABLE = "c.relkind IN ('r', 'p') AND NOT c.relispartition"
            + " AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'"
            + " AND n.nspname <> '" + PostgresChangeLog.SCHEMA + "'"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep WHERE dep.classid = 'pg_catalog.pg_class'::regclass"
            + "   AND dep.objid = c.oid AND dep.deptype = 'e')";

    private static final String COLUMNS = "SELECT n.nspname, c.relname, a.attname,"
            + " pg_catalog.format_type(a.atttypid, a.atttypmod),"
            + " a.attnotnull OR t.typnotnull, a.attidentity <> '' OR a.attgenerated <> ''"
            + "   OR coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%', false),"
            + " b.typname, b.typcategory, e.typname, e.typcategory,"
            + " CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END,"
            + " (SELECT pg_catalog.array_agg(l.enumlabel::text ORDER BY l.enumsortorder) FROM pg_catalog.pg_enum l"
            + "   WHERE l.enumtypid = coalesce(e.oid, b.oid)), c.oid"
            + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " JOIN pg_catalog.pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END"
            + " LEFT JOIN pg_catalog.pg_type e ON e.oid = b.typelem AND b.typcategory = 'A'"
            + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE a.attnum > 0 AND NOT a.attisdropped AND " + USER_TABLE
            + " ORDER BY n.nspname, c.relname, a.attnum";

    private static final String UNIQUE = "SELECT n.nspname, c.relname, x.indisprimary,"
            + " (SELECT pg_catalog.array_agg(a.attname::text) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid"
            + " AND a.attnum > 0"
            + "   AND a.attnum = ANY (x.indkey::int2[])),"
            + " CASE WHEN x.indexprs IS NOT NULL THEN pg_catalog.pg_get_indexdef(x.indexrelid) END"
            + " FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class c ON c.oid = x.indrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE x.indisunique AND " + USER_TABLE + " ORDER BY n.nspname, c.relname, NOT x.indisprimary,"
            + " x.indexrelid";

    private static final String FOREIGN_KEYS = "SELECT n.nspname, c.relname, rn.nspname, r.relname,"
            + " (SELECT pg_catalog.array_agg(a.attname::text ORDER BY u.i)"
            + " FROM pg_catalog.unnest(k.conkey) WITH ORDINALITY u(num, i)"
            + "   JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num),"
            + " (SELECT pg_catalog.array_agg(a.attname::text ORDER BY u.i)"
            + " FROM pg_catalog.unnest(k.confkey) WITH ORDINALITY u(num, i)"
            + "   JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num)"
            + " FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_catalog.pg_class r ON r.oid = k.confrelid"
            + " JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace"
            + " WHERE k.contype = 'f' AND " + USER_TABLE + " ORDER BY k.oid";

    /** Only the tables of some names: each query looks them up by name instead of listing every table. */
    private static final String NAMED = USER_TABLE + " AND c.relname = ANY (?::name[])";

    /**
     * Before the look-up by name: its queries keep the plan the server made for them once (they
     * join many catalogs, and planning them costs more than running them); until the end of the
     * transaction, which without one is the end of the look-up.
     */
    private static final String PLAN_ONCE = "SELECT pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', true)";

    /** The three lookups as one statement, whose three results come in this order. */
    private static final String ALL_TABLES = String.join(";\n", COLUMNS, UNIQUE, FOREIGN_KEYS);

    /** {@link #ALL_TABLES} for some names, its plans kept (built once: the driver finds it prepared by its text). */
    private static final String NAMED_TABLES = PLAN_ONCE + ";\n" + ALL_TABLES.replace(USER_TABLE, NAMED);

    /**
     * The three lookups sent as one statement: one round trip, whose three results come in this
     * order. Each keeps its own query (and, once the driver prepares it on the server, its own plan).
     */
    private static Statement query(Connection connection, Set<String> names) throws SQLException {
        if (names == null) {
            Statement statement = connection.createStatement();
            statement.execute(ALL_TABLES);
            return statement;
        }
        java.sql.PreparedStatement statement = connection.prepareStatement(NAMED_TABLES);
        Array array = connection.createArrayOf("text", names.toArray());
        for (int i = 1; i <= 3; i++) {
            statement.setArray(i, array);
        }
        statement.execute();
        statement.getMoreResults(); // past the setting's result
        return statement;
    }

    /** The next of the three results of {@link #query}. */
    private static ResultSet next(Statement statement) throws SQLException {
        if (!statement.getMoreResults()) {
            throw new SQLException("the table lookup returned fewer results than it asked for");
        }
        return statement.getResultSet();
    }

    @Override
    protected List<SeedTable> read(Connection connection, String historySchema, String historyTable,
            Set<String> names) throws SQLException {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        Map<String, Long> ids = new java.util.HashMap<>();
        Map<String, List<Set<String>>> unique = new LinkedHashMap<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        Map<String, List<ForeignKey>> foreignKeys = new LinkedHashMap<>();
        try (Statement statement = query(connection, names)) {
            try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                    if (rs.getString(2).equals(historyTable) && rs.getString(1).equals(historySchema)) {
                        continue;
                    }
                    columns.computeIfAbsent(rs.getString(1) + "." + rs.getString(2), k -> new ArrayList<>())
                            .add(column(rs));
                    ids.put(rs.getString(1) + "." + rs.getString(2), rs.getLong(13));
                }
            }
            try (ResultSet rs = next(statement)) {
                while (rs.next()) {
                    String table = rs.getString(1) + "." + rs.getString(2);
                    Set<String> set = new LinkedHashSet<>(strings(rs.getArray(4)));
                    String expression = rs.getString(5);
                    if (expression != null) {
                        // an expression index (lower(email)) makes every column it names unique
                        for (Column column : columns.getOrDefault(table, List.of())) {
                            if (Pattern.compile("\\b" + Pattern.quote(column.name()) + "\\b").matcher(
                                    expression.substring(expression.indexOf('('))).find()) {
                                set.add(column.name());
                            }
                        }
                    }
                    unique.computeIfAbsent(table, k -> new ArrayList<>()).add(set);
                    keys.putIfAbsent(table, List.copyOf(set));
                }
            }
            try (ResultSet rs = next(statement)) {
                while (rs.next()) {
                    foreignKeys.computeIfAbsent(rs.getString(1) + "." + rs.getString(2), k -> new ArrayList<>())
                            .add(new ForeignKey(strings(rs.getArray(5)), rs.getString(3), rs.getString(4),
                                    strings(rs.getArray(6))));
                }
            }
        }
        List<SeedTable> tables = new ArrayList<>();
        columns.forEach((table, list) -> {
            int dot = table.indexOf('.');
            tables.add(new SeedTable(table.substring(0, dot), table.substring(dot + 1), list,
                    unique.getOrDefault(table, List.of()), keys.getOrDefault(table, List.of()),
                    foreignKeys.getOrDefault(table, List.of()), ids.get(table)));
        });
        return tables;
    }

    @Override
    public List<Unemptied> empty(Connection connection, List<SeedTable> tables) throws SQLException {
        if (tables.isEmpty()) {
            return List.of();
        }
        try (Statement statement = connection.createStatement()) {
            if (attempt(connection, statement, "TRUNCATE " + String.join(", ", tables.stream().map(SeedTable::quoted)
                    .toList()) + " CASCADE") == null) {
                return List.of();
            }
            // a trigger or rule of the schema refused (an ON TRUNCATE trigger that raises): table by table,
            // so that only the tables it guards, and those referring to them, keep their rows
            return emptyEach(connection, statement, tables, table -> "TRUNCATE " + table.quoted() + " CASCADE");
        }
    }

    private static Column column(ResultSet rs) throws SQLException {
        String base = rs.getString(7);
        String category = rs.getString(8);
        Kind kind = kind(base, category);
        Kind element = kind == Kind.ARRAY ? kind(rs.getString(9), rs.getString(10)) : null;
        int typmod = rs.getInt(11);
        int length = 0;
        int precision = 0;
        int scale = 0;
        if (typmod > 4 && (base.equals("varchar") || base.equals("bpchar"))) {
            length = typmod - 4;
        } else if (typmod > 4 && base.equals("numeric")) {
            precision = ((typmod - 4) >> 16) & 0xffff;
            scale = (typmod - 4) & 0xffff;
        }
        return new Column(rs.getString(3), rs.getString(4), kind, element, rs.getBoolean(5), rs.getBoolean(6), length,
                precision, scale, strings(rs.getArray(12)));
    }

    private static Kind kind(String type, String category) {
        if (type == null) {
            return Kind.OTHER;
        }
        return switch (type) {
            case "int2", "int4", "int8", "oid" -> Kind.INTEGER;
            case "numeric", "money" -> Kind.DECIMAL;
            case "float4", "float8" -> Kind.FLOAT;
            case "text", "varchar", "bpchar", "name", "citext" -> Kind.TEXT;
            case "date" -> Kind.DATE;
            case "time", "timetz" -> Kind.TIME;
            case "timestamp", "timestamptz" -> Kind.TIMESTAMP;
            case "interval" -> Kind.INTERVAL;
            case "bool" -> Kind.BOOLEAN;
            case "uuid" -> Kind.UUID;
            case "json", "jsonb" -> Kind.JSON;
            case "bytea" -> Kind.BYTES;
            case "inet", "cidr" -> Kind.INET;
            default -> "E".equals(category) ? Kind.ENUM : "A".equals(category) ? Kind.ARRAY : Kind.OTHER;
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
