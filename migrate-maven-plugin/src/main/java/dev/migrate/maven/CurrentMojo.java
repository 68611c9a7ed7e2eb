package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.report.Reports;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Shows where the database stands: its current revision(s), or base, and how many are pending. */
@Mojo(name = "current", threadSafe = true)
public class CurrentMojo extends AbstractMigrateMojo {

    /** Skips this goal only. */
    @Parameter(property = "migrate.current.skip", defaultValue = "false")
    private boolean skipCurrent;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) {
        logDatabase(config);
        Reports.current(migrator.status()).forEach(line -> getLog().info("Current: " + line));
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
