package dev.migrate.autogenerate;

import dev.migrate.database.ColumnSpec;
import dev.migrate.database.DdlWriter;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import dev.migrate.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a dropped and an added table of the same shape (columns, defaults, constraints and indexes,
 * names included or differing only by the table's name) into a rename, and likewise a dropped and
 * an added column of one table with the same definition and default: a drop and an add would lose
 * the rows. Each inferred rename is proven like any change and carries a warning saying how to
 * write a drop and an add instead.
 */
final class RenameInference {

    private final Context c;
    private final DdlWriter w;

    RenameInference(Context context) {
        this.c = context;
        this.w = context.writer;
    }

    void infer() {
        tables();
        columns();
    }

    private void tables() {
        Set<DbObject> used = new HashSet<>();
        for (DbObject dropped : c.keys(Kind.TABLE)) {
            if (!c.removed(dropped)) {
                continue;
            }
            for (DbObject added : c.keys(Kind.TABLE)) {
                if (c.added(added) && !used.contains(added) && Objects.equals(added.schema(), dropped.schema())
                        && sameShape(dropped, added)) {
                    used.add(added);
                    renameTable(dropped, added);
                    break;
                }
            }
        }
    }

    /** Whether {@code added} is {@code dropped} under another name, its parts' names renamed alike. */
    private boolean sameShape(DbObject dropped, DbObject added) {
        if (!Objects.equals(c.before(dropped), c.after(added))) {
            return false;
        }
        if (!List.copyOf(Context.columns(c.head, dropped).keySet()).equals(List.copyOf(Context.columns(c.desired, added)
                .keySet())) || !normalized(Context.columns(c.head, dropped), dropped.name(), added.name()).equals(
                normalized(Context.columns(c.desired, added), dropped.name(), added.name()))) {
            return false;
        }
        for (Kind kind : List.of(Kind.DEFAULT, Kind.CONSTRAINT, Kind.INDEX)) {
            // both sides with the old table name read as the new one: a part keeps its name or follows the table's
            if (!parts(c.head, dropped, kind, dropped.name(), added.name()).equals(parts(c.desired, added, kind,
                    dropped.name(), added.name()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> normalized(Map<String, String> columns, String from, String to) {
        Map<String, String> normalized = new TreeMap<>();
        columns.forEach((name, definition) -> normalized.put(name, definition.replace(from, to)));
        return normalized;
    }

    /** Name to definition of the table's parts of {@code kind}, {@code from} replaced by {@code to} in both. */
    private static Map<String, String> parts(SchemaSnapshot snapshot, DbObject table, Kind kind, String from,
            String to) {
        Map<String, String> parts = new TreeMap<>();
        Map<DbObject, String> found = kind == Kind.DEFAULT ? defaults(snapshot, table)
                : Context.children(snapshot, table, kind);
        found.forEach((object, definition) -> parts.put(from == null ? object.name() : object.name().replace(from, to),
                from == null ? definition : definition.replace(from, to)));
        return parts;
    }

    private static Map<DbObject, String> defaults(SchemaSnapshot snapshot, DbObject table) {
        Map<DbObject, String> found = new TreeMap<>();
        snapshot.objects().forEach((object, definition) -> {
            if (object.kind() == Kind.DEFAULT && Objects.equals(object.schema(), table.schema())
                    && table.name().equals(object.owner())) {
                found.put(object, definition);
            }
        });
        return found;
    }

    private void renameTable(DbObject dropped, DbObject added) {
        Set<DbObject> tables = Set.of(dropped, added);
        c.changes.removeIf(change -> tables.contains(change.object()) || tables.contains(Context.table(change.object())));
        String from = c.name(dropped);
        String to = c.name(added);
        List<String> up = new ArrayList<>(List.of(w.renameTable(from, added.name())));
        List<String> down = new ArrayList<>();
        for (Kind kind : List.of(Kind.CONSTRAINT, Kind.INDEX)) {
            for (DbObject part : Context.children(c.head, dropped, kind).keySet()) {
                String renamed = part.name().replace(dropped.name(), added.name());
                if (renamed.equals(part.name()) || Context.children(c.desired, added, kind).keySet().stream()
                        .anyMatch(p -> p.name().equals(part.name()))) {
                    continue; // the part keeps its name, as PostgreSQL keeps it through a rename
                }
                boolean constraint = kind == Kind.CONSTRAINT;
                up.add(constraint ? w.renameConstraint(to, part.name(), renamed)
                        : w.renameIndex(part.schema(), part.name(), renamed));
                down.add(constraint ? w.renameConstraint(to, renamed, part.name())
                        : w.renameIndex(part.schema(), renamed, part.name()));
            }
        }
        down.add(w.renameTable(to, dropped.name()));
        c.add(Change.of(added, "rename table " + from + " to " + to, Step.CREATE_TABLE, up, Step.CREATE_TABLE, down)
                .withWarning("a rename was inferred: table " + from + " goes and table " + to + " comes with the same"
                        + " columns, constraints and indexes, so the revision renames it and keeps its rows; if they"
                        + " are two tables, write DROP TABLE " + from + " and the CREATE TABLE " + to + " instead"));
    }

    private void columns() {
        for (DbObject dropped : c.keys(Kind.COLUMN)) {
            DbObject table = Context.table(dropped);
            if (!c.removed(dropped) || !c.head.objects().containsKey(table) || !c.desired.objects().containsKey(table)) {
                continue;
            }
            List<DbObject> matches = new ArrayList<>();
            for (DbObject added : c.keys(Kind.COLUMN)) {
                if (c.added(added) && table.equals(Context.table(added)) && c.before(dropped).equals(c.after(added))
                        && Objects.equals(c.before(defaultOf(dropped)), c.after(defaultOf(added)))) {
                    matches.add(added);
                }
            }
            long dropsAlike = c.keys(Kind.COLUMN).stream().filter(o -> c.removed(o) && table.equals(Context.table(o))
                    && c.before(o).equals(c.before(dropped))).count();
            if (matches.size() == 1 && dropsAlike == 1 && keepsPlace(table, dropped, matches.get(0))) {
                renameColumn(table, dropped, matches.get(0));
            }
        }
    }

    /**
     * Whether the renamed column stands where the desired table has it, or the database cannot place
     * an added column anyway: where it can, a column wanted elsewhere is dropped and added in its place.
     */
    private boolean keepsPlace(DbObject table, DbObject dropped, DbObject added) {
        List<String> wanted = c.desired.columnOrder().getOrDefault(table, List.of());
        List<String> renamed = c.head.columnOrder().getOrDefault(table, List.of()).stream()
                .map(name -> name.equals(dropped.name()) ? added.name() : name).filter(wanted::contains).toList();
        if (renamed.equals(wanted.stream().filter(renamed::contains).toList())) {
            return true;
        }
        return w.addColumnAfter(c.name(table), added.name(), ColumnSpec.parse(c.after(added)), null,
                null) == null;
    }

    private static DbObject defaultOf(DbObject column) {
        return new DbObject(Kind.DEFAULT, column.schema(), column.owner(), column.name());
    }

    /** Only when one column goes and one alike comes: with more, which became which is a guess. */
    private void renameColumn(DbObject table, DbObject dropped, DbObject added) {
        Set<DbObject> columns = Set.of(dropped, added, defaultOf(dropped), defaultOf(added));
        if (c.changes.stream().noneMatch(change -> columns.contains(change.object()))) {
            return;
        }
        c.changes.removeIf(change -> columns.contains(change.object()));
        String name = c.name(table);
        String label = name + "." + w.quote(dropped.name()) + " to " + w.quote(added.name());
        c.add(Change.of(added, "rename column " + label, Step.ALTER_COLUMN, List.of(w.renameColumn(name, dropped.name(),
                added.name())), Step.ALTER_COLUMN, List.of(w.renameColumn(name, added.name(), dropped.name())))
                .withWarning("a rename was inferred: column " + name + "." + w.quote(dropped.name()) + " goes and "
                        + w.quote(added.name()) + " comes with the same type, default and constraints, so the"
                        + " revision renames it (ALTER TABLE ... RENAME) and keeps its values; if they are two columns,"
                        + " write ALTER TABLE " + name + " DROP COLUMN " + w.quote(dropped.name()) + " and ADD COLUMN "
                        + w.quote(added.name()) + " instead"));
    }
}
