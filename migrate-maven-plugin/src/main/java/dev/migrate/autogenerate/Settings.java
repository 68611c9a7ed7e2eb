package dev.migrate.autogenerate;

import dev.migrate.database.Dialects;
import dev.migrate.database.Dialect;
import dev.migrate.database.Identifier;
import dev.migrate.revision.Placeholders;
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
 * @param placeholders the values for {@code ${name}} placeholders, replaced in the desired schema's
 *     files as in revisions
 */
public record Settings(String url, String user, String password, String schema, String historyTable, Path revisions,
        Placeholders placeholders) {

    public Settings {
        placeholders = placeholders == null ? Placeholders.NONE : placeholders;
    }

    /** Settings without placeholder values of the user's (only the built-ins resolve). */
    public Settings(String url, String user, String password, String schema, String historyTable, Path revisions) {
        this(url, user, password, schema, historyTable, revisions, Placeholders.NONE);
    }

    /** The history table's schema, checked as the other goals check it, or null. */
    Identifier schemaIdentifier() {
        return schema == null ? null : Dialects.forUrl(url).identifier(schema, "migrate.schema");
    }

    /** The history table's name, checked as the other goals check it. */
    Identifier tableIdentifier() {
        return Dialects.forUrl(url).identifier(historyTable, "migrate.table");
    }
}
