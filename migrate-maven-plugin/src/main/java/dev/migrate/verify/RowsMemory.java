package dev.migrate.verify;

import dev.migrate.database.SeedTable;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every table's rows as {@link RowsCheck} last read them (schema.table -> rows), indexed by the
 * table's name in lower case and by the tables its foreign keys refer to, so that the tables a
 * phase reached are found at the cost of what it reached, not of how many tables there are. The
 * rows as they were at a {@link #mark} (before an upgrade) stay readable: what changed since keeps
 * its old rows aside, what did not is the same rows, so a mark copies nothing.
 */
final class RowsMemory {

    private final Map<String, TableRows> tables = new HashMap<>();
    /** Lower-case table name -> the keys (schema.table) of the tables of that name. */
    private final Map<String, Set<String>> byName = new HashMap<>();
    /** Lower-case name of a referenced table -> the keys of the tables whose foreign keys refer to it. */
    private final Map<String, Set<String>> referrers = new HashMap<>();
    /** The keys of the tables that hold no rows. */
    private final Set<String> empty = new HashSet<>();
    /** Catalog id -> the key of the table of that id (tables with an id only). */
    private final Map<Long, String> byId = new HashMap<>();
    /** Since the {@link #mark}: the key of each table changed since -> its rows then (null: not there); null without a mark. */
    private Map<String, TableRows> saved;

    Collection<TableRows> values() {
        return Collections.unmodifiableCollection(tables.values());
    }

    TableRows get(String key) {
        return tables.get(key);
    }

    /** A copy of every table's rows. */
    Map<String, TableRows> copy() {
        return new HashMap<>(tables);
    }

    /**
     * Whether a table of this name (any schema, any case) may be there after a phase of {@code reach}:
     * one is remembered, and not every one of that name was dropped by the phase.
     */
    boolean mayHave(String name, Reach reach) {
        Set<String> keys = byName.get(lower(name));
        return keys != null && keys.stream().map(tables::get)
                .anyMatch(rows -> !reach.dropped(rows.table().schema(), rows.table().name()));
    }

    /** The keys of the tables that hold no rows. */
    Set<String> empty() {
        return Collections.unmodifiableSet(empty);
    }

    /** Whether a table holds rows. */
    boolean anyRows() {
        return tables.size() > empty.size();
    }

    /** Remembers the tables as they are now, for {@link #atMark}, until the next mark or {@link #unmark}. */
    void mark() {
        saved = new HashMap<>();
    }

    /** No tables as of a mark any more: {@link #atMark} finds none. */
    void unmark() {
        saved = null;
    }

    /** A table's rows at the {@link #mark}; null when there was none or there is no mark. */
    TableRows atMark(String key) {
        if (saved == null) {
            return null;
        }
        return saved.containsKey(key) ? saved.get(key) : tables.get(key);
    }

    /** The table of this catalog id at the {@link #mark}; null when there was none or there is no mark. */
    TableRows atMarkById(long id) {
        if (saved == null) {
            return null;
        }
        for (TableRows rows : saved.values()) {
            if (rows != null && rows.table().id() == id) {
                return rows;
            }
        }
        String key = byId.get(id);
        return key == null || saved.containsKey(key) ? null : tables.get(key);
    }

    /** The keys of the tables at the {@link #mark} whose name {@code reach} contains (all of them when it names all). */
    Set<String> atMarkKeys(Reach reach) {
        Set<String> keys = new HashSet<>();
        if (saved == null) {
            return keys;
        }
        if (reach.all()) {
            keys.addAll(tables.keySet());
        } else {
            for (String name : reach.names()) {
                keys.addAll(byName.getOrDefault(lower(name), Set.of()));
            }
        }
        saved.forEach((key, rows) -> {
            if (rows != null && reach.contains(rows.table().name())) {
                keys.add(key);
            }
        });
        keys.removeIf(key -> atMark(key) == null);
        return keys;
    }

    /** The table of this catalog id now, or null. */
    TableRows byId(long id) {
        String key = byId.get(id);
        return key == null ? null : tables.get(key);
    }

    void put(String key, TableRows rows) {
        remove(key);
        save(key);
        tables.put(key, rows);
        if (rows.all().isEmpty()) {
            empty.add(key);
        }
        if (rows.table().id() != 0) {
            byId.put(rows.table().id(), key);
        }
        byName.computeIfAbsent(lower(rows.table().name()), k -> new HashSet<>()).add(key);
        for (SeedTable.ForeignKey foreignKey : rows.table().foreignKeys()) {
            referrers.computeIfAbsent(lower(foreignKey.referencedTable()), k -> new HashSet<>()).add(key);
        }
    }

    void clear() {
        tables.keySet().forEach(this::save);
        tables.clear();
        empty.clear();
        byId.clear();
        byName.clear();
        referrers.clear();
    }

    /** Forgets the tables whose name {@code reach} contains. */
    void forget(Reach reach) {
        for (String name : reach.names()) {
            Set<String> keys = byName.get(lower(name));
            if (keys != null) {
                new HashSet<>(keys).forEach(this::remove);
            }
        }
    }

    /**
     * {@code names} (lower case) with the names of the tables whose foreign keys refer to one of
     * them, and so on (a cascade reaches them).
     */
    Set<String> withReferrers(Set<String> names) {
        Set<String> all = new HashSet<>(names);
        Deque<String> todo = new ArrayDeque<>(names);
        while (!todo.isEmpty()) {
            for (String key : referrers.getOrDefault(lower(todo.pop()), Set.of())) {
                String child = lower(tables.get(key).table().name());
                if (all.add(child)) {
                    todo.push(child);
                }
            }
        }
        return all;
    }

    private void remove(String key) {
        save(key);
        TableRows old = tables.remove(key);
        if (old == null) {
            return;
        }
        empty.remove(key);
        byId.remove(old.table().id(), key);
        unindex(byName, lower(old.table().name()), key);
        for (SeedTable.ForeignKey foreignKey : old.table().foreignKeys()) {
            unindex(referrers, lower(foreignKey.referencedTable()), key);
        }
    }

    /** Keeps the rows of {@code key} as they were at the mark, before they change for the first time since. */
    private void save(String key) {
        if (saved != null && !saved.containsKey(key)) {
            saved.put(key, tables.get(key));
        }
    }

    private static void unindex(Map<String, Set<String>> index, String name, String key) {
        Set<String> keys = index.get(name);
        if (keys != null) {
            keys.remove(key);
            if (keys.isEmpty()) {
                index.remove(name);
            }
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
