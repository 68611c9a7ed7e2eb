package dev.migrate.database.postgres;

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
 * Finds the scratch databases killed runs left on a PostgreSQL server: named with the plugin's
 * prefix, commented with its marker, made before a time, with no session connected, and drops them.
 */
final class PostgresStaleScratch {

    private PostgresStaleScratch() {
    }

    static List<String> drop(Connection admin, String prefix, Instant before) {
        List<String> dropped = new ArrayList<>();
        try (Statement statement = admin.createStatement()) {
            for (String name : candidates(admin, prefix)) {
                if (ScratchNames.madeAt(name).filter(made -> made.isBefore(before)).isEmpty()) {
                    continue;
                }
                try {
                    // no FORCE: a session that connected since the look-up keeps its database
                    statement.execute("DROP DATABASE IF EXISTS \"" + name.replace("\"", "\"\"") + "\"");
                    dropped.add(name);
                } catch (SQLException inUse) {
                    // in use again, or not ours to drop: left alone
                }
            }
        } catch (SQLException e) {
            // a user who may not read the catalog simply has nothing cleaned up
        }
        return dropped;
    }

    private static List<String> candidates(Connection admin, String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement("SELECT d.datname FROM pg_database d"
                + " WHERE starts_with(d.datname, ?) AND shobj_description(d.oid, 'pg_database') LIKE ?"
                + " AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datid = d.oid) ORDER BY 1")) {
            query.setString(1, prefix);
            query.setString(2, ScratchNames.MARKER + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
