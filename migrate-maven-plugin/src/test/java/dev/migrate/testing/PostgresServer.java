package dev.migrate.testing;

/**
 * The real PostgreSQL server the tests use: {@code MIGRATE_TEST_PG_URL}, by default the local
 * server. When it cannot be reached, PostgreSQL tests are skipped on a developer's machine and
 * fail under {@code CI=true}, so CI never passes without having run them.
 */
public final class PostgresServer {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private static final TestServer SERVER = new TestServer("PostgreSQL", "MIGRATE_TEST_PG_URL", DEFAULT_URL,
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");

    private PostgresServer() {
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
