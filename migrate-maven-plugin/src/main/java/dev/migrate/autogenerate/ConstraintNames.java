package dev.migrate.autogenerate;

import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import dev.migrate.schema.SchemaSnapshot;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
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
     * {@code other} with each constraint that {@code reference} lacks renamed to a constraint of
     * {@code reference} that {@code other} lacks, on the same table with the same definition, when
     * the database chose either of the two names; its comment moves with it.
     */
    static SchemaSnapshot matched(SchemaSnapshot reference, SchemaSnapshot other, Predicate<DbObject> namedByDatabase) {
        Map<List<String>, Deque<DbObject>> unmatched = new HashMap<>();
        reference.forEachObject((object, definition) -> {
            if (object.kind() == Kind.CONSTRAINT && other.definition(object) == null) {
                unmatched.computeIfAbsent(key(object, definition), k -> new ArrayDeque<>()).add(object);
            }
        });
        if (unmatched.isEmpty()) {
            return other;
        }
        Map<DbObject, String> renames = new HashMap<>();
        for (Map.Entry<DbObject, String> entry : other.objects().entrySet()) {
            DbObject object = entry.getKey();
            if (object.kind() != Kind.CONSTRAINT || reference.definition(object) != null) {
                continue;
            }
            Deque<DbObject> candidates = unmatched.getOrDefault(key(object, entry.getValue()), new ArrayDeque<>());
            DbObject match = candidates.stream().filter(c -> namedByDatabase.test(c) || namedByDatabase.test(object))
                    .findFirst().orElse(null);
            if (match != null) {
                candidates.remove(match);
                renames.put(object, null);
                renames.put(match, entry.getValue());
                DbObject comment = comment(object);
                String text = other.definition(comment);
                if (text != null) {
                    renames.put(comment, null);
                    renames.put(comment(match), text);
                }
            }
        }
        return renames.isEmpty() ? other : other.patched(renames, Map.of());
    }

    private static List<String> key(DbObject constraint, String definition) {
        return List.of(Objects.toString(constraint.schema()), Objects.toString(constraint.owner()), definition);
    }

    private static DbObject comment(DbObject constraint) {
        return new DbObject(Kind.COMMENT, constraint.schema(), null, "constraint " + constraint.name() + " on "
                + constraint.owner());
    }
}
