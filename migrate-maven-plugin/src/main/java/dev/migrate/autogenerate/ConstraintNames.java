package dev.migrate.autogenerate;

import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import dev.migrate.schema.SchemaSnapshot;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Matches constraints whose names the database chose (declared without one: H2 numbers them after
 * its other objects) by what they are rather than by name: the same primary key or check gets
 * another number in a database built in another order, which is no difference to write or report.
 */
final class ConstraintNames {

    private ConstraintNames() {
    }

    /**
     * {@code other} with each constraint that {@code reference} lacks (or holds with another
     * definition) renamed to such a constraint of {@code reference}, on the same table with the same
     * definition, when the database chose either of the two names; its comment moves with it.
     */
    static SchemaSnapshot matched(SchemaSnapshot reference, SchemaSnapshot other, Predicate<DbObject> namedByDatabase) {
        Map<List<String>, Deque<DbObject>> unmatched = new HashMap<>();
        reference.forEachObject((object, definition) -> {
            if (object.kind() == Kind.CONSTRAINT && !definition.equals(other.definition(object))) {
                unmatched.computeIfAbsent(key(object, definition), k -> new ArrayDeque<>()).add(object);
            }
        });
        if (unmatched.isEmpty()) {
            return other;
        }
        Map<DbObject, DbObject> renames = new LinkedHashMap<>();
        for (Map.Entry<DbObject, String> entry : other.objects().entrySet()) {
            DbObject object = entry.getKey();
            if (object.kind() != Kind.CONSTRAINT || entry.getValue().equals(reference.definition(object))) {
                continue;
            }
            Deque<DbObject> candidates = unmatched.getOrDefault(key(object, entry.getValue()), new ArrayDeque<>());
            candidates.stream().filter(c -> namedByDatabase.test(c) || namedByDatabase.test(object)).findFirst()
                    .ifPresent(match -> {
                        candidates.remove(match);
                        renames.put(object, match);
                    });
        }
        // a name taken in other by a constraint that keeps it cannot be given to another one
        renames.values().removeIf(target -> other.definition(target) != null && !renames.containsKey(target));
        if (renames.isEmpty()) {
            return other;
        }
        Map<DbObject, String> changes = new HashMap<>();
        renames.keySet().forEach(source -> {
            changes.put(source, null);
            changes.put(comment(source), null);
        });
        renames.forEach((source, target) -> {
            changes.put(target, other.definition(source));
            changes.put(comment(target), other.definition(comment(source)));
        });
        return other.patched(changes, Map.of());
    }

    private static List<String> key(DbObject constraint, String definition) {
        return List.of(Objects.toString(constraint.schema()), Objects.toString(constraint.owner()), definition);
    }

    private static DbObject comment(DbObject constraint) {
        return new DbObject(Kind.COMMENT, constraint.schema(), null, "constraint " + constraint.name() + " on "
                + constraint.owner());
    }
}
