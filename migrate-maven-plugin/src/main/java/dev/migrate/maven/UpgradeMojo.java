package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.Outcome;
import dev.migrate.history.Status;
import dev.migrate.report.Reports;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Brings the database up to a target (by default the single head), running each pending
 * revision's upgrade section. Bound to {@code pre-integration-test}, so integration tests run
 * against a migrated database.
 */
@Mojo(name = "upgrade", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class UpgradeMojo extends AbstractFanOutMojo {

    /**
     * Where to go: {@code head} (the single head), {@code heads} (all of them), a revision id or
     * unique prefix, {@code +N}, or {@code label@head}.
     */
    @Parameter(property = "migrate.target", defaultValue = "head")
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
    @Parameter(property = "migrate.upgrade.skip", defaultValue = "false")
    private boolean skipUpgrade;

    @Override
    protected Status runOne(Migrator migrator, MigrateConfig config) {
        logDatabase(config);
        Outcome outcome = migrator.upgrade(target == null ? "head" : target.strip(), resume);
        getLog().info(Reports.summary("upgrade", outcome));
        return outcome.after();
    }

    @Override
    protected String goal() {
        return "upgrade";
    }

    @Override
    protected boolean skipGoal() {
        return skipUpgrade;
    }
}
