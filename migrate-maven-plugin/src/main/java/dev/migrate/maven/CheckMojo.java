package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.autogenerate.CheckOptions;
import dev.migrate.autogenerate.CheckResult;
import dev.migrate.history.Status;
import dev.migrate.autogenerate.SnapshotFilter;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Fails when the revisions and the schema disagree: the head of the revisions against the desired
 * schema (when there is one), and the configured database against the revisions its history lists
 * (when it has a history table), naming every object added, removed or changed. Meant for CI; bound
 * to no phase. Works in scratch databases and only reads the configured one. With
 * {@code migrate.schema} only that schema is compared; with {@code migrate.schemas} or
 * {@code <databases>} each is checked in turn, with one summary, as upgrade runs.
 */
@Mojo(name = "check", threadSafe = true)
public class CheckMojo extends AbstractFanOutMojo {

    /**
     * The desired schema: a folder (or file) of SQL, every {@code *.sql} in name order, or the JDBC
     * URL of a database to read. Default: {@code src/main/schema}, compared only when it exists.
     * {@code jpa} reads the project's compiled JPA entities instead ({@code jpa:com.acme.model} names
     * their packages): bind the goal after {@code process-classes}.
     */
    @Parameter(property = "migrate.desired")
    private PlexusConfiguration desired;

    /** Where the JUnit XML report {@code TEST-migrate-check.xml} is written. */
    @Parameter(property = "migrate.check.reportDirectory", defaultValue = "${project.build.directory}/migrate-reports")
    private File reportDirectory;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    /**
     * With {@code migrate.desired=jpa}: Hibernate settings for reading the entities, as
     * {@code <jpa><properties><hibernate.physical_naming_strategy>...</hibernate.physical_naming_strategy></properties></jpa>};
     * {@code -Dmigrate.jpa.<name>=<value>} overrides one.
     */
    @Parameter
    private JpaSettings jpa;

    /**
     * Objects autogenerate and check leave alone, comma-separated name patterns ({@code *} and
     * {@code ?} wildcards, case-insensitive), e.g. {@code spatial_ref_sys,tmp_*}; a table's pattern
     * covers its columns, indexes and constraints. Such objects are never created or dropped by a
     * generated revision and are no difference for check.
     */
    @Parameter(property = "migrate.ignore")
    private String ignore;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession mavenSession;

    /** Resolves the runtime dependencies only when the desired schema is the entities'. */
    @Component
    private ProjectDependenciesResolver dependencies;

    /** Skips this goal only. */
    @Parameter(property = "migrate.check.skip", defaultValue = "false")
    private boolean skipCheck;

    @Override
    protected Status runOne(Migrator migrator, MigrateConfig config) throws MojoFailureException,
            MojoExecutionException {
        check(migrator, config);
        return migrator.status();
    }

    @Override
    protected boolean moves() {
        return false;
    }

    /** Each database or schema of a fan-out writes its report into its own folder. */
    private java.nio.file.Path reportDirectory(MigrateConfig config) {
        if (reportDirectory == null) {
            return null;
        }
        boolean many = (schemas != null && !schemas.isBlank()) || (databases != null && !databases.isEmpty());
        if (!many) {
            return reportDirectory.toPath();
        }
        String member = dev.migrate.common.Redaction.redactUrl(config.url()) + (config.schema() == null ? ""
                : "_" + config.schema());
        return reportDirectory.toPath().resolve(member.replaceAll("[^A-Za-z0-9._-]+", "_"));
    }

    private void check(Migrator migrator, MigrateConfig config) throws MojoFailureException, MojoExecutionException {
        logDatabase(config);
        String given = evaluate(desired, "migrate.desired");
        CheckResult result = migrator.check(new CheckOptions(JpaDesired.resolveAny(given, basedir, migrator,
                new JpaDesired.Project(project, mavenSession, dependencies), jpa), reportDirectory(config),
                new SnapshotFilter(JpaDesired.isJpa(given), SnapshotFilter.patterns(ignore))));
        for (CheckResult.Finding finding : result.findings()) {
            if (finding.error()) {
                getLog().error(finding.message());
            } else {
                getLog().warn(finding.message());
            }
        }
        String summary = "check: " + result.counts() + " in " + result.took().toMillis() + " ms"
                + (result.report() == null ? "" : "; report: " + result.report());
        getLog().info(summary);
        if (result.checked().isEmpty()) {
            getLog().warn("Nothing to check: there is no desired schema and the database has no history table");
        }
        if (result.hasErrors()) {
            boolean desiredFailed = result.errors().stream()
                    .anyMatch(f -> f.comparison() == CheckResult.Comparison.DESIRED);
            boolean liveFailed = result.errors().stream().anyMatch(f -> f.comparison() == CheckResult.Comparison.LIVE);
            StringBuilder message = new StringBuilder("migrate:check found " + result.errors().size()
                    + " difference(s) between the revisions and the schema");
            if (desiredFailed) {
                message.append("; to write a revision for the desired schema run: mvn migrate:revision"
                        + " -Dmigrate.autogenerate=true -Dmigrate.message=\"<what changed>\"");
            }
            if (liveFailed) {
                message.append("; the database was changed outside the revisions: undo the change by hand, or capture"
                        + " it with migrate:revision -Dmigrate.autogenerate=true -Dmigrate.desired=<its URL>");
            }
            throw new MojoFailureException(message.toString());
        }
    }

    @Override
    protected String goal() {
        return "check";
    }

    @Override
    protected boolean skipGoal() {
        return skipCheck;
    }
}
