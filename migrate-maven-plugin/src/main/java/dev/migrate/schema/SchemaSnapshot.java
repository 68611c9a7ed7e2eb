package dev.migrate.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A normalized picture of a database schema: every object a revision can create with a textual
 * description of its definition, and the order of each table's columns. Two snapshots are equal
 * exactly when the schemas are the same; {@link SnapshotDiff} names what differs.
 *
 * @param objects object -> normalized definition, sorted by object
 * @param columnOrder relation -> its column names in physical order (the one a position check needs)
 */
public record SchemaSnapshot(SortedMap<DbObject, String> objects, SortedMap<DbObject, List<String>> columnOrder) {

    public SchemaSnapshot {
        objects = Collections.unmodifiableSortedMap(new TreeMap<>(objects));
        TreeMap<DbObject, List<String>> order = new TreeMap<>();
        columnOrder.forEach((table, columns) -> order.put(table, List.copyOf(columns)));
        columnOrder = Collections.unmodifiableSortedMap(order);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return objects.size();
    }

    /**
     * Objects other than schemas (and their comments) and extensions: what a database holds once
     * revisions ran in it, as opposed to what a new database comes with.
     */
    public List<DbObject> userObjects() {
        return objects.keySet().stream()
                .filter(o -> o.kind() != DbObject.Kind.SCHEMA && o.kind() != DbObject.Kind.EXTENSION)
                .filter(o -> o.kind() != DbObject.Kind.COMMENT || !o.name().startsWith("schema "))
                .toList();
    }

    /** Collects objects as a reader finds them, then freezes them into a snapshot. */
    public static final class Builder {
        private final TreeMap<DbObject, String> objects = new TreeMap<>();
        private final Map<DbObject, List<String>> columnOrder = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(DbObject object, String definition) {
            objects.put(object, definition == null ? "" : definition);
            return this;
        }

        public Builder put(DbObject.Kind kind, String schema, String owner, String name, String definition) {
            return put(new DbObject(kind, schema, owner, name), definition);
        }

        /** A comment, unless it is null or empty (no comment). */
        public Builder comment(String schema, String on, String text) {
            if (text != null && !text.isEmpty()) {
                put(DbObject.Kind.COMMENT, schema, null, on, text);
            }
            return this;
        }

        /** Records that {@code column} comes next in {@code table}'s physical order. */
        public Builder columnAt(DbObject table, String column) {
            columnOrder.computeIfAbsent(table, t -> new ArrayList<>()).add(column);
            return this;
        }

        public SchemaSnapshot build() {
            return new SchemaSnapshot(objects, new TreeMap<>(columnOrder));
        }
    }
}
