package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.report.Reports;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Records a target as the applied state without running any SQL: for a database whose schema
 * was built by other means, or after repairing one by hand.
 */
@Mojo(name = "stamp", threadSafe = true)
public class StampMojo extends AbstractMigrateMojo {

    /** What to record (required): {@code head}, {@code heads}, {@code base}, an id or prefix, {@code +N}, {@code -N}, or {@code label@head}. */
    @Parameter(property = "migrate.target")
    private String target;

    /** Skips this goal only. */
    @Parameter(property = "migrate.stamp.skip", defaultValue = "false")
    private boolean skipStamp;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) throws MojoFailureException {
        String where = requireTarget(target, goal(), "head, a revision id, or base");
        logDatabase(config);
        getLog().info(Reports.summary("stamp", migrator.stamp(where)));
    }

    @Override
    protected String goal() {
        return "stamp";
    }

    @Override
    protected boolean skipGoal() {
        return skipStamp;
    }
}
