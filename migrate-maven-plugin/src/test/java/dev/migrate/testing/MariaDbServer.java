package dev.migrate.testing;

/**
 * The real MariaDB server the tests use: {@code MIGRATE_TEST_MARIADB_URL}, by default the local
 * server as root. When it cannot be reached, MariaDB tests are skipped on a developer's machine and
 * fail under {@code CI=true}, so CI never passes without having run them.
 */
public final class MariaDbServer {

    public static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/?user=root";

    private static final TestServer SERVER = new TestServer("MariaDB", "MIGRATE_TEST_MARIADB_URL", DEFAULT_URL,
            "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");

    private MariaDbServer() {
    }

    public static String adminUrl() {
        return SERVER.adminUrl();
    }

    /** The admin URL with its database replaced by {@code database}. */
    public static String urlFor(String database) {
        return SERVER.urlFor(database);
    }

    public static void require() {
        SERVER.require();
    }

    public static void execute(String sql) {
        SERVER.execute(sql);
    }
}
