package dev.migrate.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A normalized picture of a database schema: every object a revision can create with a textual
 * description of its definition, and the order of each table's columns. Two snapshots are equal
 * exactly when the schemas are the same; {@link SnapshotDiff} names what differs.
 *
 * <p>A snapshot made by {@link #patched} shares the full maps of the one it came from and holds
 * only the changes, so following a schema phase by phase, and comparing neighbouring snapshots,
 * costs what changed rather than what exists.
 */
public final class SchemaSnapshot {

    /**
     * Full maps, shared by every snapshot patched from them; never modified. {@code indexes} holds
     * the {@link Lookup}s built over them, each once, on first use.
     */
    private record Base(Map<DbObject, String> objects, Map<DbObject, List<String>> order,
            Map<Lookup, Map<String, List<DbObject>>> indexes) {

        Base(Map<DbObject, String> objects, Map<DbObject, List<String>> order) {
            this(objects, order, new java.util.concurrent.ConcurrentHashMap<>());
        }

        Map<String, List<DbObject>> index(Lookup lookup) {
            return indexes.computeIfAbsent(lookup, l -> {
                Map<String, List<DbObject>> index = new HashMap<>();
                objects.keySet().forEach(object -> {
                    String word = l.word(object);
                    if (word != null) {
                        index.computeIfAbsent(word, w -> new ArrayList<>()).add(object);
                    }
                });
                return index;
            });
        }
    }

    /**
     * A word each object may be found by (null: not to be found), for {@link #holdsAny}. Keep one
     * instance per way of looking up: a snapshot's full maps build its index once per instance.
     */
    public static final class Lookup {
        private final java.util.function.Function<DbObject, String> word;

        public Lookup(java.util.function.Function<DbObject, String> word) {
            this.word = word;
        }

        String word(DbObject object) {
            return word.apply(object);
        }
    }

    private final Base base;
    /** Object -> definition, or null when the object is gone, relative to {@link #base}. */
    private final Map<DbObject, String> changedObjects;
    /** Relation -> its columns in order, or null when it has none, relative to {@link #base}. */
    private final Map<DbObject, List<String>> changedOrder;
    private final int size;
    /**
     * Snapshots this one was patched from, nearest first, up to {@link #ANCESTORS}, each with the
     * objects and relations patched since it: what may differ between the two, however many objects
     * the schema holds. Held weakly, so that a long series does not keep every snapshot alive.
     */
    private final List<Ancestor> ancestors;
    private SortedMap<DbObject, String> objects;
    private SortedMap<DbObject, List<String>> columnOrder;

    private static final int ANCESTORS = 4;

    private record Ancestor(java.lang.ref.WeakReference<SchemaSnapshot> snapshot, Set<DbObject> objects,
            Set<DbObject> orders) {
    }

    private SchemaSnapshot(Base base, Map<DbObject, String> changedObjects, Map<DbObject, List<String>> changedOrder,
            int size) {
        this(base, changedObjects, changedOrder, size, List.of());
    }

    private SchemaSnapshot(Base base, Map<DbObject, String> changedObjects, Map<DbObject, List<String>> changedOrder,
            int size, List<Ancestor> ancestors) {
        this.base = base;
        this.changedObjects = changedObjects;
        this.changedOrder = changedOrder;
        this.size = size;
        this.ancestors = ancestors;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Object -> normalized definition, sorted by object. */
    public SortedMap<DbObject, String> objects() {
        if (objects == null) {
            TreeMap<DbObject, String> all = new TreeMap<>(base.objects());
            changedObjects.forEach((object, definition) -> {
                if (definition == null) {
                    all.remove(object);
                } else {
                    all.put(object, definition);
                }
            });
            objects = Collections.unmodifiableSortedMap(all);
        }
        return objects;
    }

    /** Relation -> its column names in physical order (the one a position check needs). */
    public SortedMap<DbObject, List<String>> columnOrder() {
        if (columnOrder == null) {
            TreeMap<DbObject, List<String>> all = new TreeMap<>(base.order());
            changedOrder.forEach((table, columns) -> {
                if (columns == null) {
                    all.remove(table);
                } else {
                    all.put(table, columns);
                }
            });
            columnOrder = Collections.unmodifiableSortedMap(all);
        }
        return columnOrder;
    }

    /** The definition of {@code object}, or null when the schema does not hold it. */
    public String definition(DbObject object) {
        return changedObjects.containsKey(object) ? changedObjects.get(object) : base.objects().get(object);
    }

    /** The columns of {@code relation} in physical order, or null when it has none. */
    public List<String> columnsOf(DbObject relation) {
        return changedOrder.containsKey(relation) ? changedOrder.get(relation) : base.order().get(relation);
    }

    /** Every object with its definition, in no particular order (cheaper than {@link #objects()}). */
    public void forEachObject(BiConsumer<DbObject, String> action) {
        base.objects().forEach((object, definition) -> {
            if (!changedObjects.containsKey(object)) {
                action.accept(object, definition);
            }
        });
        changedObjects.forEach((object, definition) -> {
            if (definition != null) {
                action.accept(object, definition);
            }
        });
    }

    /**
     * Whether the schema holds an object that {@code lookup} finds by one of {@code words}. Costs the
     * words and the changes since the full maps, not the objects (the first call for a lookup on
     * some full maps indexes them).
     */
    public boolean holdsAny(Lookup lookup, Set<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        Map<String, List<DbObject>> index = base.index(lookup);
        for (String word : words) {
            for (DbObject object : index.getOrDefault(word, List.of())) {
                if (!changedObjects.containsKey(object)) {
                    return true;
                }
            }
        }
        for (Map.Entry<DbObject, String> change : changedObjects.entrySet()) {
            if (change.getValue() != null) {
                String word = lookup.word(change.getKey());
                if (word != null && words.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every relation with its columns in order, in no particular order. */
    public void forEachColumnOrder(BiConsumer<DbObject, List<String>> action) {
        base.order().forEach((table, columns) -> {
            if (!changedOrder.containsKey(table)) {
                action.accept(table, columns);
            }
        });
        changedOrder.forEach((table, columns) -> {
            if (columns != null) {
                action.accept(table, columns);
            }
        });
    }

    public int size() {
        return size;
    }

    /**
     * Objects other than schemas (and their comments) and extensions: what a database holds once
     * revisions ran in it, as opposed to what a new database comes with.
     */
    public List<DbObject> userObjects() {
        return objects().keySet().stream()
                .filter(o -> o.kind() != DbObject.Kind.SCHEMA && o.kind() != DbObject.Kind.EXTENSION)
                .filter(o -> o.kind() != DbObject.Kind.COMMENT || !o.name().startsWith("schema "))
                .toList();
    }

    /**
     * This snapshot with {@code objectChanges} (object -> new definition, or null where the object
     * is gone) and {@code orderChanges} (relation -> its columns, or null) applied.
     */
    public SchemaSnapshot patched(Map<DbObject, String> objectChanges, Map<DbObject, List<String>> orderChanges) {
        Map<DbObject, String> objectsNow = new HashMap<>(changedObjects);
        int sizeNow = size;
        for (Map.Entry<DbObject, String> change : objectChanges.entrySet()) {
            boolean was = definition(change.getKey()) != null;
            sizeNow += (change.getValue() != null ? 1 : 0) - (was ? 1 : 0);
            objectsNow.put(change.getKey(), change.getValue());
        }
        Map<DbObject, List<String>> orderNow = new HashMap<>(changedOrder);
        orderChanges.forEach((table, columns) -> orderNow.put(table, columns == null ? null : List.copyOf(columns)));
        List<Ancestor> lineage = new ArrayList<>();
        lineage.add(new Ancestor(new java.lang.ref.WeakReference<>(this), Set.copyOf(objectChanges.keySet()),
                Set.copyOf(orderChanges.keySet())));
        for (Ancestor older : ancestors.subList(0, Math.min(ancestors.size(), ANCESTORS - 1))) {
            Set<DbObject> objectKeys = new HashSet<>(older.objects());
            objectKeys.addAll(objectChanges.keySet());
            Set<DbObject> orderKeys = new HashSet<>(older.orders());
            orderKeys.addAll(orderChanges.keySet());
            lineage.add(new Ancestor(older.snapshot(), objectKeys, orderKeys));
        }
        // the changes are copied on each patch and folding them into new full maps copies those: fold
        // once the changes reach about the square root of the objects, the least of the two costs together
        // (a fixed share of the objects made each patch cost what the schema holds)
        int most = 256 + (int) Math.sqrt(base.objects().size() + base.order().size());
        if (objectsNow.size() + orderNow.size() > most) {
            return new SchemaSnapshot(base, objectsNow, orderNow, sizeNow).compacted(lineage);
        }
        return new SchemaSnapshot(base, objectsNow, orderNow, sizeNow, lineage);
    }

    /** What {@code later}'s lineage says may differ from {@code earlier}, or null when it does not go back to it. */
    private static Ancestor since(SchemaSnapshot earlier, SchemaSnapshot later) {
        for (Ancestor ancestor : later.ancestors) {
            if (ancestor.snapshot().get() == earlier) {
                return ancestor;
            }
        }
        return null;
    }

    private SchemaSnapshot compacted(List<Ancestor> lineage) {
        Map<DbObject, String> all = new HashMap<>(base.objects());
        changedObjects.forEach((object, definition) -> {
            if (definition == null) {
                all.remove(object);
            } else {
                all.put(object, definition);
            }
        });
        Map<DbObject, List<String>> order = new HashMap<>(base.order());
        changedOrder.forEach((table, columns) -> {
            if (columns == null) {
                order.remove(table);
            } else {
                order.put(table, columns);
            }
        });
        return new SchemaSnapshot(new Base(all, order), Map.of(), Map.of(), all.size(), lineage);
    }

    /**
     * The objects whose definitions may differ between {@code a} and {@code b}: the changed ones
     * when both were patched from the same full maps, every object otherwise.
     */
    static Set<DbObject> candidates(SchemaSnapshot a, SchemaSnapshot b) {
        Ancestor patches = lineage(a, b);
        if (patches != null) {
            return patches.objects();
        }
        if (a.base == b.base) {
            Set<DbObject> keys = new HashSet<>(a.changedObjects.keySet());
            keys.addAll(b.changedObjects.keySet());
            return keys;
        }
        Set<DbObject> keys = new HashSet<>(a.objects().keySet());
        keys.addAll(b.objects().keySet());
        return keys;
    }

    /** The patches between {@code a} and {@code b} when one was patched from the other a few times, or null. */
    private static Ancestor lineage(SchemaSnapshot a, SchemaSnapshot b) {
        Ancestor patches = since(a, b);
        return patches != null ? patches : since(b, a);
    }

    /** The relations whose column order may differ between {@code a} and {@code b}, as {@link #candidates}. */
    static Set<DbObject> orderCandidates(SchemaSnapshot a, SchemaSnapshot b) {
        Ancestor patches = lineage(a, b);
        if (patches != null) {
            return patches.orders();
        }
        if (a.base == b.base) {
            Set<DbObject> keys = new HashSet<>(a.changedOrder.keySet());
            keys.addAll(b.changedOrder.keySet());
            return keys;
        }
        Set<DbObject> keys = new HashSet<>(a.columnOrder().keySet());
        keys.addAll(b.columnOrder().keySet());
        return keys;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SchemaSnapshot that) || size != that.size) {
            return false;
        }
        for (DbObject object : candidates(this, that)) {
            if (!Objects.equals(definition(object), that.definition(object))) {
                return false;
            }
        }
        for (DbObject table : orderCandidates(this, that)) {
            if (!Objects.equals(columnsOf(table), that.columnsOf(table))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return objects().hashCode() * 31 + columnOrder().hashCode();
    }

    @Override
    public String toString() {
        return "SchemaSnapshot" + objects();
    }

    /** Collects objects as a reader finds them, then freezes them into a snapshot. */
    public static final class Builder {
        private final Map<DbObject, String> objects = new HashMap<>();
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

        /** What was collected so far, as changes to apply with {@link #patched}: object -> definition. */
        public Map<DbObject, String> collectedObjects() {
            return objects;
        }

        /** What was collected so far: relation -> its columns in order. */
        public Map<DbObject, List<String>> collectedOrder() {
            return columnOrder;
        }

        public SchemaSnapshot build() {
            Map<DbObject, List<String>> order = new HashMap<>();
            columnOrder.forEach((table, columns) -> order.put(table, List.copyOf(columns)));
            return new SchemaSnapshot(new Base(new HashMap<>(objects), order), Map.of(), Map.of(), objects.size());
        }
    }
}
