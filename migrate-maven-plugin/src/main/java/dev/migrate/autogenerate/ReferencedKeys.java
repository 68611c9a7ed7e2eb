package dev.migrate.autogenerate;

import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import dev.migrate.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Foreign keys that stay while a unique key they reference is dropped: PostgreSQL refuses to drop
 * the index a foreign key depends on ("cannot drop index ... because other objects depend on it"),
 * H2 the unique constraint one references ("is used by constraint"), MariaDB an index one needs
 * unless the same statement gives it another ({@link IndexSwaps} writes that where it can). Such a
 * foreign key is dropped before the keys and added again after them, in the direction that drops
 * the key. A foreign key that changes itself is dropped first and added last already.
 */
final class ReferencedKeys {

    private final Context c;

    ReferencedKeys(Context context) {
        this.c = context;
    }

    void readd() {
        readd(true);
        readd(false);
    }

    private void readd(boolean up) {
        SchemaSnapshot from = up ? c.head : c.desired;
        SchemaSnapshot to = up ? c.desired : c.head;
        List<DbObject> dropped = new ArrayList<>();
        for (Change change : c.changes) {
            Step step = change.step(up);
            if (!change.isTodo() && !change.statements(up).isEmpty()
                    && (step == Step.DROP_INDEX || step == Step.DROP_CONSTRAINT) && KeyColumns.isUnique(change.object(),
                            from.objects().get(change.object()))) {
                dropped.add(change.object());
            }
        }
        if (dropped.isEmpty()) {
            return;
        }
        for (DbObject key : c.keys(Kind.CONSTRAINT)) {
            String definition = from.objects().get(key);
            if (definition == null || !TablePlanner.isForeignKey(definition) || !definition.equals(to.objects().get(
                    key)) || dropped.stream().noneMatch(unique -> KeyColumns.serves(from.objects().get(unique),
                            Context.table(unique), definition, key))) {
                continue;
            }
            String table = c.name(Context.table(key));
            String label = "foreign key " + c.writer.quote(key.name()) + " on " + table;
            c.add(oneWay(key, "drop " + label + " while the key it references is replaced", Step.DROP_FOREIGN_KEY,
                    c.writer.dropConstraint(table, key.name()), up));
            c.add(oneWay(key, "add " + label + " again", Step.ADD_FOREIGN_KEY, c.writer.addConstraint(table,
                    key.name(), definition), up));
            (up ? c.recreatedUp : c.recreatedDown).add(key);
        }
    }

    /** A change with {@code sql} in the upgrade ({@code up}) or the downgrade only. */
    private static Change oneWay(DbObject key, String summary, Step step, String sql, boolean up) {
        return Change.of(key, summary, step, up ? List.of(sql) : List.of(), step, up ? List.of() : List.of(sql));
    }
}
