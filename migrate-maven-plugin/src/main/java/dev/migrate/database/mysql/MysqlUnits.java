package dev.migrate.database.mysql;

import dev.migrate.schema.SchemaSnapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Snapshot entries grouped by what a statement can name: a relation (a table with its columns,
 * keys, indexes, checks, foreign keys and triggers; a view; a sequence) or all routines together,
 * so that a relation read again replaces exactly what it held. Also what a statement may name
 * instead of the relation: the names of its triggers ({@code DROP TRIGGER} names no table; an
 * index or a constraint is named only with its table, in {@code ALTER TABLE} or
 * {@code DROP INDEX ... ON}), and the tables its foreign keys reference.
 */
final class MysqlUnits {

    /** What a table may hold that only some tables hold, each read by a query of its own. */
    enum Part { TRIGGERS, CHECKS, FOREIGN_KEYS }

    /** The unit of every function and procedure: no relation can be named so. */
    static final String ROUTINES = "\u0000routines";

    /** Relation (as the catalog stores its name) or {@link #ROUTINES} -> what it holds. */
    final Map<String, SchemaSnapshot.Builder> units = new HashMap<>();
    /**
     * Relation -> the lower-cased names of its triggers. Not its indexes' and constraints': words
     * such as {@code primary} or a column's name (MariaDB names a column's check after the column)
     * would reach every table from every statement that says them.
     */
    final Map<String, Set<String>> owned = new HashMap<>();
    /** Relation -> the lower-cased names of the tables its foreign keys reference. */
    final Map<String, Set<String>> references = new HashMap<>();

    /** Relation -> the parts it holds. */
    final Map<String, Set<Part>> parts = new HashMap<>();

    /** Notes that {@code relation} holds {@code part}. */
    void holds(String relation, Part part) {
        parts.computeIfAbsent(relation, r -> java.util.EnumSet.noneOf(Part.class)).add(part);
    }

    SchemaSnapshot.Builder of(String unit) {
        return units.computeIfAbsent(unit, u -> SchemaSnapshot.builder());
    }

    /** Notes that {@code name} (a trigger) belongs to {@code relation}. */
    void owns(String relation, String name) {
        owned.computeIfAbsent(relation, r -> new HashSet<>()).add(name.toLowerCase(Locale.ROOT));
    }

    void references(String relation, String table) {
        references.computeIfAbsent(relation, r -> new HashSet<>()).add(table.toLowerCase(Locale.ROOT));
    }

    /** Every unit's entries as one snapshot. */
    SchemaSnapshot snapshot() {
        return dev.migrate.database.SnapshotUnits.merged(units.values());
    }
}
