package dev.migrate.database.postgres;

import dev.migrate.database.Database;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.DdlWriter;
import dev.migrate.database.Identifier;
import dev.migrate.database.InDoubtCheck;
import dev.migrate.database.LockSampler;
import dev.migrate.database.MigrationLock;
import dev.migrate.database.ReservedWords;
import dev.migrate.database.RowSeeder;
import dev.migrate.database.ScratchDatabaseException;
import dev.migrate.database.ScratchNames;
import dev.migrate.database.SnapshotReader;
import dev.migrate.database.StandardDialect;
import dev.migrate.common.Log;
import dev.migrate.common.Redaction;
import dev.migrate.sql.NoTransactionStatement;
import dev.migrate.sql.StatementSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * PostgreSQL: transactional DDL, advisory locks, its own catalog for snapshots, and scratch
 * databases made with {@code CREATE DATABASE} on the same server.
 *
 * <p>Longer than most classes: it answers every question of the {@link dev.migrate.database.Dialect}
 * seam for PostgreSQL, one short method each; the work behind the answers (lock, catalog reads,
 * change log, DDL, seeding) lives in the package's other classes.
 */
public final class PostgresDialect extends StandardDialect {

    /**
     * PostgreSQL's reserved keywords and those reserved but allowed as function or type names
     * ({@code pg_get_keywords()} categories R and T): neither may name a table unquoted.
     */
    private static final Set<String> RESERVED = ReservedWords.of("all analyse analyze and any array as asc asymmetric"
            + " authorization binary both case cast check collate collation column concurrently constraint create"
            + " cross current_catalog current_date current_role current_schema current_time current_timestamp"
            + " current_user default deferrable desc distinct do else end except false fetch for foreign freeze from"
            + " full grant group having ilike in initially inner intersect into is isnull join lateral leading left"
            + " like limit localtime localtimestamp natural not notnull null offset on only or order outer overlaps"
            + " placing primary references returning right select session_user similar some symmetric system_user"
            + " table tablesample then to trailing true union unique user using variadic verbose when where window"
            + " with");


    /** How this product's own client splits a script into statements. */
    @Override
    public dev.migrate.sql.SqlSyntax syntax() {
        return PostgresSyntax.INSTANCE;
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    @Override
    public String urlPrefix() {
        return "jdbc:postgresql:";
    }

    @Override
    public List<String> names() {
        return List.of("postgresql", "postgres", "pg");
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /**
     * Every statement of the kind, except {@code ALTER TYPE ... ADD VALUE}, which PostgreSQL 12
     * accepts in a transaction: that one only where the server is known to be older.
     */
    @Override
    public boolean refusesInTransaction(NoTransactionStatement statement, int serverMajorVersion) {
        return statement.refusedOn(serverMajorVersion);
    }

    /**
     * DDL is transactional here, so every statement shares a transaction with its journal update
     * except those PostgreSQL refuses in one and a revision's own transaction control.
     */
    @Override
    public boolean sharesTransaction(dev.migrate.sql.Statement statement, Optional<NoTransactionStatement> kind,
            int serverMajorVersion) {
        if (syntax().isTransactionControl(statement)) {
            return false;
        }
        return kind.filter(k -> refusesInTransaction(k, serverMajorVersion)).isEmpty();
    }

    @Override
    public boolean newEnumValueNeedsCommit() {
        return true;
    }

    /**
     * PgJDBC sends a batch in one round trip, and DDL rolls back with the transaction; a statement
     * that returns rows would stop at its first in a batch ({@link PostgresBatches}).
     */
    @Override
    public boolean batches(dev.migrate.sql.Statement statement) {
        return PostgresBatches.returnsNoRows(statement);
    }

    @Override
    public java.util.OptionalInt failedBatchStatement(java.sql.BatchUpdateException failure,
            List<dev.migrate.sql.Statement> batch) {
        return PostgresBatches.failedStatement(failure, batch);
    }

    /**
     * PgJDBC sends the parts of a statement text with several statements together, before one
     * Sync: the server stops at the first failure, so a failed write leaves its COMMIT unrun.
     */
    @Override
    public boolean commitsWithWrite() {
        return true;
    }

    /**
     * Quotes doubled; where the value holds a backslash, an escape string ({@code E'...'}) with the
     * backslashes doubled too, which reads the same whether {@code standard_conforming_strings} is on
     * or off. A NUL, which no text value can hold, is left to the prepared write to refuse.
     */
    @Override
    public String textLiteral(String value) {
        if (value.indexOf('\0') >= 0) {
            return null;
        }
        String quoted = "'" + value.replace("'", "''") + "'";
        return value.indexOf('\\') < 0 ? quoted : "E" + quoted.replace("\\", "\\\\");
    }

    @Override
    public InDoubtCheck checkStarted(java.sql.Connection connection, dev.migrate.sql.Statement statement,
            Optional<NoTransactionStatement> kind) throws SQLException {
        return PostgresInDoubt.check(connection, statement, kind);
    }

    @Override
    public Set<String> reservedWords() {
        return RESERVED;
    }

    @Override
    protected String textType() {
        return "TEXT";
    }

    @Override
    protected String timestampType() {
        return "TIMESTAMP WITH TIME ZONE";
    }

    /**
     * The application name, TCP keep-alive, which notices a server that has gone away, and
     * statements that stay prepared across DDL. PgJDBC (42.7.13 on) forgets every statement it
     * prepared on the server whenever a CREATE, DROP or ALTER completes on the connection, so on the
     * connection that runs revisions each catalog query and history write after a revision was parsed
     * and planned again (verify's row seeder look-up: planning 4 to 6 ms of server time a look-up,
     * running it 0.7). The setting guards against "cached plan must not change result type" for a
     * prepared query whose table a DDL statement changes; the plugin's prepared statements read the
     * catalogs or the plugin's own tables, or write the history table without returning rows, and a
     * revision's statements are not prepared, so none can meet that. A URL that sets it keeps its own.
     * And a server of 9.0 or later assumed (as every supported one is), so that the driver sends the
     * application name with the login instead of in a SET of its own: one round trip less per
     * connection.
     */
    @Override
    public void addConnectionProperties(String url, Properties properties) {
        setUnlessInUrl(url, properties, "ApplicationName", "migrate-maven-plugin");
        setUnlessInUrl(url, properties, "assumeMinServerVersion", "9.0");
        setUnlessInUrl(url, properties, "tcpKeepAlive", "true");
        setUnlessInUrl(url, properties, "flushCacheOnDdl", "false");
    }

    /**
     * pgjdbc's {@code connectTimeout} (opening the TCP connection) and {@code loginTimeout} (the
     * whole login, which covers a server that accepts and never answers), unless the URL sets its
     * own: the driver's default login timeout is none. No {@code socketTimeout}: a long statement
     * (an index build) is legitimate, and keep-alive notices a dead server instead.
     */
    @Override
    public boolean addTimeLimits(String url, Properties properties, int seconds) {
        setUnlessInUrl(url, properties, "connectTimeout", String.valueOf(seconds));
        setUnlessInUrl(url, properties, "loginTimeout", String.valueOf(seconds));
        return false;
    }

    private static void setUnlessInUrl(String url, Properties properties, String key, String value) {
        if (!url.toLowerCase(Locale.ROOT).contains(key.toLowerCase(Locale.ROOT) + "=")) {
            properties.setProperty(key, value);
        }
    }

    @Override
    public String fold(Identifier identifier) {
        return identifier.name().toLowerCase(Locale.ROOT);
    }

    /** Concurrent {@code CREATE ... IF NOT EXISTS} can collide in PostgreSQL's catalog: only under the lock. */
    @Override
    public boolean createsSchemaUnderLock() {
        return true;
    }

    @Override
    public MigrationLock lock(Supplier<Connection> connector, String historyName, Duration timeout, Log log) {
        return PostgresLock.acquire(connector.get(), historyName, timeout, log);
    }

    /**
     * The connection that runs revisions asks the server to notice a vanished client during long
     * statements (PostgreSQL 14+), and waits out a killed run's session that is still working.
     */
    @Override
    public void prepareWorkSession(Connection connection, String historyName, Duration timeout, Log log)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET client_connection_check_interval = 1000");
        } catch (SQLException e) {
            // older servers do not know the setting: a killed client's statement then runs to its end
        }
        PostgresLock.holdWorkLock(connection, historyName, timeout, log);
    }

    /**
     * What a new connection would give, without a new server process and its cold caches: what
     * DISCARD ALL does, but for the statements the driver itself prepared, which stay prepared with
     * their plans (no revision can reach them; DISCARD ALL would have every catalog query verify
     * makes after a reset parsed and planned again). One round trip.
     */
    @Override
    public boolean resetSession(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute(RESET);
        }
        return true;
    }

    /**
     * What DISCARD ALL does (which PostgreSQL refuses inside a transaction), in parts that it allows
     * in one and out of one: statements a revision prepared with PREPARE go, the driver's own stay
     * prepared.
     */
    private static final List<String> RESET_PARTS = List.of("CLOSE ALL", "SET SESSION AUTHORIZATION DEFAULT",
            "RESET ALL", "UNLISTEN *", "DISCARD TEMP", "DISCARD SEQUENCES",
            "DO $$ DECLARE statement_name text; BEGIN PERFORM pg_catalog.pg_advisory_unlock_all();"
            + " FOR statement_name IN SELECT name FROM pg_catalog.pg_prepared_statements WHERE from_sql LOOP"
            + " EXECUTE 'DEALLOCATE ' || pg_catalog.quote_ident(statement_name); END LOOP; END $$");
    private static final String RESET = String.join("; ", RESET_PARTS);

    /**
     * The parts of {@link #resetSession}'s reset, none of which returns rows: after a commit in a
     * batch they run in a transaction of their own, which the server starts as it starts the one
     * {@link #resetSession} runs in, and commits at the batch's end.
     */
    @Override
    public List<String> resetTexts() {
        return RESET_PARTS;
    }

    @Override
    public void resetSessionInTransaction(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(RESET);
        }
    }

    @Override
    public java.util.Optional<DdlWriter> ddlWriter() {
        return java.util.Optional.of(new PostgresDdlWriter());
    }

    @Override
    public String sequenceOwnersQuery() {
        return "SELECT sn.nspname, s.relname, tn.nspname, t.relname, a.attname, d.deptype"
            + " FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'"
            + " JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace"
            + " JOIN pg_catalog.pg_class t ON t.oid = d.refobjid JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
            + " WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass"
            + " AND d.deptype IN ('a', 'i')";
    }

    /**
     * pg_class by name, in place of PgJDBC's {@code getTables} (which joins the comments and works
     * out each relation's type: on the first connection to a new database, 10 ms of server time
     * against 4).
     */
    @Override
    public String tableExistsQuery() {
        return "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = coalesce(CAST(? AS name), pg_catalog.current_schema()) AND c.relname = ?";
    }

    @Override
    public SnapshotReader snapshotReader() {
        return new PostgresSnapshotReader();
    }

    @Override
    public String createScratch(String adminUrl, String name, String user, String password) {
        try (Database admin = admin(adminUrl, user, password); Statement statement = admin.connection().createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            // a throw-away database: its commits need not wait for the disk (what they make visible is the same)
            statement.execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
            // the marker by which a later run knows the database as the plugin's, whoever owns it
            statement.execute("COMMENT ON DATABASE " + name + " IS '" + ScratchNames.marker(java.time.Instant.now())
                    .replace("'", "''") + "'");
        } catch (SQLException e) {
            String who = user != null ? "user " + user : "the user of migrate.url";
            String reason = "42501".equals(e.getSQLState()) ? who + " may not create databases (grant it CREATEDB)"
                    : Redaction.redact(e.getMessage(), password) + " (SQL state " + e.getSQLState() + ")";
            throw new ScratchDatabaseException("cannot create the scratch database " + name + " on "
                    + Redaction.redactUrl(adminUrl) + ": " + reason + ". " + ScratchDatabaseException.WAY_OUT
                    + " set migrate.verifyUrl (<verifyUrl>) to an empty database it may use instead.", e);
        }
        return withDatabase(adminUrl, name);
    }

    @Override
    public void dropScratch(String adminUrl, String url, String name, String user, String password) {
        try (Database admin = admin(adminUrl, user, password); Statement statement = admin.connection().createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new ScratchDatabaseException("migrate:verify cannot drop its scratch database " + name + " on "
                    + Redaction.redactUrl(adminUrl) + ": " + e.getMessage() + "; drop it by hand", e);
        }
    }

    @Override
    public List<String> dropStaleScratch(String adminUrl, String prefix, java.time.Instant before, String user,
            String password) {
        try (Database admin = admin(adminUrl, user, password)) {
            return PostgresStaleScratch.drop(admin.connection(), prefix, before);
        } catch (RuntimeException e) {
            return List.of(); // best effort: verify goes on without the clean-up
        }
    }

    /** CREATE DATABASE ... TEMPLATE copies the files of the source, much faster than running its revisions again. */
    @Override
    public Optional<String> copyScratch(String adminUrl, String source, String name, String user, String password) {
        try (Database admin = admin(adminUrl, user, password); Statement statement = admin.connection().createStatement()) {
            statement.execute("CREATE DATABASE " + name + " TEMPLATE " + source);
            statement.execute("COMMENT ON DATABASE " + name + " IS '" + ScratchNames.marker(java.time.Instant.now())
                    .replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new ScratchDatabaseException("migrate:verify cannot copy its scratch database " + source + " to "
                    + name + " on " + Redaction.redactUrl(adminUrl) + ": " + Redaction.redact(e.getMessage(), password)
                    + " (SQL state " + e.getSQLState() + ")", e);
        }
        return Optional.of(withDatabase(adminUrl, name));
    }

    @Override
    public RowSeeder rowSeeder() {
        return new PostgresRowSeeder();
    }

    @Override
    public LockSampler lockSampler() {
        return new PostgresLockSampler();
    }

    @Override
    public String describeScratch(String adminUrl, String name) {
        return "temporary database " + name + " on the PostgreSQL server of " + Redaction.redactUrl(adminUrl);
    }

    @Override
    public String offlineScriptHint() {
        return "-- Review it, then run it with: psql -v ON_ERROR_STOP=1 -f <this file>\n";
    }

    @Override
    public String setSchemaSql(Identifier schema) {
        return "SET search_path TO " + schema.name();
    }

    /**
     * A connection to the server for CREATE and DROP DATABASE: through the configured database, or
     * through {@code postgres} when the configured one does not exist yet.
     */
    private Database admin(String adminUrl, String user, String password) {
        try {
            return Database.connect(this, adminUrl, user, password);
        } catch (DatabaseUnavailableException e) {
            try {
                return Database.connect(this, withDatabase(adminUrl, "postgres"), user, password);
            } catch (DatabaseUnavailableException ignored) {
                throw e;
            }
        }
    }

    /** {@code url} (a PostgreSQL JDBC URL) naming database {@code database} instead of its own. */
    static String withDatabase(String url, String database) {
        String prefix = "jdbc:postgresql:";
        int query = url.indexOf('?');
        String params = query < 0 ? "" : url.substring(query);
        String rest = url.substring(prefix.length(), query < 0 ? url.length() : query);
        if (!rest.startsWith("//")) {
            return prefix + database + params;
        }
        int slash = rest.indexOf('/', 2);
        String server = slash < 0 ? rest : rest.substring(0, slash);
        return prefix + server + "/" + database + params;
    }
}
