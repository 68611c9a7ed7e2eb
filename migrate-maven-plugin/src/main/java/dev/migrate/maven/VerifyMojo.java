package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.common.Finding;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyReport;
import dev.migrate.verify.VerifyResult;
import dev.migrate.lint.LintConfig;
import java.io.File;
import java.util.HashSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Proves that every revision can be undone: in a scratch database (never the configured one) it
 * upgrades, downgrades and re-upgrades each revision comparing schemas, then runs base to head to
 * base to head, and fails the build naming every difference. Bound to {@code verify}.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractMigrateMojo {

    /**
     * A database to verify in, used as it is and left with the revisions' objects removed. When
     * empty, verify makes its own: an in-memory H2 database for H2 URLs, or a temporary database
     * {@code migrate_verify_<random>} on the configured PostgreSQL server, dropped afterwards.
     */
    @Parameter(property = "migrate.verifyUrl")
    private PlexusConfiguration verifyUrl;

    /** Run the lint rules (as {@code migrate:lint} does) as part of verify: errors fail it. */
    @Parameter(property = "migrate.verify.lint", defaultValue = "true")
    private boolean lint;

    /** Lint rule ids switched off for every revision, comma separated (shared with migrate:lint). */
    @Parameter(property = "migrate.lint.disabled")
    private String lintDisabled;

    /** PostgreSQL major version the revisions target, for lint (shared with migrate:lint). */
    @Parameter(property = "migrate.lint.postgresVersion", defaultValue = "15")
    private int postgresVersion;

    /** Treats a column that comes back at another position as an error rather than a warning. */
    @Parameter(property = "migrate.verify.strict", defaultValue = "false")
    private boolean strict;

    /**
     * Accepts every revision with an empty downgrade section. Without it, only revisions whose
     * header says {@code irreversible: true} are accepted.
     */
    @Parameter(property = "migrate.verify.allowIrreversible", defaultValue = "false")
    private boolean allowIrreversible;

    /** How many heads the revisions must have. */
    @Parameter(property = "migrate.verify.heads", defaultValue = "1")
    private int heads;

    /** Where the JUnit XML report {@code TEST-migrate-verify.xml} is written. */
    @Parameter(property = "migrate.verify.reportDirectory", defaultValue = "${project.build.directory}/migrate-reports")
    private File reportDirectory;

    /**
     * How many generated rows each table holds before each upgrade, so that statements that fail on
     * tables with data (a NOT NULL column without default, a cast that fails on text, a unique index
     * over repeated values) and downgrades that lose rows are found; 0 turns it off.
     */
    @Parameter(property = "migrate.verify.rows", defaultValue = "3")
    private int rows;

    /**
     * The lock level (PostgreSQL) from which a lock an upgrade statement takes on an existing table
     * fails verify instead of warning: {@code SHARE}, {@code SHARE_ROW_EXCLUSIVE}, {@code EXCLUSIVE} or
     * {@code ACCESS_EXCLUSIVE}. Empty: only warnings.
     */
    @Parameter(property = "migrate.verify.failOnLock")
    private String failOnLock;

    /** Measures the locks each upgrade statement takes on existing tables (PostgreSQL) and reports those that block writes. */
    @Parameter(property = "migrate.verify.locks", defaultValue = "true")
    private boolean locks;

    /** Applies the parent branches of each merge revision in both orders and fails when the schemas differ. */
    @Parameter(property = "migrate.verify.mergeOrder", defaultValue = "true")
    private boolean mergeOrder;

    /** Skips this goal only. */
    @Parameter(property = "migrate.verify.skip", defaultValue = "false")
    private boolean skipVerify;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) throws MojoFailureException, MojoExecutionException {
        VerifyOptions options = new VerifyOptions(evaluate(verifyUrl, "migrate.verifyUrl"), heads, allowIrreversible,
                strict, reportDirectory == null ? null : reportDirectory.toPath(), rows,
                VerifyOptions.lockLevel(failOnLock), locks, mergeOrder);
        LintConfig lintConfig = lint ? new LintConfig(new HashSet<>(Lists.commaSeparated(lintDisabled)), postgresVersion)
                : null;
        VerifyResult result = migrator.verify(options, lintConfig);
        VerifyReport.table(result).forEach(getLog()::info);
        for (Finding finding : result.findings()) {
            switch (finding.severity()) {
                case ERROR -> getLog().error(finding.message());
                case WARNING -> getLog().warn(finding.message());
                case INFO -> getLog().info(finding.message());
            }
        }
        getLog().info(VerifyReport.summary(result) + (result.report() == null ? "" : "; report: " + result.report()));
        if (result.hasErrors()) {
            throw new MojoFailureException(VerifyReport.failureMessage(result));
        }
    }

    @Override
    protected String goal() {
        return "verify";
    }

    @Override
    protected boolean skipGoal() {
        return skipVerify;
    }
}
