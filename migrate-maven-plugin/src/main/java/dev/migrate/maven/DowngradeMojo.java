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
 * Takes the database down to a target, running applied revisions' downgrade sections, newest
 * first. The target has no default, so nobody drops a schema by accident.
 */
@Mojo(name = "downgrade", threadSafe = true)
public class DowngradeMojo extends AbstractFanOutMojo {

    /**
     * Where to go (required): {@code -N}, an applied revision id or unique prefix (it stays applied,
     * everything above it is undone), {@code label@head}, or {@code base} (undo everything).
     */
    @Parameter(property = "migrate.target")
    private String target;

    /**
     * {@code true}: continue a {@code transactional: false} revision that is recorded as failed from
     * its failed statement (after fixing the cause), instead of refusing to run. {@code assume-done}
     * or {@code rerun}: as {@code true}, and a statement whose run was interrupted outside a
     * transaction, and whose outcome the database cannot show, counts as done or runs again.
     */
    @Parameter(property = "migrate.resume", defaultValue = "false")
    private String resume;

    /** Skips this goal only. */
    @Parameter(property = "migrate.downgrade.skip", defaultValue = "false")
    private boolean skipDowngrade;

    @Override
    protected void checkParameters() throws MojoFailureException {
        requireTarget(target, goal(), "-1, an applied revision id, or base");
    }

    @Override
    protected Status runOne(Migrator migrator, MigrateConfig config) {
        logDatabase(config);
        Outcome outcome = migrator.downgrade(target.strip(), resume);
        getLog().info(Reports.summary("downgrade", outcome));
        return outcome.after();
    }

    @Override
    protected String goal() {
        return "downgrade";
    }

    @Override
    protected boolean skipGoal() {
        return skipDowngrade;
    }
}
