package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.report.Reports;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Lists the heads of the revision files (revisions no other revision has as parent). Needs no database. */
@Mojo(name = "heads", threadSafe = true)
public class HeadsMojo extends AbstractMigrateMojo {

    /** Skips this goal only. */
    @Parameter(property = "migrate.heads.skip", defaultValue = "false")
    private boolean skipHeads;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) {
        Reports.heads(migrator.filesOnly()).forEach(line -> getLog().info("Head: " + line));
    }

    @Override
    protected String goal() {
        return "heads";
    }

    @Override
    protected boolean skipGoal() {
        return skipHeads;
    }
}
