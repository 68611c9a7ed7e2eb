package dev.migrate.database;

import dev.migrate.common.Log;
import dev.migrate.sql.NoTransactionStatement;
import dev.migrate.sql.Statement;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything the plugin does differently on one database product: the seam between the plugin and
 * each product package ({@code database.postgres}, {@code database.h2}, {@code database.generic}).
 * Products are found at run time ({@link Dialects}); code outside a product package asks its dialect
 * instead of asking which database it talks to. Adding a database means adding one package and one
 * line in {@code META-INF/services/dev.migrate.database.Dialect}.
 */
public interface Dialect {

    /**
     * Which product wins when several accept a URL: the highest first. The generic product, which
     * accepts any URL, declares the lowest.
     */
    default int priority() {
        return 0;
    }

    /** Whether this product handles the JDBC URL {@code url} (already lower case). */
    default boolean accepts(String url) {
        return url.startsWith(urlPrefix());
    }

    /** How messages name the product. */
    String displayName();

    /** The lexical rules of this product's own client, by which revision files are split into statements. */
    dev.migrate.sql.SqlSyntax syntax();

    /** The start of its JDBC URLs, lower case ({@code jdbc:postgresql:}). */
    String urlPrefix();

    /** Names a user may give it, lower case. */
    List<String> names();

    /** Whether a failed revision's DDL is rolled back with its transaction. */
    boolean transactionalDdl();

    /**
     * Whether this database refuses {@code statement} inside a transaction block, on a server of
     * major version {@code serverMajorVersion} (0 when it is not known).
     */
    default boolean refusesInTransaction(NoTransactionStatement statement, int serverMajorVersion) {
        return false;
    }

    /**
     * Whether {@code statement}, in a revision that runs outside a transaction, may run in one short
     * transaction together with its journal update, so that the two commit together or not at all.
     * A statement that cannot (the database refuses it in a transaction, or commits on its own, as
     * DDL does where DDL is not transactional) is journaled as started before it runs and as done
     * after, and a resume that finds it started asks {@link #checkStarted}. By default only data
     * changes share: saying no is always safe, saying yes wrongly reopens the window. {@code kind} is
     * what lint's classifier made of the statement, when it is one some database refuses in a
     * transaction.
     */
    default boolean sharesTransaction(Statement statement, Optional<NoTransactionStatement> kind,
            int serverMajorVersion) {
        return StatementKinds.changesDataOnly(statement.sql());
    }

    /**
     * What a resume can find out about {@code statement}, which was started outside any
     * transaction and never recorded as done: by default what the JDBC catalog shows of the table,
     * column or index it creates or drops, and otherwise nothing (the user decides). {@code kind} is
     * as for {@link #sharesTransaction}.
     */
    default InDoubtCheck checkStarted(Connection connection, Statement statement,
            Optional<NoTransactionStatement> kind)
            throws SQLException {
        return CatalogInDoubt.check(connection, statement);
    }

    /**
     * Whether connecting to {@code url} would create the database because it does not exist yet (an
     * embedded database file), so that goals can decide before any connection whether they need it.
     */
    /**
     * Whether a value added to an enum type cannot be used before the transaction that added it
     * commits (PostgreSQL: "unsafe use of new value", SQL state 55P04).
     */
    default boolean newEnumValueNeedsCommit() {
        return false;
    }

    /**
     * Whether {@code statement} may go to the server in one batch with the other statements of a
     * transactional revision (one JDBC batch, one round trip where the driver pipelines it), which
     * happens when all of them may. Only where a failure inside the batch is rolled back with
     * everything before it, and where the statement does in a batch exactly what it does alone (a
     * driver that expects no rows from a batch may stop a statement that returns them); saying no
     * is always safe.
     */
    default boolean batches(Statement statement) {
        return false;
    }

    /**
     * The index in {@code batch} of the statement that made {@code failure} (a failed batch of
     * {@link #batches} statements, rolled back), when the driver names it for sure; then
     * {@code failure.getNextException()} is that statement's own error, as running it alone would
     * have raised it. Empty when the driver does not tell: the statements then run again one by one.
     */
    default OptionalInt failedBatchStatement(BatchUpdateException failure, List<Statement> batch) {
        return OptionalInt.empty();
    }

    /**
     * Whether a write and the {@code COMMIT} after it may go as one statement text ({@code write;
     * COMMIT}), in one round trip: the server runs them in order and, when the write fails, skips
     * the commit and leaves the transaction to be rolled back, as if they had gone one by one.
     * Saying no is always safe.
     */
    default boolean commitsWithWrite() {
        return false;
    }

    /**
     * {@code value} (not null) as a string literal of this database's SQL, read the same whatever the
     * session's settings say (a revision may change how quotes and backslashes are read), so that a
     * history write can go as text in a batch of statements; null where this database cannot say,
     * and the write goes as a prepared statement of its own. Saying null is always safe.
     */
    default String textLiteral(String value) {
        return null;
    }

    default boolean createsOnConnect(String url) {
        return false;
    }

    /**
     * The URL handed to the JDBC driver for the configured {@code url}: the same by default; a
     * product whose shipped driver needs a URL option to accept the scheme adds it here.
     */
    default String driverUrl(String url) {
        return url;
    }

    /** Adds what this database wants to the driver's connection properties. */
    default void addConnectionProperties(String url, Properties properties) {
    }

    /**
     * Sees each new connection once logged in, before anything runs on it: a product that resets
     * sessions for reuse ({@link #resetSession}) notes here what the login set. Nothing by default.
     */
    default void connected(Connection connection) throws SQLException {
    }

    /**
     * Makes reaching the server and logging in take at most {@code seconds}, through the driver's
     * properties (or URL options it leaves alone when the URL sets its own). Returns true when a
     * socket read limit was set for logging in only: the caller lifts it once connected, so that a
     * long statement is not cut off. By default the standard JDBC login timeout, which drivers that
     * have no properties of their own read.
     */
    default boolean addTimeLimits(String url, Properties properties, int seconds) {
        java.sql.DriverManager.setLoginTimeout(seconds);
        return false;
    }

    /** The words (lower case) this database refuses as an unquoted table or schema name. */
    Set<String> reservedWords();

    /**
     * {@code name}, configured by {@code parameter} ({@code migrate.table}, ...), as an identifier
     * the plugin can write into this database's SQL unquoted.
     *
     * @throws InvalidIdentifierException when it is not a plain identifier or is a reserved word here
     */
    default Identifier identifier(String name, String parameter) {
        Identifier identifier = new Identifier(name);
        if (reservedWords().contains(name.toLowerCase(Locale.ROOT))) {
            throw InvalidIdentifierException.reservedWord(name, parameter, displayName());
        }
        return identifier;
    }

    /** {@code identifier} as the catalog stores it unquoted. */
    String fold(Identifier identifier);

    /**
     * Makes {@code schema} the connection's current schema, creating it first when asked to. A
     * missing schema that is not to be created is left alone (nothing can be applied in it yet).
     */
    void useSchema(Connection connection, String shownUrl, Identifier schema, boolean create) throws SQLException;

    /**
     * The schema to use inside a scratch database that stands in for the configured {@code schema}
     * (never null): the same by default; null where a schema is a database of its own, so that the
     * scratch database itself stands in for it and nothing runs in the configured one.
     */
    default Identifier scratchSchema(Identifier schema) {
        return schema;
    }

    /**
     * Whether the history table's schema is created only once the migration lock is held (where
     * concurrent {@code CREATE ... IF NOT EXISTS} can collide) rather than before it (where the
     * lock itself is a table in that schema).
     */
    boolean createsSchemaUnderLock();

    /**
     * Waits for the migration lock of the history table {@code historyName}, up to {@code timeout},
     * logging who holds it. {@code connector} opens a new connection to the same database, which the
     * lock closes when it is released. The lock belongs to the table as the database resolves the name (its database, the schema an
     * unqualified name resolves to, names folded as the catalog stores them), so every spelling of
     * one history table takes one lock.
     *
     * @throws LockTimeoutException when the lock is still held after {@code timeout}
     */
    MigrationLock lock(Supplier<Connection> connector, String historyName, Duration timeout, Log log);

    /** Readies the connection that will run revisions, once the migration lock is held. */
    default void prepareWorkSession(Connection connection, String historyName, Duration timeout, Log log)
            throws SQLException {
    }

    /**
     * Returns {@code database}'s session to the state of a new connection (temporary tables,
     * settings, prepared statements, advisory locks, cursors all gone) and answers true; false where
     * this database cannot, and a new connection is needed instead.
     */
    default boolean resetSession(Connection connection) throws SQLException {
        return false;
    }

    /**
     * As {@link #resetSession}, as far as it can be done inside the transaction open on
     * {@code database} without ending it (settings and temporary tables); nothing where this
     * database cannot, and plans that share a transaction share the session as it is.
     */
    default void resetSessionInTransaction(Connection connection) throws SQLException {
    }

    /**
     * What {@link #resetSession} sends, as statement texts that return no rows, for a batch to carry
     * after its commit (see {@code PlanRunner}); empty where this database cannot, and the session is
     * reset by {@link #resetSession} or replaced.
     */
    default List<String> resetTexts() {
        return List.of();
    }

    /** The statement that creates the history table {@code qualifiedName} (already validated). */
    String createHistoryTableSql(String qualifiedName);

    /**
     * The statement that adds {@code column}, one of the history table's columns that a table made by
     * an older release lacks, to the history table {@code qualifiedName}.
     */
    String addHistoryColumnSql(String qualifiedName, String column);

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

    /**
     * A new scratch database {@code name} that starts as a copy of the scratch database {@code source}
     * (which nobody may be connected to), and its URL; empty where the database cannot copy one, so
     * the caller builds the copy by running the same revisions again.
     */
    Optional<String> copyScratch(String adminUrl, String source, String name, String user, String password);

    /** What fills tables with generated rows for verify; {@link RowSeeder#UNSUPPORTED} where it cannot. */
    RowSeeder rowSeeder();

    /** What reads the locks a revision's statements take; {@link LockSampler#UNSUPPORTED} where it cannot. */
    LockSampler lockSampler();

    /**
     * Drops the scratch databases on the server of {@code adminUrl} whose names start with
     * {@code prefix}, that carry the plugin's marker ({@link ScratchNames}), were made before
     * {@code before}, and that no session uses: what killed runs left behind. Returns their names.
     * Best effort: a database it may not see or drop is left alone. None by default (an embedded
     * database goes with its process).
     */
    default java.util.List<String> dropStaleScratch(String adminUrl, String prefix, java.time.Instant before,
            String user, String password) {
        return java.util.List.of();
    }

    /** How the log names a scratch database this dialect made. */
    String describeScratch(String adminUrl, String name);

    /** Writes this database's DDL for autogenerate, where the plugin knows how. */
    default Optional<DdlWriter> ddlWriter() {
        return Optional.empty();
    }

    /**
     * A query listing sequences owned by a table column (schema, sequence, table schema, table,
     * column, dependency type 'a' or 'i' for identity), or null where sequences have no owner.
     */
    default String sequenceOwnersQuery() {
        return null;
    }

    /**
     * A query that returns a row when a table (any relation) of the given name exists: its two
     * parameters are the schema, null for the session's current one, and the name, both
     * {@linkplain #fold folded}. Null (the default): the driver's catalog ({@code getTables}) is
     * asked, which on some drivers is a larger query than the question needs, and on a new
     * database's first connection a slow one.
     */
    default String tableExistsQuery() {
        return null;
    }

    /** The line an offline script starts with to say how to run it, or an empty string. */
    default String offlineScriptHint() {
        return "";
    }

    /** The statement that makes {@code schema} current in an offline script. */
    String setSchemaSql(Identifier schema);

    /**
     * The schema {@code connection} is in, where a revision's statement can move the session to
     * another one (MySQL's {@code USE}): the history table is then written qualified with it and
     * the session is moved back after each revision, so history rows stay in the migrated schema.
     * Null by default, and for a name that is not a plain identifier: the name stays unqualified.
     */
    default Identifier movableSchema(Connection connection) throws SQLException {
        return null;
    }
}
