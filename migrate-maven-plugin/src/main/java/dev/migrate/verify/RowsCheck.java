package dev.migrate.verify;

import dev.migrate.common.Severity;
import dev.migrate.database.RowSeeder;
import dev.migrate.database.SeedTable;
import dev.migrate.revision.Revision;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Synthetic rows: a table gets generated rows when it first appears empty before an upgrade, and
 * its rows are remembered, so that after the downgrade a lost row (a table dropped and recreated,
 * rows deleted) or a changed value can be named. Rows are read only where a phase can have changed
 * them ({@link Reach}): a table nothing reached keeps its remembered rows without a read. Tables are
 * followed by their catalog id where the database has one, so rows a rename moved are still theirs.
 *
 * <p>About 300 lines: seeding, remembering and comparing share the rows remembered per table, which
 * one class keeps consistent through a phase.
 */
final class RowsCheck {

    /**
     * Read every table at every point instead of what a phase reached: the findings must be the same,
     * which a test checks; nothing else sets it.
     */
    static boolean readEverything;

    private final RowSeeder seeder;
    private final int rows;
    private final boolean strict;
    private final FindingSink sink;
    private final String historySchema;
    private final String historyTable;
    private final Set<String> noted = new HashSet<>();
    /** Every table's rows as last read (schema.table -> rows); current but for the tables {@link #stale} names. */
    private final RowsMemory memory = new RowsMemory();
    /** What ran since the tables in memory were read; {@link Reach#ALL} when they are all to be read again. */
    private Reach stale = Reach.ALL;
    /** The tables before the upgrade are the memory's at its mark (none without one). */
    private Reach upgradeReach = Reach.ALL;
    /**
     * Per table the upgrade reached, the rows from before it that it kept (by key, or their number):
     * the downgrade must keep them. A table it did not reach kept them all.
     */
    private final Map<String, Set<String>> keptKeys = new HashMap<>();
    private final Map<String, Integer> keptCounts = new HashMap<>();
    /** The tables the last {@link #beforeUpgrade} filled (empty before it). */
    private List<SeedTable> seeded = List.of();
    /**
     * The tables the schema's own trigger or rule keeps from being emptied (schema.table -> why): left
     * out of emptying from then on, so that the check goes on with the others.
     */
    private final Map<String, String> unemptiable = new HashMap<>();
    /** The revision the last {@link #beforeUpgrade} was for, which a warning about emptying names. */
    private String lastRevision;
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
        lastRevision = revision.id();
        try {
            memory.unmark();
            refresh(connection, widened(stale));
            // every empty table, read now or before: those that could not be filled are tried again, as each time
            List<SeedTable> empty = new ArrayList<>();
            Map<String, Long> counts = new HashMap<>();
            for (String key : memory.empty()) {
                TableRows table = memory.get(key);
                empty.add(table.table());
                counts.put(table.table().display(), 0L);
            }
            empty.sort(java.util.Comparator.comparing(SeedTable::schema).thenComparing(SeedTable::name));
            for (String note : seeder.seed(connection, empty, counts, rows)) {
                String table = note.substring("table ".length(), note.indexOf(' ', "table ".length()));
                if (noted.add(table)) {
                    sink.add(Severity.INFO, Phase.UPGRADE, revision.id(), note);
                }
            }
            seeded = new ArrayList<>();
            for (SeedTable table : empty) {
                if (counts.getOrDefault(table.display(), 0L) > 0) {
                    memory.put(table.display(), TableRows.read(connection, table));
                    seeded.add(table);
                }
            }
            stale = Reach.of(Set.of());
            memory.mark();
            return memory.anyRows();
        } finally {
            nanos += System.nanoTime() - started;
        }
    }

    /** Rows per table ({@code schema.table}) as the last upgrade found them: a view, looked up per table. */
    Map<String, Long> counts() {
        return new Counts<>(key -> key instanceof String table ? memory.atMark(table) : null, RowsCheck::keyOf);
    }

    /** Rows per table, by the catalog's id of the table, as the last upgrade found them (tables with an id only). */
    Map<Long, Long> countsById() {
        return new Counts<>(id -> id instanceof Long table && table != 0 ? memory.atMarkById(table) : null,
                rows -> rows.table().id() == 0 ? null : rows.table().id());
    }

    private static String keyOf(TableRows rows) {
        return rows.table().display();
    }

    /** The rows each table held, found per key without listing every table (only a walk over them all lists them). */
    private final class Counts<K> extends java.util.AbstractMap<K, Long> {
        private final java.util.function.Function<Object, TableRows> find;
        private final java.util.function.Function<TableRows, K> keyOf;

        Counts(java.util.function.Function<Object, TableRows> find, java.util.function.Function<TableRows, K> keyOf) {
            this.find = find;
            this.keyOf = keyOf;
        }

        @Override
        public Long get(Object key) {
            TableRows rows = find.apply(key);
            return rows == null ? null : (long) rows.all().size();
        }

        @Override
        public boolean containsKey(Object key) {
            return find.apply(key) != null;
        }

        @Override
        public Set<Map.Entry<K, Long>> entrySet() {
            Map<K, Long> all = new HashMap<>();
            for (String key : memory.atMarkKeys(Reach.ALL)) {
                K k = keyOf.apply(memory.atMark(key));
                if (k != null && containsKey(k)) {
                    all.put(k, get(k));
                }
            }
            return all.entrySet();
        }
    }

    /** Deletes every row, so that an upgrade that failed on rows can be tried on empty tables. */
    void empty(Connection connection) throws SQLException {
        long started = System.nanoTime();
        emptyAll(connection, seeder.tables(connection, historySchema, historyTable));
        memory.unmark();
        unknown();
        nanos += System.nanoTime() - started;
    }

    /**
     * Empties the tables the last {@link #beforeUpgrade} filled, which were empty before it: a
     * squash's own upgrade and downgrade in the full cycle leave the database as they found it.
     */
    void emptySeeded(Connection connection) throws SQLException {
        long started = System.nanoTime();
        emptyAll(connection, seeded);
        seeded = List.of();
        memory.unmark();
        unknown();
        nanos += System.nanoTime() - started;
    }

    /**
     * Empties {@code tables} but those known to refuse; a table that refuses now is named once, as a
     * warning, and left out from then on (its rows stay, and are followed as any table's rows).
     */
    private void emptyAll(Connection connection, List<SeedTable> tables) throws SQLException {
        List<SeedTable> emptiable = tables.stream().filter(table -> !unemptiable.containsKey(table.display())).toList();
        for (RowSeeder.Unemptied refused : seeder.empty(connection, emptiable)) {
            if (unemptiable.put(refused.table(), refused.reason()) == null) {
                sink.add(Severity.WARNING, Phase.UPGRADE, lastRevision, "table " + refused.table() + " is left out of"
                        + " the rows check: it cannot be emptied in the scratch database (" + refused.reason() + ")");
            }
        }
    }

    /** Something ran whose reach is not known (a failed phase, a rollback, a rebuild): every table is read again. */
    void unknown() {
        stale = Reach.ALL;
    }

    /** A phase that {@link #afterUpgrade} and {@link #afterDowngrade} do not see ran with {@code reach}. */
    void ran(Reach reach) {
        stale = stale.and(widened(reach));
    }

    /**
     * After the upgrade: which of the rows from before it are still there, in the same table
     * (followed by its id through a rename). Rows the upgrade itself removes (a table it drops, rows
     * it deletes) are its purpose, which lint's destructive-upgrade rule is about; the downgrade is
     * held only to the rows the upgrade kept.
     */
    void afterUpgrade(Connection connection, Reach reach) throws SQLException {
        long started = System.nanoTime();
        try {
            upgradeReach = widened(reach);
            keptKeys.clear();
            keptCounts.clear();
            refresh(connection, upgradeReach);
            // only the tables the upgrade reached: another kept its rows, which are the same rows still
            for (String key : memory.atMarkKeys(upgradeReach)) {
                TableRows was = memory.atMark(key);
                if (was.all().isEmpty()) {
                    continue;
                }
                // by id where the catalog has one; by name when the id is gone, which on a database whose
                // rebuilt tables get a new id (MySQL's InnoDB) is the same table changed, not another
                TableRows after = was.table().id() != 0 ? memory.byId(was.table().id()) : null;
                if (after == null) {
                    after = memory.get(key);
                }
                if (after != null) {
                    keptCounts.put(key, after.all().size());
                    if (after.keyed() && was.keyed()) {
                        keptKeys.put(key, after.rows().keySet());
                    }
                }
            }
        } finally {
            nanos += System.nanoTime() - started;
        }
    }

    /** After the downgrade: every row from before the upgrade that the upgrade kept must be there, with its values. */
    void afterDowngrade(Revision revision, Connection connection, Reach reach) throws SQLException {
        long started = System.nanoTime();
        try {
            Reach down = widened(reach);
            refresh(connection, down);
            Reach either = upgradeReach.and(down);
            String name = Messages.name(revision);
            for (String key : memory.atMarkKeys(either)) {
                TableRows was = memory.atMark(key);
                boolean reached = upgradeReach.contains(was.table().name());
                if (was.all().isEmpty() || was.all().size() > TableRows.MAX_ROWS
                        || reached && !keptCounts.containsKey(key)) {
                    continue;
                }
                TableRows is = memory.get(key);
                if (is != null) { // a missing table is a schema difference, reported as such
                    compare(name, revision.id(), key, was, is, reached);
                }
            }
        } finally {
            nanos += System.nanoTime() - started;
        }
    }

    long millis() {
        return nanos / 1_000_000;
    }

    /**
     * Reads again the tables {@code reach} names (all of them when it names all), as they are now;
     * those gone leave the memory. Returns the tables read.
     */
    private List<SeedTable> refresh(Connection connection, Reach reach) throws SQLException {
        boolean all = reach.all() || readEverything;
        if (!all && reach.names().isEmpty()) {
            return List.of();
        }
        // a name the phase did not make or change is a table only if it was one before (in memory) and
        // the phase did not drop it
        Set<String> names = new HashSet<>();
        if (!all) {
            names.addAll(reach.changed());
            reach.names().stream().filter(name -> memory.mayHave(name, reach)).forEach(names::add);
        }
        List<SeedTable> tables = all ? seeder.tables(connection, historySchema, historyTable)
                : names.isEmpty() ? List.of() : seeder.tables(connection, historySchema, historyTable, names);
        if (all) {
            memory.clear();
        } else {
            memory.forget(reach);
        }
        for (SeedTable table : tables) {
            TableRows rows = TableRows.readIfThere(connection, table);
            if (rows != null) {
                memory.put(table.display(), rows);
            }
        }
        return tables;
    }

    /** {@code reach} with the tables whose foreign keys refer to a table in it (a cascade reaches them). */
    private Reach widened(Reach reach) {
        if (reach.all() || readEverything) {
            return Reach.ALL;
        }
        return reach.withNames(memory.withReferrers(reach.names()));
    }

    /** {@code reached}: whether the upgrade reached the table; if not, it kept every row it held. */
    private void compare(String name, String revisionId, String table, TableRows was, TableRows is, boolean reached) {
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
        Set<String> kept = reached ? keptKeys.get(table) : was.keyed() ? was.rows().keySet() : null;
        boolean byKey = was.keyed() && is.keyed() && kept != null;
        int total = byKey ? 0 : Math.min(was.all().size(), reached ? keptCounts.get(table) : was.all().size());
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
            List<List<String>> remaining = new ArrayList<>(is.all().stream()
                    .map(row -> TableRows.project(row, to)).toList());
            int unmatched = 0;
            for (List<String> row : was.all()) {
                if (!remaining.remove(TableRows.project(row, from))) {
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
}
