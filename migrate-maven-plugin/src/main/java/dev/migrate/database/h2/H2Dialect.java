package dev.migrate.database.h2;

import dev.migrate.database.Database;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.DdlWriter;
import dev.migrate.database.Identifier;
import dev.migrate.database.InDoubtCheck;
import dev.migrate.database.LockSampler;
import dev.migrate.database.MigrationLock;
import dev.migrate.database.ReservedWords;
import dev.migrate.database.RowSeeder;
import dev.migrate.database.SnapshotReader;
import dev.migrate.database.StandardDialect;
import dev.migrate.common.Log;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * H2: DDL commits implicitly, the lock is a row lock on a table next to the history table, and
 * scratch databases live in memory.
 */
public final class H2Dialect extends StandardDialect {

    /**
     * Nothing to set: an embedded database has no server to wait for. In server mode H2's only read
     * limit, {@code NETWORK_TIMEOUT}, lasts the whole connection (H2 cannot lift it once logged in)
     * and would cut off a long statement, so it is left to a URL that wants it.
     */
    @Override
    public boolean addTimeLimits(String url, Properties properties, int seconds) {
        return false;
    }

    /** H2 2.x's keywords that it refuses as an unquoted table name. */
    private static final Set<String> RESERVED = ReservedWords.of("_rowid_ all and any array as asymmetric authorization between case"
            + " cast check constraint cross current_catalog current_date current_path current_role current_schema"
            + " current_time current_timestamp current_user day default distinct else end except exists false fetch"
            + " for foreign from full group having hour if in inner intersect interval is join key left like limit"
            + " localtime localtimestamp minus minute month natural not null offset on or order primary qualify right"
            + " row rownum second select session_user set some symmetric system_user table to true uescape union"
            + " unique unknown user using value values when where window with year");


    /** H2 settings that change how SQL is understood, carried over from the configured URL. */
    private static final String[] SETTINGS = {"MODE", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER",
        "CASE_INSENSITIVE_IDENTIFIERS", "NON_KEYWORDS", "DEFAULT_NULL_ORDERING", "IGNORECASE"};

    /** How this product's own client splits a script into statements. */
    @Override
    public dev.migrate.sql.SqlSyntax syntax() {
        return H2Syntax.INSTANCE;
    }

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

    /**
     * An embedded file database ({@code jdbc:h2:file:<path>} or {@code jdbc:h2:<path>}) whose
     * {@code <path>.mv.db} is not there; in-memory and server URLs are never judged missing.
     */
    @Override
    public boolean createsOnConnect(String url) {
        String rest = url.substring(urlPrefix().length());
        int settings = rest.indexOf(';');
        String location = settings < 0 ? rest : rest.substring(0, settings);
        if (location.regionMatches(true, 0, "file:", 0, 5)) {
            location = location.substring(5);
        } else if (location.matches("(?i)^(mem|tcp|ssl|zip|split|nio\\w*|async|memFS|memLZF|retry):.*")) {
            return false;
        }
        if (location.isEmpty() || rest.toUpperCase(Locale.ROOT).contains("IFEXISTS=TRUE")) {
            return false;
        }
        if (location.startsWith("~")) {
            location = System.getProperty("user.home") + location.substring(1);
        }
        try {
            return !Files.exists(Path.of(location + ".mv.db")) && !Files.exists(Path.of(location + ".h2.db"));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    @Override
    public Set<String> reservedWords() {
        return RESERVED;
    }

    @Override
    protected String textType() {
        return "VARCHAR(1000000)";
    }

    @Override
    protected String timestampType() {
        return "TIMESTAMP WITH TIME ZONE";
    }


    @Override
    public InDoubtCheck checkStarted(java.sql.Connection connection, dev.migrate.sql.Statement statement,
            java.util.Optional<dev.migrate.sql.NoTransactionStatement> kind) throws SQLException {
        return H2InDoubt.check(connection, statement);
    }

    @Override
    public MigrationLock lock(Supplier<java.sql.Connection> connector, String historyName, Duration timeout, Log log) {
        return H2Lock.acquire(connector.get(), historyName + "_lock", timeout, log);
    }

    @Override
    public java.util.Optional<DdlWriter> ddlWriter() {
        return java.util.Optional.of(new H2DdlWriter());
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
        try (Database database = Database.connect(this, url, user, password);
                Statement statement = database.connection().createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException | DatabaseUnavailableException e) {
            // already gone
        }
    }

    /** An in-memory database cannot be copied: the caller runs the revisions again. */
    @Override
    public Optional<String> copyScratch(String adminUrl, String source, String name, String user, String password) {
        return Optional.empty();
    }

    @Override
    public RowSeeder rowSeeder() {
        return new H2RowSeeder();
    }

    /** H2 runs DDL outside transactions and has no view of a session's table locks that verify could compare. */
    @Override
    public LockSampler lockSampler() {
        return LockSampler.UNSUPPORTED;
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
