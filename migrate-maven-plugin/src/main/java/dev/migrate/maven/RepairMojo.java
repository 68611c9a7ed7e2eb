package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Accepts deliberate edits of applied revisions: re-records the checksums of every applied
 * revision whose file changed since it ran. Run it only when the database already matches the
 * edited files.
 */
@Mojo(name = "repair", threadSafe = true)
public class RepairMojo extends AbstractMigrateMojo {

    /** Skips this goal only. */
    @Parameter(property = "migrate.repair.skip", defaultValue = "false")
    private boolean skipRepair;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) {
        logDatabase(config);
        int count = migrator.repair().size();
        getLog().info(count == 0 ? "Nothing to repair: every applied revision matches its file"
                : "Re-recorded the checksums of " + count + (count == 1 ? " revision" : " revisions"));
    }

    @Override
    protected String goal() {
        return "repair";
    }

    @Override
    protected boolean skipGoal() {
        return skipRepair;
    }
}
