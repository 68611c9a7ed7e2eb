package dev.migrate.database.mysql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a MariaDB connection back to what a new one would be, so that verify reuses it between
 * plans instead of logging in again. The server's {@code COM_RESET_CONNECTION} (sent by MariaDB
 * Connector/J's {@code reset()} when {@code useResetConnection} is set) drops user variables,
 * temporary tables, prepared statements, user locks and an open transaction, and sets every session
 * variable back to its global value. It keeps the current database, and it also undoes what the
 * login had set on top of the globals (the driver's character set, session tracking and
 * {@code IGNORE_SPACE}, the URL's {@code sessionVariables}). So each new connection's session
 * variables that differ from their global values are read once logged in, and put back with the
 * login's database after each reset: the next plan cannot tell the reused connection from a new one
 * (a test compares every session variable of the two). Only the driver's public API is used, so a
 * driver that logs in differently is followed rather than broken.
 */
final class MysqlSession {

    /** The property that lets {@code reset()} send {@code COM_RESET_CONNECTION}. */
    static final String RESET_PROPERTY = "useResetConnection";

    /** Session values that differ from the global ones: what the login set, for any driver version. */
    private static final String LOGIN_SETTINGS = "SELECT variable_name, variable_type, session_value"
            + " FROM information_schema.system_variables WHERE session_value <> global_value ORDER BY variable_name";

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Set<String> NUMERIC_TYPES = Set.of("INT", "INT UNSIGNED", "BIGINT", "BIGINT UNSIGNED",
            "DOUBLE");

    /** What each connection that can be reset had right after its login; weak, as pools of connections come and go. */
    private static final Map<Connection, Login> LOGINS = Collections.synchronizedMap(new WeakHashMap<>());

    /** The login's database and the statement that puts its session settings back (empty when none). */
    private record Login(String database, String settings) {
    }

    private MysqlSession() {
    }

    /**
     * Notes what the login of {@code connection} set, when it can be reset later: a MariaDB
     * Connector/J connection with {@code useResetConnection} and a database, to MariaDB 10.3.13 or
     * later. Anything else is left out, and {@link #reset} then answers false.
     */
    static void remember(Connection connection) {
        try {
            if (!connection.isWrapperFor(org.mariadb.jdbc.Connection.class)) {
                return;
            }
            DatabaseMetaData meta = connection.getMetaData();
            org.mariadb.jdbc.Configuration conf = org.mariadb.jdbc.Configuration.parse(meta.getURL());
            String database = conf == null ? null : conf.database();
            if (conf == null || !conf.useResetConnection() || !sendsReset(meta.getDatabaseProductName(),
                    meta.getDatabaseProductVersion()) || database == null || database.isEmpty()) {
                return;
            }
            String settings = settings(connection);
            if (settings != null) {
                LOGINS.put(connection, new Login(database, settings));
            }
        } catch (SQLException | RuntimeException e) {
            // a connection whose login cannot be read is never reused: verify opens a new one instead
        }
    }

    /** MariaDB before 10.3.13 has no {@code COM_RESET_CONNECTION}; the driver never sends it to MySQL. */
    static boolean sendsReset(String product, String version) {
        Matcher matcher = VERSION.matcher(version == null ? "" : version);
        if (!"MariaDB".equalsIgnoreCase(product) || !matcher.find()) {
            return false;
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        int patch = Integer.parseInt(matcher.group(3));
        return major > 10 || (major == 10 && (minor > 3 || (minor == 3 && patch >= 13)));
    }

    /**
     * One {@code SET SESSION} of every variable the login set, in name order (so a character set
     * comes before the collation it would reset); null when a value cannot be written back safely.
     */
    private static String settings(Connection connection) throws SQLException {
        StringJoiner set = new StringJoiner(", ", "SET SESSION ", "").setEmptyValue("");
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(LOGIN_SETTINGS)) {
            while (rs.next()) {
                String name = rs.getString(1);
                String value = rs.getString(3);
                if (!name.matches("[A-Za-z0-9_]+") || value.indexOf('\\') >= 0) {
                    return null; // a backslash reads differently under NO_BACKSLASH_ESCAPES
                }
                boolean number = NUMERIC_TYPES.contains(rs.getString(2)) && NUMBER.matcher(value).matches();
                set.add(name.toLowerCase(Locale.ROOT) + " = " + (number ? value : "'" + value.replace("'", "''") + "'"));
            }
        }
        return set.toString();
    }

    /**
     * Resets {@code connection} and answers true; false where it cannot be done (a MySQL server,
     * whose reset the driver does not send, MariaDB before 10.3.13, a URL without a database, another
     * driver), and the caller opens a new connection instead.
     */
    static boolean reset(Connection connection) throws SQLException {
        Login login = LOGINS.get(connection);
        if (login == null) {
            return false;
        }
        // reset() puts back the driver's read limit of the login, which the plugin lifted once logged in
        int readLimit = connection.getNetworkTimeout();
        connection.unwrap(org.mariadb.jdbc.Connection.class).reset();
        connection.setNetworkTimeout(Runnable::run, readLimit);
        try (Statement statement = connection.createStatement()) {
            if (!login.settings().isEmpty()) {
                statement.execute(login.settings());
            }
            // a revision's USE outlives the reset
            statement.execute("USE `" + login.database().replace("`", "``") + "`");
        }
        return true;
    }
}
