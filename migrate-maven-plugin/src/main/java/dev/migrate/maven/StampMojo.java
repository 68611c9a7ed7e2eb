package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.Outcome;
import dev.migrate.history.Status;
import dev.migrate.report.Reports;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Records a target as the applied state without running any SQL: for a database whose schema
 * was built by other means, or after repairing one by hand.
 */
@Mojo(name = "stamp", threadSafe = true)
public class StampMojo extends AbstractFanOutMojo {

    /** What to record (required): {@code head}, {@code heads}, {@code base}, an id or prefix, {@code +N}, {@code -N}, or {@code label@head}. */
    @Parameter(property = "migrate.target")
    private String target;

    /** Skips this goal only. */
    @Parameter(property = "migrate.stamp.skip", defaultValue = "false")
    private boolean skipStamp;

    @Override
    protected void checkParameters() throws MojoFailureException {
        requireTarget(target, goal(), "head, a revision id, or base");
    }

    @Override
    protected Status runOne(Migrator migrator, MigrateConfig config) {
        logDatabase(config);
        Outcome outcome = migrator.stamp(target.strip());
        getLog().info(Reports.summary("stamp", outcome));
        return outcome.after();
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
