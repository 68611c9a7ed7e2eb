package dev.migrate.autogenerate;

import dev.migrate.database.ColumnSpec;
import dev.migrate.database.DdlWriter;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import dev.migrate.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tables, their columns and defaults, constraints and indexes.
 *
 * <p>About 300 lines: a column's place, type, default and constraints are planned together, since
 * each one's statement depends on the others (a column added in place, a key moved with it).
 */
final class TablePlanner {

    private final Context c;
    private final DdlWriter w;

    TablePlanner(Context context) {
        this.c = context;
        this.w = context.writer;
    }

    void plan() {
        for (DbObject table : c.keys(Kind.TABLE)) {
            if (c.added(table)) {
                c.add(Change.of(table, "create table " + c.name(table), Step.CREATE_TABLE, List.of(create(c.desired, table)),
                        Step.DROP_TABLE, List.of(w.dropTable(c.name(table)))));
            } else if (c.removed(table)) {
                c.add(Change.of(table, "drop table " + c.name(table), Step.DROP_TABLE, List.of(w.dropTable(c.name(table))),
                        Step.CREATE_TABLE, List.of(create(c.head, table))));
            } else if (c.changed(table)) {
                c.add(Change.todo(table, "table " + c.name(table), "its storage differs (" + c.before(table) + " -> "
                        + c.after(table) + "); write ALTER TABLE ... SET (...) or the partitioning change by hand"));
            }
        }
        columns();
        constraints();
        indexes();
        new RenameInference(c).infer();
        renames();
    }

    private boolean tableIn(SchemaSnapshot snapshot, DbObject table) {
        return snapshot.objects().containsKey(table);
    }

    private boolean bothHave(DbObject table) {
        return tableIn(c.head, table) && tableIn(c.desired, table);
    }

    /** CREATE TABLE with columns, defaults and the constraints that sit inside it (not foreign keys). */
    private String create(SchemaSnapshot snapshot, DbObject table) {
        List<String> columns = new ArrayList<>();
        Context.columns(snapshot, table).forEach((column, definition) -> columns.add(w.column(column,
                ColumnSpec.parse(definition), snapshot.objects().get(new DbObject(Kind.DEFAULT, table.schema(),
                        table.name(), column)))));
        List<String> constraints = new ArrayList<>();
        Context.children(snapshot, table, Kind.CONSTRAINT).forEach((constraint, definition) -> {
            if (!isForeignKey(definition) && !definition.startsWith("NOT NULL")) {
                constraints.add(w.tableConstraintClause(constraint.name(), definition));
            }
        });
        return w.createTable(c.name(table), snapshot.objects().get(table), columns, constraints);
    }

    static boolean isForeignKey(String definition) {
        return definition.startsWith("FOREIGN KEY");
    }

    /**
     * Column keys table by table, each table's in the desired order (then the head's for dropped
     * ones): added columns are written in the order the desired table has them, not by name.
     */
    private List<DbObject> columnsInDesiredOrder() {
        List<DbObject> columns = new ArrayList<>(c.keys(Kind.COLUMN));
        columns.sort(java.util.Comparator.comparing(Context::table, java.util.Comparator.nullsFirst(
                java.util.Comparator.naturalOrder())).thenComparingInt(this::position));
        return columns;
    }

    private int position(DbObject column) {
        DbObject table = Context.table(column);
        int desired = c.desired.columnOrder().getOrDefault(table, List.of()).indexOf(column.name());
        if (desired >= 0) {
            return desired;
        }
        return 100_000 + c.head.columnOrder().getOrDefault(table, List.of()).indexOf(column.name());
    }

    /**
     * ADD COLUMN for a new column: before the next column of the desired table that already exists,
     * where the database can place a column, else at the end.
     */
    private String addColumn(DbObject table, DbObject column, String definition, String defaultExpression) {
        List<String> desired = c.desired.columnOrder().getOrDefault(table, List.of());
        List<String> head = c.head.columnOrder().getOrDefault(table, List.of());
        String after = addColumnAfter(table, column, definition, defaultExpression, desired);
        if (after != null) {
            return after;
        }
        int at = desired.indexOf(column.name());
        for (int i = at + 1; at >= 0 && i < desired.size(); i++) {
            if (head.contains(desired.get(i))) {
                String placed = w.addColumnBefore(c.name(table), column.name(), ColumnSpec.parse(definition),
                        defaultExpression, desired.get(i));
                if (placed != null) {
                    return placed;
                }
                break;
            }
        }
        return w.addColumn(c.name(table), column.name(), ColumnSpec.parse(definition), defaultExpression);
    }

    /**
     * ADD COLUMN right after the column before it in {@code order} (the order the section leaves the
     * table in), first when none is, where the database places columns so; else null. That column
     * exists by then: it was there before, or is added earlier in the same section (columns are
     * added in that order).
     */
    private String addColumnAfter(DbObject table, DbObject column, String definition, String defaultExpression,
            List<String> order) {
        int at = order.indexOf(column.name());
        if (at < 0) {
            return null;
        }
        return w.addColumnAfter(c.name(table), column.name(), ColumnSpec.parse(definition), defaultExpression,
                at == 0 ? null : order.get(at - 1));
    }

    private void columns() {
        for (DbObject column : columnsInDesiredOrder()) {
            DbObject table = Context.table(column);
            if (!bothHave(table)) {
                continue; // created or dropped with its table, or an attribute of a composite type
            }
            String name = c.name(table);
            DbObject defaultKey = new DbObject(Kind.DEFAULT, column.schema(), column.owner(), column.name());
            String before = c.before(column);
            String after = c.after(column);
            String label = "column " + name + "." + w.quote(column.name());
            if (before == null) {
                c.add(Change.of(column, "add " + label, Step.ADD_COLUMN, List.of(addColumn(table, column, after,
                        c.after(defaultKey))), Step.DROP_COLUMN,
                        List.of(w.dropColumn(name, column.name()))));
            } else if (after == null) {
                c.reshapedTables.add(table);
                c.add(Change.of(column, "drop " + label, Step.DROP_COLUMN, List.of(w.dropColumn(name, column.name())),
                        Step.ADD_COLUMN, List.of(Objects.requireNonNullElseGet(addColumnAfter(table, column, before,
                                c.before(defaultKey), c.head.columnOrder().getOrDefault(table, List.of())),
                                () -> w.addColumn(name, column.name(), ColumnSpec.parse(before),
                                        c.before(defaultKey))))));
            } else if (!before.equals(after) || !Objects.equals(c.before(defaultKey), c.after(defaultKey))) {
                ColumnSpec from = ColumnSpec.parse(before);
                ColumnSpec to = ColumnSpec.parse(after);
                if (!Objects.equals(from.generated(), to.generated())) {
                    c.add(Change.todo(column, label, "its generation expression changes; drop and add the column"
                            + " (its values are recomputed) by hand"));
                    continue;
                }
                if (!from.type().equals(to.type()) || !Objects.equals(from.collation(), to.collation())) {
                    c.reshapedTables.add(table);
                }
                List<String> up = alter(name, column.name(), from, c.before(defaultKey), to, c.after(defaultKey));
                List<String> down = alter(name, column.name(), to, c.after(defaultKey), from, c.before(defaultKey));
                if (up.contains(null) || down.contains(null)) {
                    c.add(Change.todo(column, label, "this database cannot change the column's identity in place"));
                } else {
                    c.add(Change.of(column, "alter " + label, Step.ALTER_COLUMN, up, Step.ALTER_COLUMN, down));
                }
            }
        }
    }

    /** The statements that turn one column definition into another, a default in the way dropped first. */
    private List<String> alter(String table, String column, ColumnSpec from, String fromDefault, ColumnSpec to,
            String toDefault) {
        List<String> sql = new ArrayList<>();
        boolean identityChanges = !Objects.equals(from.identity(), to.identity());
        // a writer that changes an identity only with the whole column (MySQL's AUTO_INCREMENT) restates it
        boolean restate = identityChanges && w.identity(table, column, to.identityGeneration()) == null
                && w.restateColumn(table, column, to) != null;
        boolean retype = restate || !from.type().equals(to.type()) || !Objects.equals(from.collation(), to.collation());
        if (!restate && from.identity() != null && identityChanges) {
            sql.add(w.identity(table, column, null));
        }
        String currentDefault = fromDefault;
        if (retype && fromDefault != null) {
            sql.add(w.dropDefault(table, column));
            currentDefault = null;
        }
        if (retype) {
            sql.add(restate ? w.restateColumn(table, column, to) : w.alterType(table, column, from, to));
        }
        if (!Objects.equals(currentDefault, toDefault)) {
            sql.add(toDefault == null ? w.dropDefault(table, column) : w.setDefault(table, column, toDefault));
        }
        // identity needs NOT NULL before it is added, and leaves it when dropped: this order fits both
        if (from.notNull() != to.notNull()) {
            sql.add(w.setNotNull(table, column, to.notNull()));
        }
        if (!restate && to.identity() != null && identityChanges) {
            sql.add(w.identity(table, column, to.identityGeneration()));
        }
        return sql;
    }

    private void constraints() {
        for (DbObject constraint : c.keys(Kind.CONSTRAINT)) {
            DbObject owner = constraint.parent();
            if (owner == null || owner.kind() != Kind.TABLE) {
                continue; // domain constraints go with their domain
            }
            String before = c.before(constraint);
            String after = c.after(constraint);
            String definition = after != null ? after : before;
            if (definition.startsWith("NOT NULL") && !isForeignKey(definition)) {
                continue; // PostgreSQL 18 lists NOT NULL as a constraint; the column carries it
            }
            boolean foreign = isForeignKey(definition);
            if (!foreign && !bothHave(owner)) {
                continue; // written inside CREATE TABLE, dropped with DROP TABLE
            }
            String table = c.name(owner);
            String label = "constraint " + w.quote(constraint.name()) + " on " + table;
            Step add = foreign ? Step.ADD_FOREIGN_KEY : Step.ADD_CONSTRAINT;
            Step drop = foreign ? Step.DROP_FOREIGN_KEY : Step.DROP_CONSTRAINT;
            String dropSql = w.dropConstraint(table, constraint.name());
            if (before == null) {
                c.add(Change.of(constraint, "add " + label, add, List.of(w.addConstraint(table, constraint.name(), after)),
                        drop, foreign || tableIn(c.head, owner) ? List.of(dropSql) : List.of()));
            } else if (after == null) {
                // foreign keys go explicitly, so that tables that reference each other drop in any order
                c.add(Change.of(constraint, "drop " + label, drop, foreign || tableIn(c.desired, owner) ? List.of(dropSql)
                        : List.of(), add, List.of(w.addConstraint(table, constraint.name(), before))));
            } else if (!before.equals(after)) {
                c.recreatedUp.add(constraint);
                c.recreatedDown.add(constraint);
                c.add(Change.of(constraint, "replace " + label, drop, List.of(dropSql), add,
                        List.of(w.addConstraint(table, constraint.name(), before))));
                c.add(Change.of(constraint, "replace " + label, add, List.of(w.addConstraint(table, constraint.name(),
                        after)), drop, List.of(dropSql)));
            }
        }
    }

    private void indexes() {
        for (DbObject index : c.keys(Kind.INDEX)) {
            DbObject table = Context.table(index);
            if (isOnMaterializedView(table)) {
                continue; // recreated with their materialized view
            }
            String before = c.before(index);
            String after = c.after(index);
            String label = "index " + w.name(index.schema(), index.name());
            String drop = w.dropIndex(index.schema(), index.name(), c.name(table));
            if (before == null) {
                c.add(Change.of(index, "create " + label, Step.CREATE_INDEX, List.of(createIndex(index, after)),
                        Step.DROP_INDEX, tableIn(c.head, table) ? List.of(drop) : List.of()));
            } else if (after == null) {
                c.add(Change.of(index, "drop " + label, Step.DROP_INDEX, tableIn(c.desired, table) ? List.of(drop)
                        : List.of(), Step.CREATE_INDEX, List.of(createIndex(index, before))));
            } else if (!before.equals(after)) {
                c.recreatedUp.add(index);
                c.recreatedDown.add(index);
                c.add(Change.of(index, "replace " + label, Step.DROP_INDEX, List.of(drop), Step.CREATE_INDEX,
                        List.of(createIndex(index, before))));
                c.add(Change.of(index, "replace " + label, Step.CREATE_INDEX, List.of(createIndex(index, after)),
                        Step.DROP_INDEX, List.of(drop)));
            }
        }
    }

    private boolean isOnMaterializedView(DbObject table) {
        DbObject view = Context.asKind(table, Kind.MATERIALIZED_VIEW);
        return c.head.objects().containsKey(view) || c.desired.objects().containsKey(view);
    }

    String createIndex(DbObject index, String definition) {
        DbObject table = Context.table(index);
        return w.createIndex(index.schema(), index.name(), c.name(table), definition);
    }

    /** A table or column dropped while another appears in the same place may be a rename: say how to write one. */
    private void renames() {
        List<Change> dropped = c.changes.stream().filter(ch -> ch.summary().startsWith("drop column")
                || ch.summary().startsWith("drop table")).toList();
        for (Change drop : dropped) {
            DbObject gone = drop.object();
            c.changes.stream().filter(ch -> ch.object().kind() == gone.kind() && ch.summary().startsWith(
                    gone.kind() == Kind.TABLE ? "create table" : "add column")
                    && (gone.kind() == Kind.TABLE ? Objects.equals(ch.object().schema(), gone.schema())
                            : Objects.equals(Context.table(ch.object()), Context.table(gone))))
                    .findFirst().ifPresent(add -> {
                        String advice = gone.kind() == Kind.TABLE
                                ? "ALTER TABLE " + c.name(gone) + " RENAME TO " + w.quote(add.object().name())
                                : "ALTER TABLE " + c.name(Context.table(gone)) + " RENAME COLUMN "
                                        + w.quote(gone.name()) + " TO " + w.quote(add.object().name());
                        int at = c.changes.indexOf(drop);
                        c.changes.set(at, drop.withWarning(drop.summary() + " and " + add.summary() + " may be a rename,"
                                + " which two schemas cannot show: if it is one, replace both with " + advice
                                + " (and the reverse in the downgrade) so the data is kept"));
                    });
        }
    }

}
