package dev.migrate.database.mysql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The foreign keys' columns of a database's tables as the row seeder last read them: per table
 * (spelled as the catalog spells it), each column with the table and column it refers to. Kept
 * for a whole verify run and updated from each phase's read of its own tables, so that no phase
 * reads every table's keys again.
 */
final class ForeignKeyColumns {

    /** A foreign key's column: its name, and the table and column it refers to. */
    private record KeyColumn(String column, String referencedTable, String referencedColumn) {
    }

    /**
     * In the order MariaDB's information_schema sorts names (utf8mb3_general_ci: letters compared
     * as upper case), where the first table that has a key column of a name decides that name.
     */
    private final TreeMap<String, List<KeyColumn>> byTable = new TreeMap<>(ForeignKeyColumns::compareNames);
    private boolean known;

    /** Whether every table's keys have been read once. */
    boolean known() {
        return known;
    }

    /**
     * Every table's keys from {@code rs}, whose columns 1, 3, 5 and 6 are the table, the column,
     * the referenced table and the referenced column.
     */
    void readAll(ResultSet rs) throws SQLException {
        replace(rows(rs), null);
    }

    /** The keys of {@code tables} from {@code rs}, shaped as for {@link #readAll}. */
    void read(ResultSet rs, Set<String> tables) throws SQLException {
        replace(rows(rs), tables);
    }

    /**
     * What a read of {@code tables} (null: every table) found: rows of table, column, referenced
     * table, referenced column. A table named exactly in {@code tables} and absent from the rows
     * has no keys (any more); a table named otherwise (another case) is kept, and checked again
     * where it matters ({@link #deciding}).
     */
    void replace(List<String[]> rows, Set<String> tables) {
        if (tables == null) {
            byTable.clear();
            known = true;
        } else {
            tables.forEach(byTable::remove);
        }
        Map<String, List<KeyColumn>> read = new LinkedHashMap<>();
        for (String[] row : rows) {
            read.computeIfAbsent(row[0], k -> new ArrayList<>()).add(new KeyColumn(row[1], row[2], row[3]));
        }
        byTable.putAll(read);
    }

    /**
     * For each of {@code names} (lower case) that a key column bears, the table that decides which
     * entity it refers to: the first, in the catalog's order, with a key column of that name.
     */
    Map<String, String> deciding(Set<String> names) {
        Map<String, String> deciding = new HashMap<>();
        for (Map.Entry<String, List<KeyColumn>> table : byTable.entrySet()) {
            for (KeyColumn column : table.getValue()) {
                String name = column.column().toLowerCase(Locale.ROOT);
                if (names.contains(name)) {
                    deciding.putIfAbsent(name, table.getKey());
                }
            }
        }
        return deciding;
    }

    /** The entity that the first key column of {@code table} named {@code name} refers to, "" for one shared by all. */
    String entity(String table, String name) {
        for (KeyColumn column : byTable.getOrDefault(table, List.of())) {
            if (column.column().toLowerCase(Locale.ROOT).equals(name)) {
                String entity = MysqlRowSeeder.entity(column.referencedTable(), column.referencedColumn());
                return entity == null ? "" : entity;
            }
        }
        return "";
    }

    private static List<String[]> rows(ResultSet rs) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(new String[] {rs.getString(1), rs.getString(3), rs.getString(5), rs.getString(6)});
        }
        return rows;
    }

    /** utf8mb3_general_ci's order for plain names, then the exact spelling, so that no two names are one key. */
    static int compareNames(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            int difference = Character.toUpperCase(a.charAt(i)) - Character.toUpperCase(b.charAt(i));
            if (difference != 0) {
                return difference;
            }
        }
        return a.length() != b.length() ? a.length() - b.length() : a.compareTo(b);
    }
}
