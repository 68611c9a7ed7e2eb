package dev.migrate.database.mysql;

import dev.migrate.common.Log;
import dev.migrate.common.Redaction;
import dev.migrate.database.Database;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.DdlWriter;
import dev.migrate.database.Identifier;
import dev.migrate.database.InvalidIdentifierException;
import dev.migrate.database.LockSampler;
import dev.migrate.database.MigrationLock;
import dev.migrate.database.ReservedWords;
import dev.migrate.database.RowSeeder;
import dev.migrate.database.ScratchDatabaseException;
import dev.migrate.database.SnapshotReader;
import dev.migrate.database.StandardDialect;
import dev.migrate.sql.LeadingKeyword;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * MySQL and MariaDB, through MariaDB Connector/J for both URL schemes: every DDL statement commits
 * on its own, the lock is a named user lock ({@code GET_LOCK}), a schema is a database, and scratch
 * databases are made with {@code CREATE DATABASE} on the same server. Above 300 lines for the
 * reserved-word list and the seam's many short answers; the work is in the package's other classes.
 */
public final class MysqlDialect extends StandardDialect {

    /** MySQL 8's and MariaDB's reserved words that may not name a table unquoted. */
    private static final Set<String> RESERVED = ReservedWords.of("accessible add all alter analyze and as asc"
            + " asensitive before between bigint binary blob both by call cascade case change char character check"
            + " collate column condition constraint continue convert create cross cube cume_dist current_date"
            + " current_role current_time current_timestamp current_user cursor database databases day_hour"
            + " day_microsecond day_minute day_second dec decimal declare default delayed delete dense_rank desc"
            + " describe deterministic distinct distinctrow div double drop dual each else elseif empty enclosed"
            + " escaped except exists exit explain false fetch first_value float float4 float8 for force foreign from"
            + " fulltext function generated get grant group grouping groups having high_priority hour_microsecond"
            + " hour_minute hour_second if ignore in index infile inner inout insensitive insert int int1 int2 int3"
            + " int4 int8 integer intersect interval into io_after_gtids io_before_gtids is iterate join json_table"
            + " key keys kill lag last_value lateral lead leading leave left like limit linear lines load localtime"
            + " localtimestamp lock long longblob longtext loop low_priority master_bind"
            + " master_ssl_verify_server_cert match maxvalue mediumblob mediumint mediumtext middleint"
            + " minute_microsecond minute_second mod modifies natural not no_write_to_binlog nth_value ntile null"
            + " numeric of offset on optimize optimizer_costs option optionally or order out outer outfile over"
            + " partition percent_rank precision primary procedure purge range rank read read_write reads real"
            + " recursive references regexp release rename repeat replace require resignal restrict return returning"
            + " revoke right rlike row row_number rows schema schemas second_microsecond select sensitive separator"
            + " set show signal smallint spatial specific sql sql_big_result sql_calc_found_rows sql_small_result"
            + " sqlexception sqlstate sqlwarning ssl starting stored straight_join system table terminated then"
            + " tinyblob tinyint tinytext to trailing trigger true undo union unique unlock unsigned update usage use"
            + " using utc_date utc_time utc_timestamp values varbinary varchar varcharacter varying virtual when where"
            + " while window with write xor year_month zerofill");

    /** Above the generic product, which would otherwise take these URLs. */
    /** How the {@code mysql}/{@code mariadb} client splits a script, {@code DELIMITER} lines included. */
    @Override
    public dev.migrate.sql.SqlSyntax syntax() {
        return MysqlSyntax.INSTANCE;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public boolean accepts(String url) {
        return url.startsWith(MysqlUrls.MYSQL) || url.startsWith(MysqlUrls.MARIADB);
    }

    @Override
    public String displayName() {
        return "MySQL/MariaDB";
    }

    @Override
    public String urlPrefix() {
        return MysqlUrls.MARIADB;
    }

    @Override
    public List<String> names() {
        return List.of("mysql", "mariadb");
    }

    /** Every DDL statement commits the transaction it is in, and cannot be rolled back. */
    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /**
     * A statement shares a transaction with its journal update unless the server commits on its own
     * around it: DDL, account and table-maintenance statements, {@code LOCK TABLES}, {@code SET
     * autocommit} and the rest of the server's implicit-commit list. Only statements known not to
     * commit are let in; a routine ({@code CALL}) may commit inside, so it does not share.
     */
    @Override
    public boolean sharesTransaction(dev.migrate.sql.Statement statement,
            Optional<dev.migrate.sql.NoTransactionStatement> kind, int serverMajorVersion) {
        String first = LeadingKeyword.of(statement.sql());
        return NO_IMPLICIT_COMMIT.contains(first);
    }

    private static final Set<String> NO_IMPLICIT_COMMIT = Set.of("insert", "update", "delete", "replace", "select",
            "with", "values", "do");

    @Override
    public String driverUrl(String url) {
        return MysqlUrls.forDriver(url);
    }

    /**
     * Databases are what the plugin calls schemas ({@code useCatalogTerm=SCHEMA}, so the driver's
     * metadata finds the history table by schema), the server's process list names the plugin, and
     * the driver may reset a session for reuse ({@link #resetSession}).
     */
    @Override
    public void addConnectionProperties(String url, Properties properties) {
        if (!url.contains("useCatalogTerm")) {
            properties.setProperty("useCatalogTerm", "SCHEMA");
        }
        if (!url.contains("connectionAttributes")) {
            properties.setProperty("connectionAttributes", "program_name:migrate-maven-plugin");
        }
        if (!url.contains(MysqlSession.RESET_PROPERTY)) {
            properties.setProperty(MysqlSession.RESET_PROPERTY, "true");
        }
    }

    /**
     * MariaDB Connector/J's {@code connectTimeout} (opening the TCP connection) and
     * {@code socketTimeout} (each read, so also a server that accepts and never answers the
     * handshake), both in milliseconds, unless the URL sets its own; the read limit is lifted once
     * logged in, since a statement (an {@code ALTER TABLE} copying a large table) may rightly take long.
     */
    @Override
    public boolean addTimeLimits(String url, Properties properties, int seconds) {
        String millis = String.valueOf(seconds * 1000L);
        if (!url.contains("connectTimeout")) {
            properties.setProperty("connectTimeout", millis);
        }
        if (url.contains("socketTimeout")) {
            return false; // the user's own read limit stays for the whole connection
        }
        properties.setProperty("socketTimeout", millis);
        return true;
    }

    @Override
    public Set<String> reservedWords() {
        return RESERVED;
    }

    /** Table and database names are case sensitive where the server stores them on a case-sensitive file system. */
    @Override
    public String fold(Identifier identifier) {
        return identifier.name();
    }

    /** InnoDB, so that a revision of data changes commits together with its history row. */
    @Override
    public String createHistoryTableSql(String qualifiedName) {
        return super.createHistoryTableSql(qualifiedName) + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    /** MEDIUMTEXT: the checksums of a long revision's statements outgrow TEXT's 64 KB. */
    @Override
    protected String textType() {
        return "MEDIUMTEXT";
    }

    /** DATETIME, not TIMESTAMP, which some servers give an implicit ON UPDATE. */
    @Override
    protected String timestampType() {
        return "DATETIME(3)";
    }

    /**
     * The schema is a database: looked up in {@code information_schema.schemata} (which lists the
     * databases this user may use), created only when missing, then made current with {@code USE}.
     */
    @Override
    public void useSchema(Connection connection, String shownUrl, Identifier schema, boolean create)
            throws SQLException {
        if (!databaseExists(connection, schema.name())) {
            if (!create) {
                return;
            }
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + schema.name());
            } catch (SQLException e) {
                throw new DatabaseUnavailableException("cannot create database " + schema + " on "
                        + shownUrl + ": " + e.getMessage() + " (SQL state " + e.getSQLState() + ")."
                        + " The database named by migrate.schema does not exist and the user may not create it:"
                        + " create it once (CREATE DATABASE " + schema + ") and grant the user ALL on " + schema
                        + ".*", e);
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("USE " + schema.name());
        }
    }

    /** A scratch database is a database: it stands in for the configured one, which verify never enters. */
    @Override
    public Identifier scratchSchema(Identifier schema) {
        return null;
    }

    static boolean databaseExists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The server is named and its version checked here, the first thing every moving run does
     * after reading the history; the lock is {@code GET_LOCK} on its own connection.
     */
    @Override
    public MigrationLock lock(Supplier<Connection> connector, String historyName, Duration timeout, Log log) {
        Connection connection = connector.get();
        String shownUrl = "the configured database";
        try {
            shownUrl = Redaction.redactUrl(connection.getMetaData().getURL());
            MysqlServer.of(connection).requireSupported(shownUrl);
        } catch (SQLException e) {
            MysqlLock.closeQuietly(connection);
            throw new DatabaseUnavailableException("cannot read the server version of " + shownUrl
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            MysqlLock.closeQuietly(connection);
            throw e;
        }
        return MysqlLock.acquire(connection, historyName, "run", timeout, log);
    }

    @Override
    public void prepareWorkSession(Connection connection, String historyName, Duration timeout, Log log)
            throws SQLException {
        MysqlLock.holdWorkLock(connection, historyName, timeout, log);
    }

    /** Notes what the login set on a MariaDB connection, for {@link #resetSession}. */
    @Override
    public void connected(Connection connection) {
        MysqlSession.remember(connection);
    }

    /** {@code COM_RESET_CONNECTION} on MariaDB, then what the login set (see {@link MysqlSession}); false on MySQL. */
    @Override
    public boolean resetSession(Connection connection) throws SQLException {
        return MysqlSession.reset(connection);
    }

    @Override
    public Optional<DdlWriter> ddlWriter() {
        return Optional.of(new MysqlDdlWriter(RESERVED));
    }

    @Override
    public SnapshotReader snapshotReader() {
        return new MysqlSnapshotReader();
    }

    @Override
    public String createScratch(String adminUrl, String name, String user, String password) {
        try (Database admin = Database.connect(this, MysqlUrls.withoutDatabase(adminUrl), user, password);
                Statement statement = admin.connection().createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            String who = user != null ? "user " + user : "the user of migrate.url";
            String reason = e.getErrorCode() == 1044 ? who + " may not create databases (grant it CREATE on "
                    + name + " or on *.*)" : Redaction.redact(e.getMessage(), password) + " (SQL state "
                    + e.getSQLState() + ")";
            throw new ScratchDatabaseException("cannot create the scratch database " + name + " on "
                    + Redaction.redactUrl(adminUrl) + ": " + reason + ". " + ScratchDatabaseException.WAY_OUT
                    + " set migrate.verifyUrl (<verifyUrl>) to a database it may create databases beside.", e);
        }
        return MysqlUrls.withDatabase(adminUrl, name);
    }

    /** The name is the marker here: MySQL has no database comments. */
    @Override
    public List<String> dropStaleScratch(String adminUrl, String prefix, java.time.Instant before, String user,
            String password) {
        try (Database admin = Database.connect(this, MysqlUrls.withoutDatabase(adminUrl), user, password)) {
            return MysqlStaleScratch.drop(admin.connection(), prefix, before);
        } catch (RuntimeException e) {
            return List.of(); // best effort: verify goes on without the clean-up
        }
    }

    @Override
    public void dropScratch(String adminUrl, String url, String name, String user, String password) {
        try (Database admin = Database.connect(this, MysqlUrls.withoutDatabase(adminUrl), user, password);
                Statement statement = admin.connection().createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new ScratchDatabaseException("migrate:verify cannot drop its scratch database " + name + " on "
                    + Redaction.redactUrl(adminUrl) + ": " + e.getMessage() + "; drop it by hand", e);
        }
    }

    /** The server cannot copy a database: the caller runs the revisions again. */
    @Override
    public Optional<String> copyScratch(String adminUrl, String source, String name, String user, String password) {
        return Optional.empty();
    }

    @Override
    public RowSeeder rowSeeder() {
        return new MysqlRowSeeder();
    }

    @Override
    public LockSampler lockSampler() {
        return new MysqlLockSampler();
    }

    @Override
    public String describeScratch(String adminUrl, String name) {
        return "temporary database " + name + " on the MySQL/MariaDB server of " + Redaction.redactUrl(adminUrl);
    }

    @Override
    public String offlineScriptHint() {
        return "-- Review it, then run it with: mariadb (or mysql) --database=<database> < <this file>\n";
    }

    @Override
    public String setSchemaSql(Identifier schema) {
        return "USE " + schema.name();
    }

    /**
     * The current database, which a revision's {@code USE} changes for the rest of the session; read
     * from the driver, which follows it through the server's session tracking without a query.
     */
    @Override
    public Identifier movableSchema(Connection connection) throws SQLException {
        String database = connection.getSchema();
        try {
            return database == null ? null : new Identifier(database);
        } catch (InvalidIdentifierException e) {
            return null;
        }
    }
}
