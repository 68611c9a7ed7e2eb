package dev.migrate.database;

import dev.migrate.common.Log;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Everything the plugin does differently on one database product. Each product has one class
 * ({@link PostgresDialect}, {@link H2Dialect}, {@link GenericDialect} for any other JDBC driver);
 * code outside this package asks the dialect instead of asking which database it talks to.
 * Adding a database means adding one class and listing it in {@link #KNOWN}.
 */
public interface Dialect {

    Dialect POSTGRESQL = new PostgresDialect();
    Dialect H2 = new H2Dialect();
    /** Any other database a user brought a driver for: standard SQL only, DDL not assumed transactional. */
    Dialect GENERIC = new GenericDialect();

    /** The dialects chosen by URL or by name, in the order they are asked. */
    List<Dialect> KNOWN = List.of(POSTGRESQL, H2);

    /** The dialect of a JDBC URL; {@link #GENERIC} when no known one accepts it. */
    static Dialect fromUrl(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(dialect -> lower.startsWith(dialect.urlPrefix())).findFirst().orElse(GENERIC);
    }

    /** The dialect a user names ({@code postgresql}, {@code pg}, {@code h2}, ...), if any. */
    static Optional<Dialect> byName(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(dialect -> dialect.names().contains(lower)).findFirst();
    }

    /** How messages name the product. */
    String displayName();

    /** The start of its JDBC URLs, lower case ({@code jdbc:postgresql:}). */
    String urlPrefix();

    /** Names a user may give it, lower case. */
    List<String> names();

    /** Whether a failed revision's DDL is rolled back with its transaction. */
    boolean transactionalDdl();

    /** Adds what this database wants to the driver's connection properties. */
    default void addConnectionProperties(String url, Properties properties) {
    }

    /** {@code identifier} as the catalog stores it unquoted. */
    String fold(Identifier identifier);

    /**
     * Makes {@code schema} the connection's current schema, creating it first when asked to. A
     * missing schema that is not to be created is left alone (nothing can be applied in it yet).
     */
    void useSchema(Database database, Identifier schema, boolean create) throws SQLException;

    /**
     * Whether the history table's schema is created only once the migration lock is held (where
     * concurrent {@code CREATE ... IF NOT EXISTS} can collide) rather than before it (where the
     * lock itself is a table in that schema).
     */
    boolean createsSchemaUnderLock();

    /**
     * Waits for the migration lock of the history table {@code historyName}, up to {@code timeout},
     * logging who holds it. {@code connector} opens a new connection to the same database.
     *
     * @throws LockTimeoutException when the lock is still held after {@code timeout}
     */
    MigrationLock lock(Supplier<Database> connector, String historyName, Duration timeout, Log log);

    /** Readies the connection that will run revisions, once the migration lock is held. */
    default void prepareWorkSession(Database database, String historyName, Duration timeout, Log log)
            throws SQLException {
    }

    /**
     * Returns {@code database}'s session to the state of a new connection (temporary tables,
     * settings, prepared statements, advisory locks, cursors all gone) and answers true; false where
     * this database cannot, and a new connection is needed instead.
     */
    default boolean resetSession(Database database) throws SQLException {
        return false;
    }

    /** The statement that creates the history table {@code qualifiedName} (already validated). */
    String createHistoryTableSql(String qualifiedName);

    /**
     * The reader of this database's catalog.
     *
     * @throws UnsupportedVerifyDatabaseException where the plugin cannot read the catalog
     */
    SnapshotReader snapshotReader();

    /**
     * A new empty scratch database named {@code name} next to the one at {@code adminUrl}, and its URL.
     *
     * @throws UnsupportedVerifyDatabaseException where the plugin cannot make one
     */
    String createScratch(String adminUrl, String name, String user, String password);

    /** Drops the scratch database {@code name} made by {@link #createScratch}. */
    void dropScratch(String adminUrl, String url, String name, String user, String password);

    /** How the log names a scratch database this dialect made. */
    String describeScratch(String adminUrl, String name);

    /** The line an offline script starts with to say how to run it, or an empty string. */
    default String offlineScriptHint() {
        return "";
    }

    /** The statement that makes {@code schema} current in an offline script. */
    String setSchemaSql(Identifier schema);
}
