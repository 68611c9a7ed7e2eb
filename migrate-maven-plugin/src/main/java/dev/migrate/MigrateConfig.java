package dev.migrate;

import dev.migrate.common.InvalidSettingException;
import dev.migrate.common.Redaction;
import dev.migrate.database.ConnectionSettings;
import dev.migrate.revision.Placeholders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the core needs to know about one project: where its revisions are and which
 * database to move.
 *
 * @param url JDBC URL; PostgreSQL and H2 are known dialects
 * @param user database user, or null to use the URL's
 * @param password database password, or null; never printed
 * @param schema schema that holds the history table and becomes the connection's current schema,
 *     or null for the connection's default
 * @param revisions the revisions folder
 * @param historyTable name of the history table (a plain identifier)
 * @param lockTimeout how long a run waits for another run's migration lock
 * @param placeholders values for the {@code ${name}} placeholders of the revisions' SQL
 * @param connectTimeout how long opening a connection may take (connect and log in), zero for the
 *     driver's own limits
 */
public record MigrateConfig(String url, String user, String password, String schema, Path revisions, String historyTable,
        Duration lockTimeout, Placeholders placeholders, Duration connectTimeout) {

    public static final String DEFAULT_HISTORY_TABLE = "migrate_history";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(120);

    /** A configuration with the default connect timeout. */
    public MigrateConfig(String url, String user, String password, String schema, Path revisions, String historyTable,
            Duration lockTimeout, Placeholders placeholders) {
        this(url, user, password, schema, revisions, historyTable, lockTimeout, placeholders,
                ConnectionSettings.DEFAULT_CONNECT_TIMEOUT);
    }

    /** A configuration with the default lock timeout. */
    public MigrateConfig(String url, String user, String password, String schema, Path revisions, String historyTable) {
        this(url, user, password, schema, revisions, historyTable, DEFAULT_LOCK_TIMEOUT);
    }

    /** A configuration with no placeholder values of the user's (the built-ins still resolve). */
    public MigrateConfig(String url, String user, String password, String schema, Path revisions, String historyTable,
            Duration lockTimeout) {
        this(url, user, password, schema, revisions, historyTable, lockTimeout, Placeholders.NONE);
    }

    /** The same configuration on another schema of the same database (one tenant of many). */
    public MigrateConfig withSchema(String otherSchema) {
        return new MigrateConfig(url, user, password, otherSchema, revisions, historyTable, lockTimeout, placeholders,
                connectTimeout);
    }

    public MigrateConfig {
        Objects.requireNonNull(revisions, "revisions");
        historyTable = historyTable == null || historyTable.isBlank() ? DEFAULT_HISTORY_TABLE : historyTable.strip();
        schema = schema == null || schema.isBlank() ? null : schema.strip();
        user = user == null || user.isEmpty() ? null : user;
        password = password == null || password.isEmpty() ? null : password;
        lockTimeout = lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : lockTimeout;
        placeholders = placeholders == null ? Placeholders.NONE : placeholders;
        connectTimeout = connectTimeout == null ? ConnectionSettings.DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        if (connectTimeout.isNegative()) {
            throw new InvalidSettingException("migrate.connectTimeout is " + connectTimeout.toSeconds() + " seconds;"
                    + " set it to the seconds connecting and logging in may take, or to 0 for the driver's own limits");
        }
        if (lockTimeout.isNegative()) {
            throw new InvalidSettingException("migrate.lockTimeout is " + lockTimeout.toSeconds() + " seconds; set it"
                    + " to 0 (give up at once when another run holds the lock) or to the seconds to wait");
        }
    }

    /** The configuration with the password left out and passwords in the URL masked. */
    @Override
    public String toString() {
        return "MigrateConfig[url=" + Redaction.redactUrl(url) + ", user=" + user + ", password="
                + (password == null ? "none" : "****") + ", schema=" + schema + ", revisions=" + revisions
                + ", historyTable=" + historyTable + ", lockTimeout=" + lockTimeout + ", connectTimeout=" + connectTimeout + ", " + placeholders + "]";
    }
}
