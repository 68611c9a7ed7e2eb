package dev.migrate.database;

import dev.migrate.common.Redaction;
import java.time.Duration;

/**
 * Where a database is, who connects to it, and how long connecting may take.
 *
 * @param url JDBC URL
 * @param user database user, or null to use the URL's
 * @param password database password, or null; never printed
 * @param connectTimeout how long reaching the server and logging in may take ({@code migrate.connectTimeout});
 *     zero leaves the driver's own limits
 */
public record ConnectionSettings(String url, String user, String password, Duration connectTimeout) {

    /** {@code migrate.connectTimeout}'s default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    public ConnectionSettings {
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
    }

    /** Settings with the default connect timeout. */
    public ConnectionSettings(String url, String user, String password) {
        this(url, user, password, DEFAULT_CONNECT_TIMEOUT);
    }

    /** The same user, password and time limit on another database. */
    public ConnectionSettings at(String otherUrl) {
        return new ConnectionSettings(otherUrl, user, password, connectTimeout);
    }

    /** The settings with the password left out and passwords in the URL masked. */
    @Override
    public String toString() {
        return "ConnectionSettings[url=" + Redaction.redactUrl(url) + ", user=" + user + ", password="
                + (password == null ? "none" : "****") + ", connectTimeout=" + connectTimeout + "]";
    }
}
