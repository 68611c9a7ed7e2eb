package dev.migrate.autogenerate;

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
import java.util.TreeSet;

/**
 * What the planners of one comparison share: the two snapshots (head: what the revisions build,
 * desired: what the user wants), the writer, and what earlier planners decided, so that parts of
 * a table that is created or dropped as a whole are not written twice.
 */
final class Context {

    final SchemaSnapshot head;
    final SchemaSnapshot desired;
    final SequenceOwners headOwners;
    final SequenceOwners desiredOwners;
    final DdlWriter writer;
    final List<Change> changes = new ArrayList<>();
    /** Objects dropped and created again by the upgrade (resp. downgrade): their comments are lost. */
    final Set<DbObject> recreatedUp = new HashSet<>();
    final Set<DbObject> recreatedDown = new HashSet<>();
    /** Tables whose columns change type or go away: views on them must be dropped first. */
    final Set<DbObject> reshapedTables = new HashSet<>();

    Context(SchemaSnapshot head, SchemaSnapshot desired, SequenceOwners headOwners, SequenceOwners desiredOwners,
            DdlWriter writer) {
        this.head = head;
        this.desired = desired;
        this.headOwners = headOwners;
        this.desiredOwners = desiredOwners;
        this.writer = writer;
    }

    /** Every object of {@code kind} in either snapshot, in order. */
    Set<DbObject> keys(Kind kind) {
        Set<DbObject> keys = new TreeSet<>();
        for (SchemaSnapshot snapshot : List.of(head, desired)) {
            snapshot.objects().keySet().stream().filter(o -> o.kind() == kind).forEach(keys::add);
        }
        return keys;
    }

    String before(DbObject object) {
        return head.objects().get(object);
    }

    String after(DbObject object) {
        return desired.objects().get(object);
    }

    boolean added(DbObject object) {
        return before(object) == null && after(object) != null;
    }

    boolean removed(DbObject object) {
        return before(object) != null && after(object) == null;
    }

    boolean changed(DbObject object) {
        return before(object) != null && after(object) != null && !Objects.equals(before(object), after(object));
    }

    /** The qualified, quoted name of a schema-level object. */
    String name(DbObject object) {
        return writer.name(object.schema(), object.name());
    }

    /** The relation a column, default, constraint, index or trigger belongs to (as a table key). */
    static DbObject table(DbObject child) {
        if (child.kind() == Kind.COLUMN || child.kind() == Kind.DEFAULT) {
            return new DbObject(Kind.TABLE, child.schema(), null, child.owner());
        }
        DbObject parent = child.parent();
        return parent == null ? null : new DbObject(Kind.TABLE, parent.schema(), null, parent.name());
    }

    /** The relation as a materialized view key, for indexes on materialized views. */
    static DbObject asKind(DbObject relation, Kind kind) {
        return new DbObject(kind, relation.schema(), null, relation.name());
    }

    /** Whether the relation {@code child} belongs to exists in {@code snapshot}. */
    static boolean ownerIn(SchemaSnapshot snapshot, DbObject child) {
        DbObject table = table(child);
        if (table == null) {
            return true;
        }
        return snapshot.objects().containsKey(table) || snapshot.objects().containsKey(asKind(table, Kind.MATERIALIZED_VIEW))
                || snapshot.objects().containsKey(asKind(table, Kind.VIEW))
                || snapshot.objects().containsKey(asKind(table, Kind.DOMAIN))
                || snapshot.objects().containsKey(asKind(table, Kind.TYPE));
    }

    /** Columns of {@code table} in {@code snapshot}, in physical order, with their definitions. */
    static Map<String, String> columns(SchemaSnapshot snapshot, DbObject table) {
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        for (String column : snapshot.columnOrder().getOrDefault(table, List.of())) {
            columns.put(column, snapshot.objects().get(new DbObject(Kind.COLUMN, table.schema(), table.name(), column)));
        }
        return columns;
    }

    /** Objects of {@code kind} in {@code snapshot} whose relation is {@code table}. */
    static Map<DbObject, String> children(SchemaSnapshot snapshot, DbObject table, Kind kind) {
        Map<DbObject, String> found = new TreeMap<>();
        snapshot.objects().forEach((object, definition) -> {
            if (object.kind() == kind && table.equals(table(object))) {
                found.put(object, definition);
            }
        });
        return found;
    }

    void add(Change change) {
        changes.add(change);
    }
}
