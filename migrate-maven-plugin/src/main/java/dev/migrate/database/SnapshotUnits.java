package dev.migrate.database;

import dev.migrate.schema.SchemaSnapshot;
import java.util.HashMap;
import java.util.Map;

/**
 * Snapshot entries grouped by the catalog object whose rows they come from (a "unit": a relation
 * with its columns, constraints, indexes and triggers; a type; a routine; a schema; an
 * extension), so that a unit read again replaces exactly what it held before.
 */
public final class SnapshotUnits {

    public static final int RELATION = 1;
    public static final int TYPE = 2;
    public static final int ROUTINE = 3;
    public static final int SCHEMA = 4;
    public static final int EXTENSION = 5;

    /** Unit -> what it holds. */
    public final Map<Long, SchemaSnapshot.Builder> units = new HashMap<>();
    /** Catalog object (class id and object id) -> the unit it belongs to. */
    public final Map<Long, Long> owners = new HashMap<>();

    public static long unit(int kind, long oid) {
        return ((long) kind << 32) | oid;
    }

    public static long object(long classId, long oid) {
        return (classId << 32) | oid;
    }

    /** The entries of {@code unit}, which owns the catalog object {@code classId}/{@code oid}. */
    public SchemaSnapshot.Builder in(long unit, long classId, long oid) {
        owners.put(object(classId, oid), unit);
        return units.computeIfAbsent(unit, u -> SchemaSnapshot.builder());
    }

    /** Every unit's entries as one snapshot. */
    public SchemaSnapshot snapshot() {
        return merged(units.values());
    }

    /** The entries of {@code units} as one snapshot (H2's units too). */
    public static SchemaSnapshot merged(java.util.Collection<SchemaSnapshot.Builder> units) {
        SchemaSnapshot.Builder all = SchemaSnapshot.builder();
        for (SchemaSnapshot.Builder unit : units) {
            unit.collectedObjects().forEach(all::put);
            unit.collectedOrder().forEach((table, columns) -> columns.forEach(column -> all.columnAt(table, column)));
        }
        return all.build();
    }
}
