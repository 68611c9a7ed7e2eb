package dev.migrate.autogenerate;

import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import dev.migrate.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Indexes of a table with foreign keys, or that foreign keys reference, that one direction drops and
 * creates, in one statement where the writer wants them together: MySQL refuses to drop the index a
 * foreign key uses, at either end ("needed in a foreign key constraint"), until another one serves
 * it, and a separate DROP INDEX runs before the CREATE INDEX that would. The drops and creates of
 * one table become one statement, both ways, and the foreign key moves to the new index.
 */
final class IndexSwaps {

    private final Context c;

    IndexSwaps(Context context) {
        this.c = context;
    }

    void combine() {
        swap(true);
        swap(false);
        OneStatement.dropEmptied(c);
    }

    private void swap(boolean up) {
        SchemaSnapshot from = up ? c.head : c.desired;
        SchemaSnapshot to = up ? c.desired : c.head;
        Map<DbObject, List<Integer>> drops = new LinkedHashMap<>();
        Map<DbObject, List<Integer>> creates = new LinkedHashMap<>();
        for (int i = 0; i < c.changes.size(); i++) {
            Change change = c.changes.get(i);
            Step step = change.step(up);
            if (change.isTodo() || change.statements(up).isEmpty() || !isKey(change.object(), from, to)) {
                continue;
            }
            if (step == Step.DROP_INDEX || step == Step.DROP_CONSTRAINT) {
                drops.computeIfAbsent(Context.table(change.object()), t -> new ArrayList<>()).add(i);
            } else if (step == Step.CREATE_INDEX || step == Step.ADD_CONSTRAINT) {
                creates.computeIfAbsent(Context.table(change.object()), t -> new ArrayList<>()).add(i);
            }
        }
        drops.forEach((table, dropped) -> {
            List<Integer> created = creates.get(table);
            if (created != null && (hasForeignKey(from, table) || isReferenced(from, table))
                    && columnsStay(dropped, from, to)) {
                join(table, dropped, created, up);
            }
        });
    }

    /** Whether {@code object} is an index, primary key or unique key (not a check) at either end. */
    private static boolean isKey(DbObject object, SchemaSnapshot from, SchemaSnapshot to) {
        if (object.kind() == Kind.INDEX) {
            return true;
        }
        if (object.kind() != Kind.CONSTRAINT) {
            return false;
        }
        for (SchemaSnapshot snapshot : List.of(from, to)) {
            String definition = snapshot.objects().get(object);
            if (definition != null && !definition.startsWith("PRIMARY KEY") && !definition.startsWith("UNIQUE")) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasForeignKey(SchemaSnapshot snapshot, DbObject table) {
        return Context.children(snapshot, table, Kind.CONSTRAINT).values().stream()
                .anyMatch(definition -> definition.startsWith("FOREIGN KEY"));
    }

    /** Whether a foreign key of any table references {@code table}: MySQL wants an index for it there too. */
    private static boolean isReferenced(SchemaSnapshot snapshot, DbObject table) {
        return snapshot.objects().entrySet().stream().anyMatch(e -> e.getKey().kind() == Kind.CONSTRAINT
                && TablePlanner.isForeignKey(e.getValue()) && KeyColumns.references(e.getValue(), e.getKey(), table));
    }

    /**
     * Whether every column of the dropped keys is the same at both ends: the drop then may run
     * where the creates do, after the columns have changed.
     */
    private boolean columnsStay(List<Integer> dropped, SchemaSnapshot from, SchemaSnapshot to) {
        for (int k : dropped) {
            DbObject key = c.changes.get(k).object();
            DbObject table = Context.table(key);
            String definition = from.objects().get(key);
            if (definition == null) {
                return false;
            }
            for (Map.Entry<String, String> column : Context.columns(from, table).entrySet()) {
                DbObject object = new DbObject(Kind.COLUMN, table.schema(), table.name(), column.getKey());
                if (KeyColumns.names(definition, column.getKey())
                        && !Objects.equals(column.getValue(), to.objects().get(object))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The {@code dropped} keys' statements of one direction, then the {@code created} ones', as one
     * statement in the first create's place: the foreign key must have an index when it ends.
     */
    private void join(DbObject table, List<Integer> dropped, List<Integer> created, boolean up) {
        List<Integer> parts = new ArrayList<>(dropped);
        parts.addAll(created);
        OneStatement.fold(c, table, up, parts, created.get(0));
    }
}
