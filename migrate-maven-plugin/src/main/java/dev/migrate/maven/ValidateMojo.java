package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.history.Status;
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
public class ValidateMojo extends AbstractFanOutMojo {

    /** Fail when some revisions are not applied yet. */
    @Parameter(property = "migrate.validate.failOnPending", defaultValue = "false")
    private boolean failOnPending;

    /** Skips this goal only. */
    @Parameter(property = "migrate.validate.skip", defaultValue = "false")
    private boolean skipValidate;

    @Override
    protected Status runOne(Migrator migrator, MigrateConfig config) {
        logDatabase(config);
        Status status = migrator.validate(failOnPending);
        Reports.current(status).forEach(line -> getLog().info("Valid; current: " + line));
        return status;
    }

    @Override
    protected boolean moves() {
        return false;
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
