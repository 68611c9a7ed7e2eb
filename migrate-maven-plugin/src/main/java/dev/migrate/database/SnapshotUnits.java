package dev.migrate.database;

import dev.migrate.schema.SchemaSnapshot;
import java.util.HashMap;
import java.util.Map;

/**
 * Snapshot entries grouped by the catalog object whose rows they come from (a "unit": a relation
 * with its columns, constraints, indexes and triggers; a type; a routine; a schema; an
 * extension), so that a unit read again replaces exactly what it held before.
 */
final class SnapshotUnits {

    static final int RELATION = 1;
    static final int TYPE = 2;
    static final int ROUTINE = 3;
    static final int SCHEMA = 4;
    static final int EXTENSION = 5;

    /** Unit -> what it holds. */
    final Map<Long, SchemaSnapshot.Builder> units = new HashMap<>();
    /** Catalog object (class id and object id) -> the unit it belongs to. */
    final Map<Long, Long> owners = new HashMap<>();

    static long unit(int kind, long oid) {
        return ((long) kind << 32) | oid;
    }

    static long object(long classId, long oid) {
        return (classId << 32) | oid;
    }

    /** The entries of {@code unit}, which owns the catalog object {@code classId}/{@code oid}. */
    SchemaSnapshot.Builder in(long unit, long classId, long oid) {
        owners.put(object(classId, oid), unit);
        return units.computeIfAbsent(unit, u -> SchemaSnapshot.builder());
    }

    /** Every unit's entries as one snapshot. */
    SchemaSnapshot snapshot() {
        return merged(units.values());
    }

    /** The entries of {@code units} as one snapshot (H2's units too). */
    static SchemaSnapshot merged(java.util.Collection<SchemaSnapshot.Builder> units) {
        SchemaSnapshot.Builder all = SchemaSnapshot.builder();
        for (SchemaSnapshot.Builder unit : units) {
            unit.collectedObjects().forEach(all::put);
            unit.collectedOrder().forEach((table, columns) -> columns.forEach(column -> all.columnAt(table, column)));
        }
        return all.build();
    }
}
