package dev.migrate.database.postgres;

import dev.migrate.database.ScratchNames;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * The scratch databases killed runs left on a PostgreSQL server: named with the plugin's prefix,
 * commented with its marker, with no session connected (no FORCE: a session that connected since
 * the look-up keeps its database).
 */
final class PostgresStaleScratch {

    private static final String CANDIDATES = "SELECT d.datname FROM pg_catalog.pg_database d"
            + " WHERE pg_catalog.starts_with(d.datname, ?)"
            + " AND pg_catalog.shobj_description(d.oid, 'pg_database') LIKE ?"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity a WHERE a.datid = d.oid) ORDER BY 1";

    private PostgresStaleScratch() {
    }

    static List<String> drop(Connection admin, String prefix, Instant before) {
        return ScratchNames.dropMadeBefore(admin, before, CANDIDATES, List.of(prefix, ScratchNames.MARKER + "%"),
                name -> "DROP DATABASE IF EXISTS \"" + name.replace("\"", "\"\"") + "\"");
    }
}
