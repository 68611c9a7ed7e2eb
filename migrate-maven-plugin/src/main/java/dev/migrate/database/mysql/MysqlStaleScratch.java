package dev.migrate.database.mysql;

import dev.migrate.database.ScratchNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the scratch databases killed runs left on a MySQL/MariaDB server: named with the plugin's
 * prefix and a time of making before the limit (the name is the marker: there are no database
 * comments), with no session using them, and drops them.
 */
final class MysqlStaleScratch {

    private MysqlStaleScratch() {
    }

    static List<String> drop(Connection admin, String prefix, Instant before) {
        List<String> dropped = new ArrayList<>();
        try (Statement statement = admin.createStatement()) {
            for (String name : candidates(admin, prefix)) {
                if (ScratchNames.madeAt(name).filter(made -> made.isBefore(before)).isEmpty()) {
                    continue;
                }
                try {
                    statement.execute("DROP DATABASE IF EXISTS `" + name.replace("`", "``") + "`");
                    dropped.add(name);
                } catch (SQLException notOurs) {
                    // not ours to drop: left alone
                }
            }
        } catch (SQLException e) {
            // a user who may not list databases simply has nothing cleaned up
        }
        return dropped;
    }

    /** The databases with the prefix that no session of the server has as its current database. */
    private static List<String> candidates(Connection admin, String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement("SELECT schema_name FROM information_schema.schemata s"
                + " WHERE LEFT(schema_name, CHAR_LENGTH(?)) = ? AND NOT EXISTS (SELECT 1 FROM"
                + " information_schema.processlist p WHERE p.db = s.schema_name) ORDER BY 1")) {
            query.setString(1, prefix);
            query.setString(2, prefix);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
