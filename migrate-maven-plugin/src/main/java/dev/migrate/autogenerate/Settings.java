package dev.migrate.autogenerate;

import dev.migrate.database.Dialects;
import dev.migrate.database.Dialect;
import dev.migrate.database.Identifier;
import java.nio.file.Path;

/**
 * What autogenerate and check need to know of the project: its database (for the history and the
 * scratch server), the history table's schema and name, and the revisions folder.
 *
 * @param url JDBC URL of the configured database
 * @param user database user, or null
 * @param password database password, or null; never printed
 * @param schema the history table's schema, or null
 * @param historyTable the history table's name
 * @param revisions the revisions folder
 */
public record Settings(String url, String user, String password, String schema, String historyTable, Path revisions) {

    /** The history table's schema, checked as the other goals check it, or null. */
    Identifier schemaIdentifier() {
        return schema == null ? null : Dialects.forUrl(url).identifier(schema, "migrate.schema");
    }

    /** The history table's name, checked as the other goals check it. */
    Identifier tableIdentifier() {
        return Dialects.forUrl(url).identifier(historyTable, "migrate.table");
    }
}
