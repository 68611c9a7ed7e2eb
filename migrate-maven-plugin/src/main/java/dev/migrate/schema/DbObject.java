package dev.migrate.schema;

import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * One thing a revision can create, identified the way the catalog names it. Two snapshots compare
 * object by object through these keys, so a key never holds anything that varies between runs
 * (OIDs, the scratch database's name), while generated names stay as the database chose them.
 *
 * @param kind what sort of object it is
 * @param schema its schema, or null for objects that belong to no schema (extensions, schemas)
 * @param owner the relation or type it belongs to (a column's table, an index's table), or null
 * @param name its name; for functions the name with the argument types, for comments the commented object
 */
public record DbObject(Kind kind, String schema, String owner, String name) implements Comparable<DbObject> {

    /** The kinds of objects a snapshot holds, in the order differences are listed. */
    public enum Kind {
        SCHEMA("schema"),
        EXTENSION("extension"),
        TYPE("type"),
        DOMAIN("domain"),
        SEQUENCE("sequence"),
        TABLE("table"),
        VIEW("view"),
        MATERIALIZED_VIEW("materialized view"),
        COLUMN("column"),
        DEFAULT("default of column"),
        CONSTRAINT("constraint"),
        INDEX("index"),
        FUNCTION("function"),
        PROCEDURE("procedure"),
        TRIGGER("trigger"),
        /** PostgreSQL's extended statistics ({@code CREATE STATISTICS}), on one table. */
        STATISTICS("statistics"),
        COMMENT("comment on");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public DbObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /**
     * How messages name the object: "index ix_orders_user on table orders", "column users.email";
     * the schema is left out when it is the default one.
     */
    public String display() {
        return switch (kind) {
            case COLUMN, DEFAULT -> kind.label() + " " + qualified(owner) + "." + name;
            case CONSTRAINT, INDEX, TRIGGER, STATISTICS -> kind.label() + " " + name + " on " + owner;
            case COMMENT -> "comment on " + name;
            case SCHEMA, EXTENSION -> kind.label() + " " + name;
            default -> kind.label() + " " + qualified(name);
        };
    }

    /**
     * The table (or type, or domain) this object belongs to, or null: a column, default, constraint,
     * index, trigger or comment of a table that is itself missing need not be named on its own.
     */
    public DbObject parent() {
        return switch (kind) {
            case COLUMN, DEFAULT -> new DbObject(Kind.TABLE, schema, null, owner);
            case CONSTRAINT, INDEX, TRIGGER, STATISTICS -> fromPhrase(owner);
            case COMMENT -> fromPhrase(name.startsWith("column ") ? "table " + name.substring(7, name.lastIndexOf('.'))
                    : name);
            default -> null;
        };
    }

    /** "table orders" or "domain positive" back to the object's key. */
    private DbObject fromPhrase(String phrase) {
        for (Kind candidate : new Kind[] {Kind.TABLE, Kind.DOMAIN, Kind.VIEW, Kind.MATERIALIZED_VIEW, Kind.TYPE}) {
            String prefix = candidate.label() + " ";
            if (phrase != null && phrase.startsWith(prefix)) {
                String local = phrase.substring(prefix.length());
                if (schema != null && !isDefaultSchema(schema) && local.startsWith(schema + ".")) {
                    local = local.substring(schema.length() + 1);
                }
                return new DbObject(candidate, schema, null, local);
            }
        }
        return null;
    }

    private String qualified(String local) {
        return schema == null || isDefaultSchema(schema) ? local : schema + "." + local;
    }

    /** Whether {@code schema} is one users leave unnamed, as a registered {@link UnnamedSchema} says. */
    public static boolean isDefaultSchema(String schema) {
        return schema != null && UNNAMED.stream().anyMatch(unnamed -> unnamed.isUnnamed(schema));
    }

    private static final List<UnnamedSchema> UNNAMED = ServiceLoader.load(UnnamedSchema.class,
            UnnamedSchema.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();

    /** A name as messages write it, with its schema only when that is not the default one. */
    public static String qualify(String schema, String name) {
        return schema == null || isDefaultSchema(schema) ? name : schema + "." + name;
    }

    @Override
    public int compareTo(DbObject other) {
        // by kind, schema, owner (nulls first), name; written out, as snapshots sort many of these
        int order = kind.compareTo(other.kind);
        if (order == 0) {
            order = compareNullsFirst(schema, other.schema);
        }
        if (order == 0) {
            order = compareNullsFirst(owner, other.owner);
        }
        return order != 0 ? order : name.compareTo(other.name);
    }

    private static int compareNullsFirst(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return display();
    }
}
