package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.opentest4j.TestAbortedException;

/**
 * The real PostgreSQL server the tests use: {@code MIGRATE_TEST_PG_URL}, by default the local
 * server. When it cannot be reached, PostgreSQL tests are skipped on a developer's machine and
 * fail under {@code CI=true}, so CI never passes without having run them.
 */
public final class PostgresServer {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private static volatile Boolean reachable;

    private PostgresServer() {
    }

    public static String adminUrl() {
        String url = System.getenv("MIGRATE_TEST_PG_URL");
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
            String message = "PostgreSQL is not reachable at " + adminUrl()
                    + " (start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; CI=true, so PostgreSQL tests must not be skipped");
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
