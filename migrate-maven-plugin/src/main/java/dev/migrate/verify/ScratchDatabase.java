package dev.migrate.verify;

import dev.migrate.database.UnsupportedVerifyDatabaseException;
import dev.migrate.common.Redaction;
import dev.migrate.database.Database;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.Dialect;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The throw-away database verify works in, so the configured database's data is never touched: a
 * fresh in-memory H2 database, a new database on the configured PostgreSQL server (created here and
 * dropped on close, also when verify fails), or a database the user names with {@code verifyUrl},
 * used as it is.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** H2 settings that change how SQL is understood, carried over from the configured URL. */
    private static final String[] H2_SETTINGS = {"MODE", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER",
        "CASE_INSENSITIVE_IDENTIFIERS", "NON_KEYWORDS", "DEFAULT_NULL_ORDERING", "IGNORECASE"};

    private final Dialect dialect;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final boolean owned;
    private String name;
    private String url;

    private ScratchDatabase(Dialect dialect, String adminUrl, String user, String password, boolean owned) {
        this.dialect = dialect;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.owned = owned;
    }

    /**
     * Makes the scratch database for a project whose database is {@code configuredUrl}; with a
     * {@code verifyUrl}, that database is used instead and nothing is created or dropped.
     *
     * @throws ScratchDatabaseException when the PostgreSQL user may not create a database
     */
    public static ScratchDatabase open(String configuredUrl, String user, String password, String verifyUrl) {
        if (verifyUrl != null && !verifyUrl.isBlank()) {
            ScratchDatabase given = new ScratchDatabase(Dialect.fromUrl(verifyUrl), null, user, password, false);
            given.url = verifyUrl.strip();
            given.name = Redaction.redactUrl(given.url);
            return given;
        }
        Dialect dialect = Dialect.fromUrl(configuredUrl);
        if (dialect == Dialect.OTHER) {
            throw new UnsupportedVerifyDatabaseException();
        }
        ScratchDatabase scratch = new ScratchDatabase(dialect, configuredUrl, user, password, true);
        scratch.create();
        return scratch;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The scratch database's JDBC URL. */
    public String url() {
        return url;
    }

    /** How the log names it: the generated database's name, or the given URL with its password masked. */
    public String description() {
        return owned && dialect == Dialect.POSTGRESQL ? "temporary database " + name + " on the PostgreSQL server of "
                + Redaction.redactUrl(adminUrl) : owned ? "in-memory H2 database " + name : name;
    }

    /** Whether verify made this database itself, and so may drop it and start again. */
    public boolean canRebuild() {
        return owned;
    }

    public Database connect() {
        return Database.connect(url, user, password);
    }

    /** Throws the scratch database away and makes a new, empty one. */
    public void rebuild() {
        if (!owned) {
            throw new IllegalStateException("verify does not rebuild a database it did not create");
        }
        drop();
        create();
    }

    private void create() {
        name = "migrate_verify_" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        if (dialect == Dialect.H2) {
            // DB_CLOSE_DELAY keeps the in-memory database alive between verify's connections
            url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + h2Settings(adminUrl);
            return;
        }
        try (Database admin = admin(); Statement statement = admin.connection().createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String who = user != null ? "user " + user : "the user of migrate.url";
            String reason = "42501".equals(e.getSQLState()) ? who + " may not create databases (grant it CREATEDB)"
                    : Redaction.redact(e.getMessage(), password) + " (SQL state " + e.getSQLState() + ")";
            throw new ScratchDatabaseException("migrate:verify cannot create its scratch database " + name + " on "
                    + Redaction.redactUrl(adminUrl) + ": " + reason + ". Verify never runs in the configured database;"
                    + " set migrate.verifyUrl (<verifyUrl>) to an empty database it may use instead.", e);
        }
        url = withDatabase(adminUrl, name);
    }

    private void drop() {
        if (dialect == Dialect.H2) {
            try (Database database = connect(); Statement statement = database.connection().createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException | DatabaseUnavailableException e) {
                // already gone
            }
            return;
        }
        try (Database admin = admin(); Statement statement = admin.connection().createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new ScratchDatabaseException("migrate:verify cannot drop its scratch database " + name + " on "
                    + Redaction.redactUrl(adminUrl) + ": " + e.getMessage() + "; drop it by hand", e);
        }
    }

    /**
     * A connection to the server for CREATE and DROP DATABASE: through the configured database, or
     * through {@code postgres} when the configured one does not exist yet.
     */
    private Database admin() {
        try {
            return Database.connect(adminUrl, user, password);
        } catch (DatabaseUnavailableException e) {
            try {
                return Database.connect(withDatabase(adminUrl, "postgres"), user, password);
            } catch (DatabaseUnavailableException ignored) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        if (owned) {
            drop();
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

    private static String h2Settings(String configuredUrl) {
        StringBuilder settings = new StringBuilder();
        String[] parts = configuredUrl == null ? new String[0] : configuredUrl.split(";");
        for (int i = 1; i < parts.length; i++) {
            String key = parts[i].split("=", 2)[0].strip().toUpperCase(Locale.ROOT);
            for (String known : H2_SETTINGS) {
                if (known.equals(key)) {
                    settings.append(';').append(parts[i].strip());
                }
            }
        }
        return settings.toString();
    }
}
