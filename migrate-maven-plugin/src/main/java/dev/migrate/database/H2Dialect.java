package dev.migrate.database;

import dev.migrate.common.Log;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * H2: DDL commits implicitly, the lock is a row lock on a table next to the history table, and
 * scratch databases live in memory.
 */
final class H2Dialect extends StandardDialect {

    /** H2 settings that change how SQL is understood, carried over from the configured URL. */
    private static final String[] SETTINGS = {"MODE", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER",
        "CASE_INSENSITIVE_IDENTIFIERS", "NON_KEYWORDS", "DEFAULT_NULL_ORDERING", "IGNORECASE"};

    @Override
    public String displayName() {
        return "H2";
    }

    @Override
    public String urlPrefix() {
        return "jdbc:h2:";
    }

    @Override
    public List<String> names() {
        return List.of("h2");
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    String textType() {
        return "VARCHAR(1000000)";
    }

    @Override
    String timestampType() {
        return "TIMESTAMP WITH TIME ZONE";
    }

    @Override
    public String fold(Identifier identifier) {
        return identifier.name().toUpperCase(Locale.ROOT);
    }

    /** The lock is a table in the history table's schema, so the schema must exist before it. */
    @Override
    public boolean createsSchemaUnderLock() {
        return false;
    }

    @Override
    public MigrationLock lock(Supplier<Database> connector, String historyName, Duration timeout, Log log) {
        return H2Lock.acquire(connector.get(), historyName + "_lock", timeout, log);
    }

    @Override
    public SnapshotReader snapshotReader() {
        return new H2SnapshotReader();
    }

    /** DB_CLOSE_DELAY keeps the in-memory database alive between verify's connections. */
    @Override
    public String createScratch(String adminUrl, String name, String user, String password) {
        // verify reads the catalog with the same dozen queries after each phase: keep them all parsed
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=32" + settings(adminUrl);
    }

    @Override
    public void dropScratch(String adminUrl, String url, String name, String user, String password) {
        try (Database database = Database.connect(url, user, password);
                Statement statement = database.connection().createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException | DatabaseUnavailableException e) {
            // already gone
        }
    }

    @Override
    public String describeScratch(String adminUrl, String name) {
        return "in-memory H2 database " + name;
    }

    @Override
    public String setSchemaSql(Identifier schema) {
        return "SET SCHEMA " + schema.name();
    }

    private static String settings(String configuredUrl) {
        StringBuilder settings = new StringBuilder();
        String[] parts = configuredUrl == null ? new String[0] : configuredUrl.split(";");
        for (int i = 1; i < parts.length; i++) {
            String key = parts[i].split("=", 2)[0].strip().toUpperCase(Locale.ROOT);
            for (String known : SETTINGS) {
                if (known.equals(key)) {
                    settings.append(';').append(parts[i].strip());
                }
            }
        }
        return settings.toString();
    }
}
