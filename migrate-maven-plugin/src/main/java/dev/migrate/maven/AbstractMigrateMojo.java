package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.common.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.common.Redaction;
import dev.migrate.revision.Placeholders;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * What every goal shares: the connection and folder parameters, skipping, and turning the core's
 * errors into Maven's (problems in the user's files fail the build, a broken environment is a
 * build error).
 */
public abstract class AbstractMigrateMojo extends AbstractMojo {

    /**
     * JDBC URL of the database to migrate, e.g. {@code jdbc:postgresql://localhost:5432/app}. When
     * empty, an embedded H2 database in {@code target/migrate/db} is used, so a project works with
     * no configuration at all. A password inside the URL is masked in every message, and (like the
     * password parameter) Maven's debug output shows only the unevaluated expression.
     */
    @Parameter(property = "migrate.url")
    protected PlexusConfiguration url;

    /** Database user; when empty, the URL's (or the driver's default) is used. */
    @Parameter(property = "migrate.user")
    protected String user;

    /**
     * Database password. Never printed, not even by {@code mvn -X}: Maven hands this parameter over
     * unevaluated, and the plugin resolves the {@code ${...}} expressions itself.
     */
    @Parameter(property = "migrate.password")
    protected PlexusConfiguration password;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    /**
     * Id of a {@code <server>} in Maven's {@code settings.xml} whose username and password (which
     * may be encrypted with {@code mvn --encrypt-password}) are used. Not to be combined with
     * {@code user} or {@code password}.
     */
    @Parameter(property = "migrate.serverId")
    protected String serverId;

    /** Seconds a run waits for another run's migration lock before it gives up. */
    @Parameter(property = "migrate.lockTimeout", defaultValue = "120")
    protected int lockTimeout;

    /**
     * Seconds opening a connection may take: reaching the server, logging in, and each of the
     * server's answers while logging in. A server that accepts the connection and never answers
     * fails the goal after this long instead of hanging the build. Statements run afterwards have
     * no read limit (a long index build is legitimate). 0 leaves the JDBC driver's own limits.
     */
    @Parameter(property = "migrate.connectTimeout", defaultValue = "30")
    protected int connectTimeout;

    /**
     * Schema that holds the history table and becomes the connection's current schema (created by
     * goals that move the database). When empty, the connection's default schema is used.
     */
    @Parameter(property = "migrate.schema")
    protected String schema;

    /** Folder holding the revision files, one {@code <14-digit id>_<slug>.sql} per revision. */
    @Parameter(property = "migrate.revisions", defaultValue = "${project.basedir}/src/main/migrations")
    protected File revisions;

    /** Name of the table recording applied revisions (a plain identifier). */
    @Parameter(property = "migrate.table", defaultValue = MigrateConfig.DEFAULT_HISTORY_TABLE)
    protected String table;

    /**
     * Values for the {@code ${name}} placeholders in the revisions' SQL, e.g.
     * {@code <placeholders><app_role>app_rw</app_role></placeholders>}. A property
     * {@code migrate.placeholders.<name>} overrides an entry (from the command line, over a project
     * property). Built in: {@code ${migrate:schema}}, {@code ${migrate:user}}, {@code ${migrate:revision}}.
     */
    @Parameter
    protected Map<String, String> placeholders;

    /** Whether {@code ${name}} placeholders are replaced; {@code false} sends the SQL exactly as written. */
    @Parameter(property = "migrate.placeholders.enabled", defaultValue = "true")
    protected boolean placeholdersEnabled;

    /**
     * Whether a placeholder value that changes the SQL around it (adds a statement, or closes the
     * quote or comment it stands in) fails the build; by default it is a warning naming the placeholder.
     */
    @Parameter(property = "migrate.placeholders.strict", defaultValue = "false")
    protected boolean placeholdersStrict;

    /** Skips every goal of this plugin. */
    @Parameter(property = "migrate.skip", defaultValue = "false")
    protected boolean skip;

    /** The build directory, home of the default embedded H2 database. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    protected File buildDirectory;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Component
    private SettingsDecrypter settingsDecrypter;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipGoal()) {
            getLog().info("Skipping migrate:" + goal() + (skip ? " (migrate.skip)" : " (migrate." + goal() + ".skip)"));
            return;
        }
        LiteralSecrets.warnings(raw(password), raw(url)).forEach(getLog()::warn);
        Credentials credentials = Credentials.resolve(serverId, user, evaluate(password, "migrate.password"), settings,
                settingsDecrypter);
        try {
            MigrateConfig config = config(evaluate(url, "migrate.url"), credentials);
            run(new Migrator(config, new LogListener(getLog())), config);
        } catch (MigrateException e) {
            String message = Redaction.redact(e.getMessage(), credentials.password());
            if (e.isUserError()) {
                throw new MojoFailureException(message, e);
            }
            throw new MojoExecutionException(message, e);
        } catch (RuntimeException e) {
            // not a condition the core knows: a bug of ours, reported as such rather than as Maven's internal error
            throw new MojoExecutionException("migrate:" + goal() + " failed unexpectedly: "
                    + Redaction.redact(String.valueOf(e), credentials.password())
                    + " (this is a bug in the plugin; please report it with the output of mvn -e)", e);
        }
    }

    /**
     * The value of a secret-bearing parameter (password, URL). Such parameters are declared as raw
     * configuration, so Maven hands them over unevaluated and never prints the value in its
     * {@code -X} output; their {@code ${...}} expressions are evaluated here.
     */
    protected String evaluate(PlexusConfiguration parameter, String property) throws MojoExecutionException {
        String raw = parameter == null ? null : parameter.getValue();
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            Object value = new PluginParameterExpressionEvaluator(session, mojoExecution).evaluate(raw);
            String text = value == null ? null : value.toString().strip();
            // an unset property leaves its own expression behind: that means no value
            return text == null || text.isEmpty() || text.equals("${" + property + "}") ? null : text;
        } catch (ExpressionEvaluationException e) {
            throw new MojoExecutionException("cannot evaluate the " + parameter.getName() + " parameter; check its"
                    + " ${...} expression");
        }
    }

    /** User and password as given, or from the {@code <server>} {@code serverId} of settings.xml. */
    Credentials credentials(String serverId, String user, String password) throws MojoFailureException,
            MojoExecutionException {
        return Credentials.resolve(serverId, user, password, settings, settingsDecrypter);
    }

    private static String raw(PlexusConfiguration parameter) {
        return parameter == null ? null : parameter.getValue();
    }

    /** The goal's own work, given a migrator for this project. */
    protected abstract void run(Migrator migrator, MigrateConfig config) throws MojoFailureException,
            MojoExecutionException;

    /** The goal's name, for messages and its skip property. */
    protected abstract String goal();

    /** Whether {@code migrate.<goal>.skip} is set. */
    protected abstract boolean skipGoal();

    private MigrateConfig config(String url, Credentials credentials) {
        String effectiveUrl = url == null ? defaultUrl() : url;
        return new MigrateConfig(effectiveUrl, credentials.user(), credentials.password(), schema, revisions.toPath(),
                table, Duration.ofSeconds(lockTimeout), placeholders(), Duration.ofSeconds(connectTimeout));
    }

    /** The placeholder values: the POM's map, project properties, then the command line. */
    private Placeholders placeholders() {
        return PlaceholderValues.collect(placeholdersEnabled, placeholdersStrict, placeholders,
                session == null || session.getCurrentProject() == null ? null
                        : session.getCurrentProject().getProperties(),
                session == null ? null : session.getUserProperties());
    }

    /** Whether no URL was configured, so the goal works on the embedded H2 database under target/. */
    protected boolean usesDefaultDatabase(MigrateConfig config) {
        return config.url().equals(defaultUrl());
    }

    private String defaultUrl() {
        File db = new File(buildDirectory, "migrate/db");
        return "jdbc:h2:file:" + db.getAbsolutePath();
    }

    /** Logs which database a goal works on, with any password masked. */
    protected void logDatabase(MigrateConfig config) {
        getLog().info("Database: " + Redaction.redactUrl(config.url())
                + (config.schema() == null ? "" : " (schema " + config.schema() + ")"));
    }

    /** Goals that need a target say so in words rather than with Maven's generic message. */
    protected static String requireTarget(String target, String goal, String examples) throws MojoFailureException {
        if (target == null || target.isBlank()) {
            throw new MojoFailureException("migrate:" + goal + " needs a target, so nothing moves by accident: "
                    + "add -Dmigrate.target=<target>, e.g. " + examples);
        }
        return target.strip();
    }
}
