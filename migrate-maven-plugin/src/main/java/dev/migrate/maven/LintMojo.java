package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.common.Finding;
import dev.migrate.lint.LintConfig;
import dev.migrate.common.Severity;
import java.util.HashSet;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the revision files for DDL that PostgreSQL refuses inside a transaction (an error) or that
 * is risky on a live database (a warning): destructive statements, NOT NULL columns without a
 * default, constraints without NOT VALID, blocking index builds, renames, type changes, and objects
 * the downgrade forgets. Needs no database. Fails the build on errors (and on warnings when asked).
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class LintMojo extends AbstractMigrateMojo {

    /** Rule ids switched off for every revision, comma separated (one revision uses {@code -- lint-ignore:}). */
    @Parameter(property = "migrate.lint.disabled")
    private String disabled;

    /**
     * The PostgreSQL major version the revisions are written for; before 12, {@code ALTER TYPE ... ADD
     * VALUE} cannot run inside a transaction.
     */
    @Parameter(property = "migrate.lint.postgresVersion", defaultValue = "15")
    private int postgresVersion;

    /** Fails the build on warnings too, not only on errors. */
    @Parameter(property = "migrate.lint.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /** Skips this goal only. */
    @Parameter(property = "migrate.lint.skip", defaultValue = "false")
    private boolean skipLint;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) throws MojoFailureException {
        List<Finding> findings = migrator.lint(new LintConfig(new HashSet<>(Lists.commaSeparated(disabled)),
                postgresVersion));
        long errors = count(findings, Severity.ERROR);
        long warnings = count(findings, Severity.WARNING);
        for (Finding finding : findings) {
            switch (finding.severity()) {
                case ERROR -> getLog().error(finding.toString());
                case WARNING -> getLog().warn(finding.toString());
                default -> getLog().info(finding.toString());
            }
        }
        String summary = "Lint: " + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning" : " warnings") + " in the revision files";
        if (errors > 0 || (failOnWarning && warnings > 0)) {
            throw new MojoFailureException(summary + "; fix them, or switch a rule off for one revision with"
                    + " '-- lint-ignore: <rule>' or for the project with migrate.lint.disabled");
        }
        getLog().info(summary);
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).count();
    }

    @Override
    protected String goal() {
        return "lint";
    }

    @Override
    protected boolean skipGoal() {
        return skipLint;
    }
}
