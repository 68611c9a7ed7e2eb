package dev.migrate.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The names of the scratch databases the plugin makes: a prefix of its own, the time the name was
 * made (seconds since the epoch, base 36) and a random part, so that any later run can tell a
 * database a killed run left behind, and how old it is, from its name alone, whoever made it.
 */
public final class ScratchNames {

    /** What every scratch database's name starts with (the rights a MySQL user needs name it too). */
    public static final String PREFIX = "migrate_verify_";

    /** The text of the marker a product that has database comments writes on each scratch database. */
    public static final String MARKER = "migrate-maven-plugin scratch database";

    private ScratchNames() {
    }

    /** A stem for the names one scratch database makes: the prefix, {@code now} and {@code random}. */
    public static String stem(Instant now, long random) {
        return PREFIX + Long.toString(now.getEpochSecond(), 36) + "_" + Long.toString(random & Long.MAX_VALUE, 36);
    }

    /** When the database named {@code name} was made, or empty when it is not a name the plugin made. */
    public static Optional<Instant> madeAt(String name) {
        if (name == null || !name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = name.substring(PREFIX.length());
        int end = rest.indexOf('_');
        if (end <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(rest.substring(0, end), 36)));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The marker for a database made now by this process: who made it, where, and when. */
    public static String marker(Instant now) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            host = "an unknown host";
        }
        return MARKER + ", made by process " + ProcessHandle.current().pid() + " on " + host + " at " + now;
    }

    /**
     * Drops, through {@code admin}, the databases the product's {@code candidatesSql} lists (its
     * parameters are {@code parameters}: those with the plugin's prefix and marker that no session
     * uses) whose names say they were made before {@code before}; {@code dropSql} writes the
     * statement for one name. Best effort: a database that cannot be dropped (in use again, not the
     * user's) is left, and a user who may not read the catalog has nothing dropped.
     */
    public static List<String> dropMadeBefore(Connection admin, Instant before, String candidatesSql,
            List<String> parameters, UnaryOperator<String> dropSql) {
        List<String> dropped = new ArrayList<>();
        try (Statement statement = admin.createStatement()) {
            for (String name : names(admin, candidatesSql, parameters)) {
                if (madeAt(name).filter(made -> made.isBefore(before)).isEmpty()) {
                    continue;
                }
                try {
                    statement.execute(dropSql.apply(name));
                    dropped.add(name);
                } catch (SQLException leftAlone) {
                    // in use again, or not ours to drop
                }
            }
        } catch (SQLException e) {
            // nothing to clean up as far as this user can tell
        }
        return dropped;
    }

    private static List<String> names(Connection admin, String sql, List<String> parameters) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
