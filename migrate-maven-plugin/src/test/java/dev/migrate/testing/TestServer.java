package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.opentest4j.TestAbortedException;

/**
 * A real database server the tests use, named by an environment variable with a local default.
 * When it cannot be reached, its tests are skipped on a developer's machine and fail under
 * {@code CI=true}, so CI never passes without having run them. {@link PostgresServer} and
 * {@link MariaDbServer} are the two the tests know.
 */
final class TestServer {

    private final String product;
    private final String variable;
    private final String defaultUrl;
    private final String startHint;
    private volatile Boolean reachable;

    /**
     * @param product the server's name in messages
     * @param variable the environment variable that overrides {@code defaultUrl}
     * @param startHint the command that starts the local server
     */
    TestServer(String product, String variable, String defaultUrl, String startHint) {
        this.product = product;
        this.variable = variable;
        this.defaultUrl = defaultUrl;
        this.startHint = startHint;
    }

    String adminUrl() {
        String url = System.getenv(variable);
        return url == null || url.isBlank() ? defaultUrl : url;
    }

    /** The admin URL with its database replaced by {@code database}. */
    String urlFor(String database) {
        String admin = adminUrl();
        int query = admin.indexOf('?');
        String base = query < 0 ? admin : admin.substring(0, query);
        String params = query < 0 ? "" : admin.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    void require() {
        if (reachable == null) {
            try (Connection c = DriverManager.getConnection(adminUrl())) {
                reachable = c.isValid(5);
            } catch (SQLException e) {
                reachable = false;
            }
        }
        if (!reachable) {
            String message = product + " is not reachable at " + adminUrl() + " (start it with: " + startHint + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; CI=true, so " + product + " tests must not be skipped");
            }
            throw new TestAbortedException(message);
        }
    }

    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
