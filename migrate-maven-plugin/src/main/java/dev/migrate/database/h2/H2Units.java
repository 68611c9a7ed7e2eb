package dev.migrate.database.h2;

import dev.migrate.database.SnapshotUnits;
import dev.migrate.schema.SchemaSnapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * H2 snapshot entries grouped by what they belong to (a "unit"): a table or view with its
 * columns, constraints, indexes, triggers and comments; a sequence; a schema; a routine or a
 * domain. A unit read again replaces exactly what it held. Names are the catalog's own.
 */
final class H2Units {

    static final char RELATION = 'T';
    static final char SEQUENCE = 'Q';

    /** Unit -> what it holds. */
    final Map<String, SchemaSnapshot.Builder> units = new HashMap<>();
    /** Index or constraint name -> the relation unit it belongs to. */
    final Map<String, String> owners = new HashMap<>();
    /** Relation unit -> the relation units whose foreign keys reference it. */
    final Map<String, Set<String>> referencedBy = new HashMap<>();

    static String relation(String schema, String table) {
        return RELATION + schema + '\u0000' + table;
    }

    static String sequence(String schema, String name) {
        return SEQUENCE + schema + '\u0000' + name;
    }

    static String schema(String schema) {
        return "S" + schema;
    }

    /** A routine or a domain. */
    static String other(String schema, String name) {
        return "O" + schema + '\u0000' + name;
    }

    /** The schema and table of a relation unit. */
    static String[] names(String relation) {
        int split = relation.indexOf('\u0000');
        return new String[] {relation.substring(1, split), relation.substring(split + 1)};
    }

    SchemaSnapshot.Builder unit(String key) {
        return units.computeIfAbsent(key, k -> SchemaSnapshot.builder());
    }

    void referencedBy(String referenced, String referencing) {
        referencedBy.computeIfAbsent(referenced, k -> new HashSet<>()).add(referencing);
    }

    /** Every unit's entries as one snapshot. */
    SchemaSnapshot snapshot() {
        return SnapshotUnits.merged(units.values());
    }
}
