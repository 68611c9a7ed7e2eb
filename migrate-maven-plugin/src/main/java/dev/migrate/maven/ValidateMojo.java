package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.report.Reports;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the files and the database's history without moving anything: file problems, applied
 * revisions whose file is gone or whose upgrade section was edited, revisions that failed halfway,
 * and (as a CI gate) pending revisions.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractMigrateMojo {

    /** Fail when some revisions are not applied yet. */
    @Parameter(property = "migrate.validate.failOnPending", defaultValue = "false")
    private boolean failOnPending;

    /** Skips this goal only. */
    @Parameter(property = "migrate.validate.skip", defaultValue = "false")
    private boolean skipValidate;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) {
        logDatabase(config);
        Reports.current(migrator.validate(failOnPending)).forEach(line -> getLog().info("Valid; current: " + line));
    }

    @Override
    protected String goal() {
        return "validate";
    }

    @Override
    protected boolean skipGoal() {
        return skipValidate;
    }
}
