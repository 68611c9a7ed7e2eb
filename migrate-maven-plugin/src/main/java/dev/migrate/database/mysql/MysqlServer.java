package dev.migrate.database.mysql;

import dev.migrate.database.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server a connection talks to, read from {@code VERSION()} at connect time: MariaDB or MySQL
 * and its version, which decide what the product may use (sequences, CHECK constraints in the
 * catalog, {@code ALGORITHM=INSTANT}).
 */
public record MysqlServer(boolean mariadb, int major, int minor) {

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

    /** Reads the version of the server behind {@code connection}. */
    public static MysqlServer of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT VERSION()")) {
            rs.next();
            return parse(rs.getString(1));
        }
    }

    /** {@code 10.11.19-MariaDB-0+deb12u1} or {@code 8.0.36}. */
    static MysqlServer parse(String version) {
        Matcher matcher = VERSION.matcher(version == null ? "" : version);
        if (!matcher.find()) {
            return new MysqlServer(false, 0, 0);
        }
        boolean mariadb = version.toLowerCase(Locale.ROOT).contains("mariadb");
        return new MysqlServer(mariadb, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /**
     * Refuses servers the plugin was not built for: MariaDB before 10.3 (no sequences, no CHECK
     * constraints in the catalog) and MySQL before 8.0 (no CHECK constraints, no atomic DDL).
     */
    public MysqlServer requireSupported(String shownUrl) {
        if (major == 0) {
            return this;
        }
        boolean supported = mariadb ? major > 10 || (major == 10 && minor >= 3) : major >= 8;
        if (!supported) {
            throw new DatabaseUnavailableException("the server at " + shownUrl + " is " + this + "; the plugin"
                    + " supports MariaDB 10.3 and later (10.x, 11.x) and MySQL 8.0 and later: upgrade the server", null);
        }
        return this;
    }

    /** MariaDB 10.3 and later know {@code CREATE SEQUENCE}. */
    public boolean hasSequences() {
        return mariadb && (major > 10 || minor >= 3);
    }

    /** MySQL 8.0 and MariaDB 10.3 both know {@code ALGORITHM=INSTANT} for some column changes. */
    public boolean hasInstantAlter() {
        return mariadb ? major > 10 || minor >= 3 : major >= 8;
    }

    @Override
    public String toString() {
        return (mariadb ? "MariaDB " : "MySQL ") + major + "." + minor;
    }
}
