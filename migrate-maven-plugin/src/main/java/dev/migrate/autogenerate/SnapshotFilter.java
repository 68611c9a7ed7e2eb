package dev.migrate.autogenerate;

import dev.migrate.schema.DbObject;
import dev.migrate.schema.SchemaSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What autogenerate and check leave out of both sides of a comparison: the objects named by
 * {@code migrate.ignore} patterns, and, when the desired schema comes from JPA entities, the kinds
 * of object entities cannot describe (views, routines, triggers, extensions), which the revisions
 * own. Left out of both sides, such an object is never dropped by a generated revision, and is no
 * difference for check.
 *
 * @param entitiesOnly whether the desired schema is the entities' (the revisions' views and
 *     routines are then no one's business but the revisions')
 * @param ignore name patterns, {@code *} and {@code ?} wildcards, case-insensitive; a pattern naming a
 *     table covers its columns, constraints, indexes and triggers too
 */
public record SnapshotFilter(boolean entitiesOnly, List<String> ignore) {

    /** Nothing left out. */
    public static final SnapshotFilter NONE = new SnapshotFilter(false, List.of());

    private static final Set<DbObject.Kind> BEYOND_ENTITIES = Set.of(DbObject.Kind.VIEW,
            DbObject.Kind.MATERIALIZED_VIEW, DbObject.Kind.FUNCTION, DbObject.Kind.PROCEDURE, DbObject.Kind.TRIGGER,
            DbObject.Kind.STATISTICS, DbObject.Kind.EXTENSION);

    public SnapshotFilter {
        ignore = ignore.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** Patterns from a comma-separated {@code migrate.ignore} value (null or blank: none). */
    public static List<String> patterns(String commaSeparated) {
        return commaSeparated == null ? List.of() : List.of(commaSeparated.split(","));
    }

    public boolean isNone() {
        return !entitiesOnly && ignore.isEmpty();
    }

    /** {@code snapshot} without the objects left out (the same snapshot when nothing is). */
    public SchemaSnapshot apply(SchemaSnapshot snapshot) {
        if (isNone()) {
            return snapshot;
        }
        List<Pattern> patterns = ignore.stream().map(SnapshotFilter::glob).toList();
        SchemaSnapshot.Builder kept = SchemaSnapshot.builder();
        snapshot.forEachObject((object, definition) -> {
            if (!leftOut(object, patterns)) {
                kept.put(object, definition);
            }
        });
        snapshot.forEachColumnOrder((relation, columns) -> {
            if (!leftOut(relation, patterns)) {
                columns.forEach(column -> kept.columnAt(relation, column));
            }
        });
        return kept.build();
    }

    /**
     * With entities, {@code desired}'s tables with their columns in {@code head}'s order, new columns
     * last: Hibernate lists a table's columns alphabetically, an order JPA gives no meaning to, so
     * it is no reason to rebuild a table (without entities, {@code desired} as it is).
     */
    public SchemaSnapshot inOrderOf(SchemaSnapshot head, SchemaSnapshot desired) {
        if (!entitiesOnly) {
            return desired;
        }
        java.util.Map<DbObject, List<String>> reordered = new java.util.HashMap<>();
        desired.forEachColumnOrder((table, columns) -> {
            List<String> before = head.columnsOf(table);
            if (before != null) {
                List<String> order = new java.util.ArrayList<>(before.stream().filter(columns::contains).toList());
                columns.stream().filter(c -> !order.contains(c)).forEach(order::add);
                if (!order.equals(columns)) {
                    reordered.put(table, order);
                }
            }
        });
        return reordered.isEmpty() ? desired : desired.patched(java.util.Map.of(), reordered);
    }

    private boolean leftOut(DbObject object, List<Pattern> patterns) {
        DbObject parent = object.parent();
        if (entitiesOnly && (BEYOND_ENTITIES.contains(object.kind()) || parent != null && BEYOND_ENTITIES.contains(
                parent.kind()) || object.kind() == DbObject.Kind.COMMENT && commentOnRoutineOrView(object.name()))) {
            return true;
        }
        for (Pattern pattern : patterns) {
            if (matches(pattern, object) || parent != null && matches(pattern, parent)) {
                return true;
            }
        }
        return false;
    }

    private static boolean commentOnRoutineOrView(String on) {
        return on.startsWith("view ") || on.startsWith("materialized view ") || on.startsWith("function ")
                || on.startsWith("procedure ") || on.startsWith("trigger ") || on.startsWith("extension ");
    }

    private static boolean matches(Pattern pattern, DbObject object) {
        String name = object.name().toLowerCase(Locale.ROOT);
        if (pattern.matcher(name).matches()) {
            return true;
        }
        return object.schema() != null && pattern.matcher(object.schema().toLowerCase(Locale.ROOT) + "." + name)
                .matches();
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
