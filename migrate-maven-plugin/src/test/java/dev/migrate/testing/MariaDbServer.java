package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.opentest4j.TestAbortedException;

/**
 * The real MariaDB server the tests use: {@code MIGRATE_TEST_MARIADB_URL}, by default the local
 * server as root. When it cannot be reached, MariaDB tests are skipped on a developer's machine and
 * fail under {@code CI=true}, so CI never passes without having run them.
 */
public final class MariaDbServer {

    public static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/?user=root";

    private static volatile Boolean reachable;

    private MariaDbServer() {
    }

    public static String adminUrl() {
        String url = System.getenv("MIGRATE_TEST_MARIADB_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    /** The admin URL with its database replaced by {@code database}. */
    public static String urlFor(String database) {
        String admin = adminUrl();
        int query = admin.indexOf('?');
        String base = query < 0 ? admin : admin.substring(0, query);
        String params = query < 0 ? "" : admin.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    public static void require() {
        if (reachable == null) {
            try (Connection c = DriverManager.getConnection(adminUrl())) {
                reachable = c.isValid(5);
            } catch (SQLException e) {
                reachable = false;
            }
        }
        if (!reachable) {
            String message = "MariaDB is not reachable at " + adminUrl()
                    + " (start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; CI=true, so MariaDB tests must not be skipped");
            }
            throw new TestAbortedException(message);
        }
    }

    public static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
