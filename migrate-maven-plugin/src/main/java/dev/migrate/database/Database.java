package dev.migrate.database;

import dev.migrate.common.Redaction;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * One open connection to the database being migrated, with its dialect.
 *
 * <p>Drivers are found with {@link ServiceLoader} in the plugin's own class loader rather than
 * through {@code DriverManager}, whose caller checks fail inside Maven's class realms; a driver the
 * user adds as a plugin dependency is found the same way.
 */
public final class Database implements AutoCloseable {

    private static final java.util.Map<String, Driver> DRIVERS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Connection connection;
    private final Dialect dialect;
    private final String redactedUrl;

    private Database(Connection connection, Dialect dialect, String redactedUrl) {
        this.connection = connection;
        this.dialect = dialect;
        this.redactedUrl = redactedUrl;
    }

    /**
     * Connects to {@code url}, a database of the product {@code dialect}; code outside the product
     * packages connects through a {@link DatabaseTarget}, which resolved the product once.
     */
    public static Database connect(Dialect dialect, String url, String user, String password) {
        return connect(dialect, new ConnectionSettings(url, user, password));
    }

    /**
     * Connects as {@code settings} say, to a database of the product {@code dialect}, within their
     * time limit: the product turns it into its driver's connect, login and read timeouts.
     */
    public static Database connect(Dialect dialect, ConnectionSettings settings) {
        String url = settings.url();
        String user = settings.user();
        String password = settings.password();
        String shownUrl = Redaction.redactUrl(url);
        String driverUrl = url == null ? null : dialect.driverUrl(url);
        Driver driver = driverFor(driverUrl, shownUrl);
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        dialect.addConnectionProperties(url, properties);
        int seconds = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toSeconds());
        boolean readLimitWhileConnecting = seconds > 0 && dialect.addTimeLimits(url, properties, seconds);
        try {
            Connection connection = driver.connect(driverUrl, properties);
            if (connection == null) {
                throw new DatabaseUnavailableException("the JDBC driver refused the URL " + shownUrl, null);
            }
            if (readLimitWhileConnecting) {
                // the read limit was for logging in: a migration's statement may rightly run for hours
                connection.setNetworkTimeout(Runnable::run, 0);
            }
            try {
                dialect.connected(connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return new Database(connection, dialect, shownUrl);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot connect to " + shownUrl + ": "
                    + Redaction.redact(e.getMessage() + causes(e), password)
                    + " (check migrate.url, migrate.user and migrate.password, and that the server is running"
                    + (seconds > 0 ? " and answers within migrate.connectTimeout, " + seconds + " s" : "") + ")",
                    null);
        }
    }

    /**
     * The messages of what caused {@code e} (an unknown host, a refused connection, a timeout),
     * which drivers often keep out of their own message ("The connection attempt failed.").
     */
    private static String causes(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            out.append("; caused by ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return out.toString();
    }

    private static Driver driverFor(String url, String shownUrl) {
        if (url == null || url.isBlank()) {
            throw new DatabaseUnavailableException("no database URL: set migrate.url", null);
        }
        // verify connects to its scratch database many times: look the driver up once per URL
        Driver known = DRIVERS.get(url);
        if (known != null) {
            return known;
        }
        for (Driver driver : ServiceLoader.load(Driver.class, Database.class.getClassLoader())) {
            try {
                if (driver.acceptsURL(url)) {
                    if (DRIVERS.size() < 64) {
                        DRIVERS.put(url, driver);
                    }
                    return driver;
                }
            } catch (SQLException e) {
                // a driver that cannot even judge the URL is not the one we want
            }
        }
        throw new DatabaseUnavailableException("no JDBC driver accepts " + shownUrl
                + "; the plugin ships the PostgreSQL, MariaDB (also for jdbc:mysql:) and H2 drivers, add any other as a <dependency> of the plugin", null);
    }

    public Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The server's major version, or 0 when the driver cannot tell. */
    public int serverMajorVersion() {
        try {
            return connection.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException | RuntimeException e) {
            return 0;
        }
    }

    /** The URL with any password masked, for messages. */
    public String redactedUrl() {
        return redactedUrl;
    }

    /**
     * Makes {@code schema} the connection's current schema, creating it first when asked to. A
     * missing schema that is not to be created is left alone (nothing can be applied in it yet).
     */
    public void useSchema(Identifier schema, boolean create) {
        try {
            dialect.useSchema(connection, redactedUrl, schema, create);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot use schema " + schema + " on " + redactedUrl + ": "
                    + e.getMessage() + " (check migrate.schema and the user's rights)", e);
        }
    }

    @Override
    public void close() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.close();
        } catch (SQLException e) {
            // closing is best effort: the work is either committed or rolled back by now
        }
    }
}
