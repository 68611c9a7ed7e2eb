package dev.migrate.verify;

import dev.migrate.common.Severity;
import dev.migrate.database.RowSeeder;
import dev.migrate.database.SeedTable;
import dev.migrate.revision.Revision;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Synthetic rows: before each upgrade every empty table gets generated rows, and the rows of every
 * table are remembered, so that after the downgrade a lost row (a table dropped and recreated,
 * rows deleted) or a changed value can be named.
 */
final class RowsCheck {

    /** Tables larger than this (filled by a data migration) are not compared row by row. */
    private static final int MAX_ROWS = 10_000;

    /** The rows of one table: its columns, and each row's values by the row's key. */
    private record TableRows(List<String> columns, Map<String, List<String>> rows, List<List<String>> all,
            boolean keyed) {
    }

    private final RowSeeder seeder;
    private final int rows;
    private final boolean strict;
    private final FindingSink sink;
    private final String historySchema;
    private final String historyTable;
    private final Set<String> noted = new HashSet<>();
    private Map<String, TableRows> before = Map.of();
    /** Per table, the rows of {@link #before} the upgrade kept (by key, or their number): the downgrade must keep them. */
    private final Map<String, Set<String>> keptKeys = new HashMap<>();
    private final Map<String, Integer> keptCounts = new HashMap<>();
    private final Map<String, Long> counts = new HashMap<>();
    private List<SeedTable> tables = List.of();
    private long nanos;

    RowsCheck(RowSeeder seeder, int rows, boolean strict, FindingSink sink, String historySchema, String historyTable) {
        this.seeder = seeder;
        this.rows = rows;
        this.strict = strict;
        this.sink = sink;
        this.historySchema = historySchema;
        this.historyTable = historyTable;
    }

    boolean enabled() {
        return rows > 0 && seeder.supported();
    }

    /** Fills the empty tables and remembers every table's rows; returns whether any table holds rows. */
    boolean beforeUpgrade(Revision revision, Connection connection) throws SQLException {
        long started = System.nanoTime();
        try {
            tables = seeder.tables(connection, historySchema, historyTable);
            Map<String, TableRows> seen = new LinkedHashMap<>();
            counts.clear();
            for (SeedTable table : tables) {
                TableRows read = read(connection, table);
                seen.put(table.display(), read);
                counts.put(table.display(), (long) read.all().size());
            }
            Set<String> empty = new HashSet<>();
            counts.forEach((table, count) -> {
                if (count == 0) {
                    empty.add(table);
                }
            });
            for (String note : seeder.seed(connection, tables, counts, rows)) {
                String table = note.substring("table ".length(), note.indexOf(' ', "table ".length()));
                if (noted.add(table)) {
                    sink.add(Severity.INFO, Phase.UPGRADE, revision.id(), note);
                }
            }
            for (SeedTable table : tables) {
                if (empty.contains(table.display()) && counts.getOrDefault(table.display(), 0L) > 0) {
                    seen.put(table.display(), read(connection, table));
                }
            }
            before = seen;
            return counts.values().stream().anyMatch(count -> count > 0);
        } finally {
            nanos += System.nanoTime() - started;
        }
    }

    /** Rows per table ({@code schema.table}) as the last upgrade found them. */
    Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    /** Deletes every row, so that an upgrade that failed on rows can be tried on empty tables. */
    void empty(Connection connection) throws SQLException {
        long started = System.nanoTime();
        seeder.empty(connection, seeder.tables(connection, historySchema, historyTable));
        before = Map.of();
        counts.clear();
        nanos += System.nanoTime() - started;
    }

    /**
     * After the upgrade: which of the rows from before it are still there. Rows the upgrade itself
     * removes (a table it drops, rows it deletes) are its purpose, which lint's destructive-upgrade
     * rule is about; the downgrade is held only to the rows the upgrade kept.
     */
    void afterUpgrade(Connection connection) throws SQLException {
        long started = System.nanoTime();
        try {
            keptKeys.clear();
            keptCounts.clear();
            for (SeedTable table : tables) {
                TableRows was = before.get(table.display());
                TableRows after = was == null || was.all().isEmpty() ? null : readIfThere(connection, table);
                if (after != null) {
                    keptCounts.put(table.display(), after.all().size());
                    if (after.keyed() && was.keyed()) {
                        keptKeys.put(table.display(), after.rows().keySet());
                    }
                }
            }
        } finally {
            nanos += System.nanoTime() - started;
        }
    }

    /** After the downgrade: every row from before the upgrade that the upgrade kept must be there, with its values. */
    void afterDowngrade(Revision revision, Connection connection) throws SQLException {
        long started = System.nanoTime();
        try {
            String name = Messages.name(revision);
            for (SeedTable table : tables) {
                TableRows was = before.get(table.display());
                if (was == null || was.all().isEmpty() || was.all().size() > MAX_ROWS
                        || !keptCounts.containsKey(table.display())) {
                    continue;
                }
                TableRows is = readIfThere(connection, table);
                if (is != null) { // a missing table is a schema difference, reported as such
                    compare(name, revision.id(), table.display(), was, is);
                }
            }
        } finally {
            nanos += System.nanoTime() - started;
        }
    }

    long millis() {
        return nanos / 1_000_000;
    }

    private void compare(String name, String revisionId, String table, TableRows was, TableRows is) {
        List<Integer> from = new ArrayList<>();
        List<Integer> to = new ArrayList<>();
        for (int i = 0; i < was.columns().size(); i++) {
            int at = is.columns().indexOf(was.columns().get(i));
            if (at >= 0) {
                from.add(i);
                to.add(at);
            }
        }
        int lost = 0;
        int changed = 0;
        Set<String> columns = new TreeSet<>();
        Set<String> kept = keptKeys.get(table);
        boolean byKey = was.keyed() && is.keyed() && kept != null;
        int total = byKey ? 0 : Math.min(was.all().size(), keptCounts.get(table));
        if (byKey) {
            for (Map.Entry<String, List<String>> row : was.rows().entrySet()) {
                if (!kept.contains(row.getKey())) {
                    continue;
                }
                total++;
                List<String> after = is.rows().get(row.getKey());
                if (after == null) {
                    lost++;
                    continue;
                }
                boolean differs = false;
                for (int i = 0; i < from.size(); i++) {
                    if (!Objects.equals(row.getValue().get(from.get(i)), after.get(to.get(i)))) {
                        columns.add(was.columns().get(from.get(i)));
                        differs = true;
                    }
                }
                changed += differs ? 1 : 0;
            }
        } else {
            List<List<String>> remaining = new ArrayList<>(is.all().stream().map(row -> project(row, to)).toList());
            int unmatched = 0;
            for (List<String> row : was.all()) {
                if (!remaining.remove(project(row, from))) {
                    unmatched++;
                }
            }
            lost = Math.max(0, total - is.all().size());
            changed = Math.max(0, Math.min(unmatched, total) - lost);
        }
        if (lost > 0) {
            sink.add(Severity.ERROR, Phase.DOWNGRADE, revisionId, "downgrade of " + name + " loses " + lost + " of the "
                    + total + " rows table " + table + " held before the upgrade: in production that is"
                    + " data gone (a table dropped and recreated, rows deleted); change the table in place instead");
        }
        if (changed > 0) {
            sink.add(strict ? Severity.ERROR : Severity.WARNING, Phase.DOWNGRADE, revisionId, "downgrade of " + name
                    + " changes " + changed + " of the " + total + " rows table " + table
                    + " held before the upgrade" + (columns.isEmpty() ? "" : " (columns " + String.join(", ", columns)
                    + ")") + ": the values it had before the upgrade do not come back");
        }
    }

    private static List<String> project(List<String> row, List<Integer> positions) {
        return positions.stream().map(row::get).toList();
    }

    /**
     * The rows of {@code table}, or null when it does not exist (any more). Tables are read by the
     * names found before the upgrade, which saves a catalog lookup per phase; verify's connections
     * run in autocommit, so a failed read disturbs nothing.
     */
    private static TableRows readIfThere(Connection connection, SeedTable table) throws SQLException {
        // inside a transaction (a held downgrade) a failed read would abort it: only the read is undone
        java.sql.Savepoint point = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            TableRows rows = read(connection, table);
            if (point != null) {
                connection.releaseSavepoint(point);
            }
            return rows;
        } catch (SQLException e) {
            if (point != null) {
                connection.rollback(point);
            }
            if (e.getSQLState() != null && (e.getSQLState().equals("42P01") || e.getSQLState().startsWith("42S0"))) {
                return null;
            }
            throw e;
        }
    }

    private static TableRows read(Connection connection, SeedTable table) throws SQLException {
        List<String> columns = new ArrayList<>();
        Map<String, List<String>> keyed = new HashMap<>();
        List<List<String>> all = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(MAX_ROWS + 1);
            try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table.quoted())) {
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                }
                List<Integer> key = table.key().stream().map(columns::indexOf).toList();
                boolean hasKey = !key.isEmpty() && !key.contains(-1);
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(rs.getString(i));
                    }
                    all.add(row);
                    if (hasKey) {
                        keyed.put(project(row, key).toString(), row);
                    }
                }
                return new TableRows(columns, keyed, all, hasKey);
            }
        }
    }
}
