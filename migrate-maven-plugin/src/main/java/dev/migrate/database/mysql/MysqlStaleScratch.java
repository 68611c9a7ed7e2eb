package dev.migrate.database.mysql;

import dev.migrate.database.ScratchNames;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * The scratch databases killed runs left on a MySQL/MariaDB server: named with the plugin's prefix
 * and a time of making (the name is the marker: there are no database comments), and no session of
 * the server's process list using them.
 */
final class MysqlStaleScratch {

    private static final String CANDIDATES = "SELECT schema_name FROM information_schema.schemata s"
            + " WHERE LEFT(schema_name, CHAR_LENGTH(?)) = ? AND NOT EXISTS (SELECT 1 FROM"
            + " information_schema.processlist p WHERE p.db = s.schema_name) ORDER BY 1";

    private MysqlStaleScratch() {
    }

    static List<String> drop(Connection admin, String prefix, Instant before) {
        return ScratchNames.dropMadeBefore(admin, before, CANDIDATES, List.of(prefix, prefix),
                name -> "DROP DATABASE IF EXISTS `" + name.replace("`", "``") + "`");
    }
}
