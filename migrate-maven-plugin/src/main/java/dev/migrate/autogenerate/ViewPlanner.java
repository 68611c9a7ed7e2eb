package dev.migrate.autogenerate;

import dev.migrate.database.DdlWriter;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import dev.migrate.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Views and materialized views. A view whose definition changes, or that reads a table whose
 * columns change type or go away, or another view that is rebuilt, is dropped before the change
 * and created again after it; views are created in dependency order and dropped in the reverse.
 * A materialized view takes its indexes and comments with it.
 */
final class ViewPlanner {

    private final Context c;
    private final DdlWriter w;
    private final TablePlanner tables;

    ViewPlanner(Context context, TablePlanner tables) {
        this.c = context;
        this.w = context.writer;
        this.tables = tables;
    }

    void plan() {
        Set<DbObject> views = new TreeSet<>(c.keys(Kind.VIEW));
        views.addAll(c.keys(Kind.MATERIALIZED_VIEW));
        Set<DbObject> rebuilt = new HashSet<>();
        for (DbObject view : views) {
            if (c.changed(view)) {
                rebuilt.add(view);
            }
        }
        // anything that reads a reshaped table or a rebuilt view is rebuilt too, in both snapshots' terms
        boolean grew = true;
        while (grew) {
            grew = false;
            for (DbObject view : views) {
                if (rebuilt.contains(view) || c.before(view) == null || c.after(view) == null) {
                    continue;
                }
                if (readsAny(view, c.head, c.reshapedTables, rebuilt) || readsAny(view, c.desired, c.reshapedTables,
                        rebuilt)) {
                    rebuilt.add(view);
                    grew = true;
                }
            }
        }
        Map<DbObject, Integer> depthBefore = depths(views, c.head);
        Map<DbObject, Integer> depthAfter = depths(views, c.desired);
        for (DbObject view : views) {
            boolean materialized = view.kind() == Kind.MATERIALIZED_VIEW;
            String name = c.name(view);
            String label = (materialized ? "materialized view " : "view ") + name;
            String drop = w.dropView(name, materialized);
            int before = depthBefore.getOrDefault(view, 0);
            int after = depthAfter.getOrDefault(view, 0);
            if (c.added(view)) {
                add(view, "create " + label, Step.CREATE_VIEW, create(c.desired, view), Step.DROP_VIEW,
                        listOf(drop), after, -after);
            } else if (c.removed(view)) {
                add(view, "drop " + label, Step.DROP_VIEW, listOf(drop), Step.CREATE_VIEW,
                        create(c.head, view), -before, before);
            } else if (rebuilt.contains(view)) {
                c.recreatedUp.add(view);
                c.recreatedDown.add(view);
                add(view, "drop " + label + " (created again below)", Step.DROP_VIEW, listOf(drop),
                        Step.CREATE_VIEW, create(c.head, view), -before, before);
                add(view, "create " + label + " again", Step.CREATE_VIEW, create(c.desired, view),
                        Step.DROP_VIEW, listOf(drop), after, -after);
            }
        }
        // indexes on materialized views that stay as they are
        for (DbObject index : c.keys(Kind.INDEX)) {
            DbObject view = Context.asKind(Context.table(index), Kind.MATERIALIZED_VIEW);
            if (!views.contains(view) || c.added(view) || c.removed(view) || rebuilt.contains(view)) {
                continue;
            }
            String before = c.before(index);
            String after = c.after(index);
            String drop = w.dropIndex(index.schema(), index.name());
            List<String> up = new ArrayList<>();
            List<String> down = new ArrayList<>();
            if (before != null && !before.equals(after)) {
                up.add(drop);
                down.add(tables.createIndex(index, before));
            }
            if (after != null && !after.equals(before)) {
                up.add(tables.createIndex(index, after));
                down.add(0, drop);
            }
            if (!up.isEmpty()) {
                add(index, "index " + index.name() + " on " + c.name(view), Step.CREATE_VIEW, up,
                        Step.CREATE_VIEW, down, Integer.MAX_VALUE, Integer.MAX_VALUE);
            }
        }
    }

    private void add(DbObject view, String summary, Step upStep, List<String> up, Step downStep, List<String> down,
            int upRank, int downRank) {
        if (up.contains(null) || down.contains(null)) {
            c.add(Change.todo(view, summary, "this database has no materialized views"));
        } else {
            c.add(Change.of(view, summary, upStep, up, downStep, down).withRanks(upRank, downRank));
        }
    }

    private static List<String> listOf(String sql) {
        List<String> list = new ArrayList<>();
        list.add(sql);
        return list;
    }

    /** CREATE VIEW, and for a materialized view its indexes. */
    private List<String> create(SchemaSnapshot snapshot, DbObject view) {
        boolean materialized = view.kind() == Kind.MATERIALIZED_VIEW;
        List<String> sql = new ArrayList<>();
        sql.add(w.createView(c.name(view), snapshot.objects().get(view), materialized));
        if (materialized) {
            Context.children(snapshot, Context.asKind(view, Kind.TABLE), Kind.INDEX)
                    .forEach((index, definition) -> sql.add(tables.createIndex(index, definition)));
        }
        return sql;
    }

    private boolean readsAny(DbObject view, SchemaSnapshot snapshot, Set<DbObject> tables, Set<DbObject> views) {
        String definition = snapshot.objects().get(view);
        if (definition == null) {
            return false;
        }
        for (DbObject table : tables) {
            if (mentions(definition, table)) {
                return true;
            }
        }
        for (DbObject other : views) {
            if (!other.equals(view) && mentions(definition, other)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a view definition names {@code relation}: a word match, which may see too much but not too little. */
    private static boolean mentions(String definition, DbObject relation) {
        return Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(relation.name()) + "\"?(?![\\w$])")
                .matcher(definition).find();
    }

    /** How many views each view reads through, so that readers are created after what they read. */
    private static Map<DbObject, Integer> depths(Set<DbObject> views, SchemaSnapshot snapshot) {
        Map<DbObject, Integer> depth = new HashMap<>();
        for (int round = 0; round < views.size() + 1; round++) {
            boolean moved = false;
            for (DbObject view : views) {
                String definition = snapshot.objects().get(view);
                if (definition == null) {
                    continue;
                }
                int mine = 0;
                for (DbObject other : views) {
                    if (!other.equals(view) && snapshot.objects().containsKey(other) && mentions(definition, other)) {
                        mine = Math.max(mine, depth.getOrDefault(other, 0) + 1);
                    }
                }
                if (mine != depth.getOrDefault(view, 0) && mine <= views.size()) {
                    depth.put(view, mine);
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        return depth;
    }
}
