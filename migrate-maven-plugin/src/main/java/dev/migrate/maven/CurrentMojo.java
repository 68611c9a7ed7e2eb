package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.history.Status;
import dev.migrate.report.Reports;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Shows where the database stands: its current revision(s), or base, and how many are pending. */
@Mojo(name = "current", threadSafe = true)
public class CurrentMojo extends AbstractFanOutMojo {

    /** Skips this goal only. */
    @Parameter(property = "migrate.current.skip", defaultValue = "false")
    private boolean skipCurrent;

    @Override
    protected Status runOne(Migrator migrator, MigrateConfig config) {
        logDatabase(config);
        Status status = migrator.status();
        Reports.current(status).forEach(line -> getLog().info("Current: " + line));
        return status;
    }

    @Override
    protected boolean moves() {
        return false;
    }

    @Override
    protected String goal() {
        return "current";
    }

    @Override
    protected boolean skipGoal() {
        return skipCurrent;
    }
}
