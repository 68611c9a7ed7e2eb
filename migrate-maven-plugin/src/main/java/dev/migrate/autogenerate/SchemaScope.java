package dev.migrate.autogenerate;

import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import dev.migrate.schema.SchemaSnapshot;

/**
 * A snapshot cut down to one schema, for a project configured with {@code migrate.schema}: the
 * other schemas of the database (other tenants, say) are not the revisions' business. Objects that
 * belong to no schema (extensions) stay, and of the schemas only the configured one.
 */
final class SchemaScope {

    private SchemaScope() {
    }

    /** The objects of {@code snapshot} in {@code schema} (as the catalog stores its name). */
    static SchemaSnapshot only(SchemaSnapshot snapshot, String schema) {
        SchemaSnapshot.Builder builder = SchemaSnapshot.builder();
        snapshot.forEachObject((object, definition) -> {
            if (inScope(object, schema)) {
                builder.put(object, definition);
            }
        });
        snapshot.forEachColumnOrder((relation, columns) -> {
            if (inScope(relation, schema)) {
                columns.forEach(column -> builder.columnAt(relation, column));
            }
        });
        return builder.build();
    }

    private static boolean inScope(DbObject object, String schema) {
        if (object.kind() == Kind.SCHEMA) {
            return object.name().equals(schema);
        }
        if (object.kind() == Kind.COMMENT && object.schema() == null && object.name().startsWith("schema ")) {
            return object.name().equals("schema " + schema);
        }
        return object.schema() == null || object.schema().equals(schema);
    }
}
