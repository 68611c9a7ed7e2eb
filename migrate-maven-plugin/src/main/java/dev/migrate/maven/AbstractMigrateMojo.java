package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.Redaction;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the connection and folder parameters, skipping, and turning the core's
 * errors into Maven's (problems in the user's files fail the build, a broken environment is a
 * build error).
 */
public abstract class AbstractMigrateMojo extends AbstractMojo {

    /**
     * JDBC URL of the database to migrate, e.g. {@code jdbc:postgresql://localhost:5432/app}. When
     * empty, an embedded H2 database in {@code target/migrate/db} is used, so a project works with
     * no configuration at all.
     */
    @Parameter(property = "migrate.url")
    protected String url;

    /** Database user; when empty, the URL's (or the driver's default) is used. */
    @Parameter(property = "migrate.user")
    protected String user;

    /** Database password. Never printed. */
    @Parameter(property = "migrate.password")
    protected String password;

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

    /** Skips every goal of this plugin. */
    @Parameter(property = "migrate.skip", defaultValue = "false")
    protected boolean skip;

    /** The build directory, home of the default embedded H2 database. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    protected File buildDirectory;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipGoal()) {
            getLog().info("Skipping migrate:" + goal() + (skip ? " (migrate.skip)" : " (migrate." + goal() + ".skip)"));
            return;
        }
        MigrateConfig config = config();
        try {
            run(new Migrator(config, new LogListener(getLog())), config);
        } catch (MigrateException e) {
            String message = Redaction.redact(e.getMessage(), password);
            if (e.isUserError()) {
                throw new MojoFailureException(message, e);
            }
            throw new MojoExecutionException(message, e);
        }
    }

    /** The goal's own work, given a migrator for this project. */
    protected abstract void run(Migrator migrator, MigrateConfig config) throws MojoFailureException;

    /** The goal's name, for messages and its skip property. */
    protected abstract String goal();

    /** Whether {@code migrate.<goal>.skip} is set. */
    protected abstract boolean skipGoal();

    private MigrateConfig config() {
        String effectiveUrl = url == null || url.isBlank() ? defaultUrl() : url.strip();
        return new MigrateConfig(effectiveUrl, user, password, schema, revisions.toPath(), table);
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
