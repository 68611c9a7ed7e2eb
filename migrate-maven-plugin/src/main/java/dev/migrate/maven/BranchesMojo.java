package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.report.Reports;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists the branch points of the revision files (revisions with several children) with the heads
 * each branch leads to, and the labelled branches with their heads. Needs no database.
 */
@Mojo(name = "branches", threadSafe = true)
public class BranchesMojo extends AbstractMigrateMojo {

    /** Skips this goal only. */
    @Parameter(property = "migrate.branches.skip", defaultValue = "false")
    private boolean skipBranches;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) {
        Reports.branches(migrator.load()).forEach(getLog()::info);
    }

    @Override
    protected String goal() {
        return "branches";
    }

    @Override
    protected boolean skipGoal() {
        return skipBranches;
    }
}
