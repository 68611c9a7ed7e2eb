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
 * phase reached are found at the cost of what it reached, not of how many tables there are.
 */
final class RowsMemory {

    private final Map<String, TableRows> tables = new HashMap<>();
    /** Lower-case table name -> the keys (schema.table) of the tables of that name. */
    private final Map<String, Set<String>> byName = new HashMap<>();
    /** Lower-case name of a referenced table -> the keys of the tables whose foreign keys refer to it. */
    private final Map<String, Set<String>> referrers = new HashMap<>();

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

    void put(String key, TableRows rows) {
        remove(key);
        tables.put(key, rows);
        byName.computeIfAbsent(lower(rows.table().name()), k -> new HashSet<>()).add(key);
        for (SeedTable.ForeignKey foreignKey : rows.table().foreignKeys()) {
            referrers.computeIfAbsent(lower(foreignKey.referencedTable()), k -> new HashSet<>()).add(key);
        }
    }

    void clear() {
        tables.clear();
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
        TableRows old = tables.remove(key);
        if (old == null) {
            return;
        }
        unindex(byName, lower(old.table().name()), key);
        for (SeedTable.ForeignKey foreignKey : old.table().foreignKeys()) {
            unindex(referrers, lower(foreignKey.referencedTable()), key);
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
