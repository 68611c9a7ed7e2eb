package dev.migrate.database.mysql;

import dev.migrate.database.CatalogRowSeeder;
import dev.migrate.database.SeedTable;
import dev.migrate.database.SeedTable.Column;
import dev.migrate.database.SeedTable.ForeignKey;
import dev.migrate.database.SeedTable.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tables to seed from {@code information_schema} of the current database (a scratch
 * database holds one project's tables; the server's other databases are not ours). Values are
 * plain literals the server converts to each column's type; auto-increment and generated columns
 * are left to the server. A table is known by its InnoDB table id, which {@code RENAME TABLE}
 * keeps, so its rows are followed through a rename (see {@link MysqlTableIds}).
 */
final class MysqlRowSeeder extends CatalogRowSeeder {

    // Each query names the schema and, for a phase's tables, each table by equality: MariaDB then opens
    // only those tables' definitions, where an IN list or a join with information_schema.tables made it
    // open every table of the database (or of the server)
    private static final String COLUMNS = "SELECT table_name, column_name, data_type, column_type, is_nullable, extra,"
            + " character_maximum_length, numeric_precision, numeric_scale, ordinal_position"
            + " FROM information_schema.columns WHERE table_schema = DATABASE()";

    /** Views, whose columns {@link #COLUMNS} lists too. */
    private static final String NOT_TABLES = "SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = DATABASE() AND table_type <> 'BASE TABLE'";

    private static final String UNIQUE = "SELECT table_name, index_name, column_name, index_name <> 'PRIMARY',"
            + " seq_in_index FROM information_schema.statistics WHERE table_schema = DATABASE() AND non_unique = 0";

    private static final String FOREIGN_KEYS = "SELECT table_name, constraint_name, column_name,"
            + " referenced_table_schema, referenced_table_name, referenced_column_name, ordinal_position"
            + " FROM information_schema.key_column_usage"
            + " WHERE table_schema = DATABASE() AND referenced_table_name IS NOT NULL";

    /** MariaDB's JSON is LONGTEXT with a {@code json_valid} check named after the column. */
    private static final String JSON_CHECKS = "SELECT table_name, constraint_name FROM information_schema.check_constraints"
            + " WHERE constraint_schema = DATABASE() AND check_clause LIKE 'json_valid(%'";

    private static final Pattern GENERATED = Pattern.compile("(?i)\\b(VIRTUAL|STORED|PERSISTENT) GENERATED\\b");
    private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");

    /** Text columns shorter than this hold bare words: codes and flags, which never become JSON. */
    private static final int JSON_TEXT_LENGTH = 8;

    /**
     * Value numbers of one entity's identifiers: row {@code r} of entity slot {@code s} is number
     * {@code r + 26 s}, a word pair ({@code "alpha kilo"}) no other slot makes below 26 rows.
     */
    private static final int ENTITY_STRIDE = 26;
    private static final int ENTITY_SLOTS = 25;

    /** What {@link #references} found for the current {@link #seed} call. */
    private Map<String, String> references = Map.of();

    /** The database's foreign keys as last read, kept across phases ({@link ForeignKeyColumns}). */
    private final ForeignKeyColumns foreignKeys = new ForeignKeyColumns();

    /**
     * Every row its own value, whether or not a unique set asks for it (booleans alternate): the
     * histories this seeder was tried on add unique indexes over tokens (verifiers, request ids)
     * that real data never repeats, and a repeated generated value made each such upgrade a false
     * alarm. A downgrade that loses or changes rows is caught alike with distinct values.
     *
     * <p>String identifiers are kept apart by what they name ({@link #entity}): the {@code id} of
     * table {@code flows} and a {@code flow_id} elsewhere take the values of entity {@code flow},
     * the {@code id} of {@code flow_methods} those of {@code method}. Real keys are UUIDs that no
     * two tables share, so an upgrade that copies one table's keys into another's ({@code INSERT
     * ... SELECT id ...}) must not meet the same generated words there; a column that refers to a
     * table without a foreign key yet still holds that table's values, so that the key a later
     * revision adds over it finds its parents.
     */
    @Override
    protected int valueNumber(SeedTable table, Column column, boolean unique, int row) {
        if (column.kind() == Kind.BOOLEAN) {
            return unique ? row : row % 2;
        }
        // a foreign key's columns take one parent row each, the same for all its columns: no slot there
        boolean reference = table.foreignKeys().stream().anyMatch(key -> key.columns().contains(column.name()));
        if (reference || column.kind() != Kind.TEXT && column.kind() != Kind.UUID) {
            return row;
        }
        String name = column.name().toLowerCase(Locale.ROOT);
        // named like a foreign key's column elsewhere (Ory's nid, which refers to networks.id): that key's entity
        String entity = !name.equals("id") && references.containsKey(name) ? references.get(name)
                : entity(table.name(), column.name());
        return entity == null || entity.isEmpty() ? row
                : row + ENTITY_STRIDE * (1 + Math.floorMod(entity.hashCode(), ENTITY_SLOTS));
    }

    /**
     * What an identifier column names, singular and lower case: the table's last word for its
     * {@code id} ({@code hydra_clients.id}: {@code client}), the word before {@code _id} for a
     * reference ({@code login_session_id}: {@code session}); null for any other column, whose
     * values all tables share (a later foreign key over {@code challenge} columns finds its parents).
     */
    static String entity(String table, String column) {
        String name = column.toLowerCase(Locale.ROOT);
        String stem;
        if (name.equals("id")) {
            stem = table.toLowerCase(Locale.ROOT);
        } else if (name.endsWith("_id") && name.length() > 3) {
            stem = name.substring(0, name.length() - 3);
        } else {
            return null;
        }
        String word = stem.substring(stem.lastIndexOf('_') + 1);
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")) {
            return word.substring(0, word.length() - 2);
        }
        return word.endsWith("s") && !word.endsWith("ss") && word.length() > 1 ? word.substring(0, word.length() - 1)
                : word;
    }

    /**
     * Text as JSON strings ({@code "alpha"}, quotes included) where the column is long enough: a
     * text column that a later revision copies or converts into a JSON column ({@code CHECK
     * (json_valid(...))} on MariaDB) holds JSON in real data, and a bare word failed that check.
     * The value is still text to everything else: no cast to a number or a date accepts it.
     */
    @Override
    protected String literal(Column column, int index, int profile) {
        if (column.kind() != Kind.TEXT || column.length() > 0 && column.length() < JSON_TEXT_LENGTH) {
            return super.literal(column, index, profile);
        }
        Column shorter = new Column(column.name(), column.type(), column.kind(), column.element(), column.notNull(),
                column.generated(), column.length() > 0 ? column.length() - 2 : 0, column.precision(),
                column.scale(), column.labels());
        String word = super.literal(shorter, index, profile);
        // a bare literal (no cast on MySQL): the double quotes go inside its single ones; words hold neither
        return word == null ? null : "'\"" + word.substring(1, word.length() - 1) + "\"'";
    }

    /**
     * Finds, before the filling, which entity each foreign key's column name refers to across the
     * database, so that a column of that name without a key yet takes the same values. The keys are
     * those the phases' reads kept ({@link #read}); only the tables that decide a name the filled
     * tables' columns bear are read again, to learn whether they are still there.
     */
    @Override
    public List<String> seed(Connection connection, List<SeedTable> tables, Map<String, Long> counts, int rows)
            throws SQLException {
        references = tables.isEmpty() ? Map.of() : references(connection, tables);
        return super.seed(connection, tables, counts, rows);
    }

    /**
     * Column name (lower case) of each foreign key's column that a column of {@code tables} bears:
     * the entity it refers to, "" for one shared by all.
     */
    private Map<String, String> references(Connection connection, List<SeedTable> tables) throws SQLException {
        if (!foreignKeys.known()) {
            try (ResultSet rs = query(connection, FOREIGN_KEYS, "table_name", null, "1, 3")) {
                foreignKeys.readAll(rs);
            }
        }
        // the names valueNumber looks up: identifier-like columns outside the table's own keys
        Set<String> names = new HashSet<>();
        for (SeedTable table : tables) {
            for (Column column : table.columns()) {
                String name = column.name().toLowerCase(Locale.ROOT);
                if ((column.kind() == Kind.TEXT || column.kind() == Kind.UUID) && !name.equals("id")
                        && table.foreignKeys().stream().noneMatch(key -> key.columns().contains(column.name()))) {
                    names.add(name);
                }
            }
        }
        // a table dropped or renamed since its keys were read is not among any read's tables: the one
        // deciding each name is read again, until every deciding table has been read in this call
        Set<String> confirmed = new HashSet<>();
        while (true) {
            Set<String> deciding = new LinkedHashSet<>(foreignKeys.deciding(names).values());
            deciding.removeAll(confirmed);
            if (deciding.isEmpty()) {
                break;
            }
            try (ResultSet rs = query(connection, FOREIGN_KEYS, "table_name", deciding, "1, 3")) {
                foreignKeys.read(rs, deciding);
            }
            confirmed.addAll(deciding);
        }
        Map<String, String> references = new HashMap<>();
        foreignKeys.deciding(names).forEach((name, table) -> references.put(name, foreignKeys.entity(table, name)));
        return references;
    }

    /** A row of defaults only: MySQL has no {@code DEFAULT VALUES}. */
    @Override
    protected String defaultRow(SeedTable table) {
        return "INSERT INTO " + table.quoted() + " () VALUES ()";
    }

    /** Child tables may be emptied before or after their parents: foreign keys are not checked meanwhile. */
    @Override
    public List<Unemptied> empty(Connection connection, List<SeedTable> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET @migrate_fk_checks = @@foreign_key_checks, foreign_key_checks = 0");
            try {
                return emptyEach(connection, statement, tables, table -> "DELETE FROM " + table.quoted());
            } finally {
                statement.execute("SET foreign_key_checks = @migrate_fk_checks");
            }
        }
    }

    /**
     * {@code sql} over the whole database, or one branch per name of {@code names} joined by
     * {@code UNION ALL}; {@code order} names result columns by position.
     */
    private static ResultSet query(Connection connection, String sql, String nameColumn, Set<String> names,
            String order) throws SQLException {
        // the statement closes with its result set
        String text = names == null ? sql : String.join(" UNION ALL ", names.stream()
                .map(name -> "(" + sql + " AND " + nameColumn + " = ?)").toList());
        PreparedStatement statement = connection.prepareStatement(text + " ORDER BY " + order);
        statement.closeOnCompletion();
        if (names != null) {
            int i = 1;
            for (String name : names) {
                statement.setString(i++, name);
            }
        }
        return statement.executeQuery();
    }

    @Override
    protected List<SeedTable> read(Connection connection, String historySchema, String historyTable,
            Set<String> names) throws SQLException {
        String database = MysqlTableIds.currentDatabase(connection);
        if (database == null) {
            return List.of();
        }
        Set<String> json = jsonColumns(connection, names);
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        Set<String> views = new HashSet<>();
        try (ResultSet rs = query(connection, NOT_TABLES, "table_name", names, "1")) {
            while (rs.next()) {
                views.add(rs.getString(1));
            }
        }
        try (ResultSet rs = query(connection, COLUMNS, "table_name", names, "1, 10")) {
            while (rs.next()) {
                String table = rs.getString(1);
                // the history table by its name alone: verify names the configured database as its schema, while
                // the scratch database it works in is the current one
                if (table.equals(historyTable) || views.contains(table)) {
                    continue;
                }
                columns.computeIfAbsent(table, k -> new ArrayList<>()).add(column(rs, json.contains(table + "."
                        + rs.getString(2))));
            }
        }
        Map<String, Map<String, Set<String>>> unique = new HashMap<>();
        try (ResultSet rs = query(connection, UNIQUE, "table_name", names, "1, 4, 2, 5")) {
            while (rs.next()) {
                unique.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new LinkedHashSet<>()).add(rs.getString(3));
            }
        }
        Map<String, Map<String, List<String[]>>> keys = new HashMap<>();
        List<String[]> keyColumns = new ArrayList<>();
        try (ResultSet rs = query(connection, FOREIGN_KEYS, "table_name", names, "1, 2, 7")) {
            while (rs.next()) {
                String[] row = {rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)};
                keys.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(row);
                keyColumns.add(new String[] {rs.getString(1), row[0], row[2], row[3]});
            }
        }
        // the seeder's memory of the keys follows what each phase's read saw, at no further query
        foreignKeys.replace(keyColumns, names);
        // a phase's tables by name: reading every id walks the server's whole dictionary
        Map<String, Long> ids = names == null ? MysqlTableIds.read(connection, database)
                : MysqlTableIds.read(connection, database, columns.keySet(), List.of());
        List<SeedTable> tables = new ArrayList<>();
        columns.forEach((table, list) -> {
            List<Set<String>> sets = new ArrayList<>(unique.getOrDefault(table, Map.of()).values());
            List<String> key = sets.isEmpty() ? List.of() : List.copyOf(sets.get(0));
            List<ForeignKey> foreignKeys = keys.getOrDefault(table, Map.of()).values().stream()
                    .map(parts -> new ForeignKey(parts.stream().map(p -> p[0]).toList(), parts.get(0)[1],
                            parts.get(0)[2], parts.stream().map(p -> p[3]).toList()))
                    .toList();
            tables.add(new SeedTable(database, table, list, sets, key, foreignKeys, ids.getOrDefault(table, 0L), '`'));
        });
        return tables;
    }

    /**
     * {@code table.column} of MariaDB's JSON columns (of the tables {@code names}, or all when null);
     * none where the server has no such view (MySQL 8 has a JSON type).
     */
    private static Set<String> jsonColumns(Connection connection, Set<String> names) {
        Set<String> columns = new HashSet<>();
        try (ResultSet rs = query(connection, JSON_CHECKS, "table_name", names, "1")) {
            while (rs.next()) {
                columns.add(rs.getString(1) + "." + rs.getString(2));
            }
        } catch (SQLException e) {
            return Set.of();
        }
        return columns;
    }

    private static Column column(ResultSet rs, boolean json) throws SQLException {
        String dataType = rs.getString(3).toLowerCase(Locale.ROOT);
        String columnType = rs.getString(4).toLowerCase(Locale.ROOT);
        String extra = rs.getString(6) == null ? "" : rs.getString(6);
        boolean generated = extra.toLowerCase(Locale.ROOT).contains("auto_increment")
                || GENERATED.matcher(extra).find();
        Kind kind = json ? Kind.JSON : kind(dataType, columnType);
        List<String> labels = new ArrayList<>();
        if (kind == Kind.ENUM) {
            Matcher label = LABEL.matcher(rs.getString(4).substring(rs.getString(4).indexOf('(')));
            while (label.find()) {
                labels.add(label.group(1).replace("''", "'"));
            }
        }
        long length = rs.getLong(7);
        boolean bounded = dataType.endsWith("char") || dataType.endsWith("binary");
        return new Column(rs.getString(2), null, kind, null, "NO".equals(rs.getString(5)), generated,
                bounded && length > 0 && length < Integer.MAX_VALUE ? (int) length : 0,
                kind == Kind.DECIMAL ? rs.getInt(8) : 0, kind == Kind.DECIMAL ? rs.getInt(9) : 0, labels);
    }

    private static Kind kind(String dataType, String columnType) {
        if (columnType.equals("tinyint(1)") || columnType.equals("bit(1)")) {
            return Kind.BOOLEAN;
        }
        return switch (dataType) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year" -> Kind.INTEGER;
            case "decimal", "numeric" -> Kind.DECIMAL;
            case "float", "double", "real" -> Kind.FLOAT;
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" -> Kind.TEXT;
            case "date" -> Kind.DATE;
            case "time" -> Kind.TIME;
            case "datetime", "timestamp" -> Kind.TIMESTAMP;
            case "json" -> Kind.JSON;
            case "enum", "set" -> Kind.ENUM;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> Kind.BYTES;
            case "uuid" -> Kind.UUID;
            case "inet4", "inet6" -> Kind.INET;
            default -> Kind.OTHER;
        };
    }
}
