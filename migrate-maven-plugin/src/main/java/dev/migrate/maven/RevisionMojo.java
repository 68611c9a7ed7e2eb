package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.SnapshotFilter;
import dev.migrate.common.Finding;
import dev.migrate.lint.LintConfig;
import dev.migrate.common.Severity;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;

/**
 * Writes a new revision file, {@code <UTC timestamp>_<slug>.sql}, with its header filled in and
 * empty upgrade and downgrade sections, and prints its path. Its parent is the single head of
 * the files unless parents are given. Needs no database; never overwrites a file.
 */
@Mojo(name = "revision", threadSafe = true, requiresProject = true)
public class RevisionMojo extends AbstractMigrateMojo {

    /** What the revision does, one line; also gives the file name's slug. */
    @Parameter(property = "migrate.message")
    private String message;

    /**
     * Parent revisions, comma separated (ids, unique prefixes, or {@code base} for a new root).
     * When empty, the single head of the files; refused when there are several heads.
     */
    @Parameter(property = "migrate.parents")
    private String parents;

    /** Branch labels the new revision starts, comma separated ({@code label@head} then targets it). */
    @Parameter(property = "migrate.branch")
    private String branch;

    /** Revisions that must be applied before the new one although they are not its parents. */
    @Parameter(property = "migrate.dependsOn")
    private String dependsOn;

    /**
     * Fills the new revision from the difference between the head of the revisions and the desired
     * schema ({@code desired}), both directions, proven in a scratch database before it is written.
     */
    @Parameter(property = "migrate.autogenerate", defaultValue = "false")
    private boolean autogenerate;

    /**
     * The desired schema for autogenerate and check: a folder (or file) of SQL describing the schema as
     * it should be, every {@code *.sql} in name order, or the JDBC URL of a database to read (only
     * read). Default: {@code src/main/schema}. {@code jpa} reads the project's compiled JPA entities
     * instead ({@code jpa:com.acme.model,com.acme.billing} names their packages), through the project's
     * own Hibernate 6 or 7: run {@code mvn compile migrate:revision ...}.
     */
    @Parameter(property = "migrate.desired")
    private PlexusConfiguration desired;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    /**
     * Lets autogenerate write a revision from a desired schema whose files hold no statement, which
     * drops every table the revisions made; refused otherwise.
     */
    @Parameter(property = "migrate.autogenerate.allowEmpty", defaultValue = "false")
    private boolean allowEmpty;

    /**
     * Lets autogenerate write a revision when the only difference is the order of existing columns
     * (a TODO, since a column cannot be moved in place); otherwise that is a warning, as in check.
     */
    @Parameter(property = "migrate.autogenerate.columnOrder", defaultValue = "false")
    private boolean columnOrder;

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
    @Parameter(property = "migrate.revision.skip", defaultValue = "false")
    private boolean skipRevision;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) throws MojoExecutionException {
        if (autogenerate) {
            autogenerate(migrator);
            return;
        }
        Path file = migrator.revision(message, Lists.commaSeparated(parents), Lists.commaSeparated(branch),
                Lists.commaSeparated(dependsOn));
        getLog().info("Created revision " + file.toAbsolutePath());
        getLog().info("Write its SQL below '-- upgrade' and its undo below '-- downgrade'.");
    }

    private void autogenerate(Migrator migrator) throws MojoExecutionException {
        String given = evaluate(desired, "migrate.desired");
        AutogenerateResult result = migrator.autogenerate(new AutogenerateOptions(
                JpaDesired.resolveAny(given, basedir, migrator,
                        new JpaDesired.Project(project, mavenSession, dependencies), jpa), message, allowEmpty,
                columnOrder, new SnapshotFilter(JpaDesired.isJpa(given), SnapshotFilter.patterns(ignore))));
        if (result.noDifference()) {
            result.warnings().forEach(getLog()::warn);
            getLog().info(result.warnings().isEmpty() ? "No difference between the head of the revisions and the"
                    + " desired schema: no revision written" : "Only the order of columns differs: no revision written");
            return;
        }
        result.notes().forEach(getLog()::info);
        result.warnings().forEach(getLog()::warn);
        for (Finding finding : migrator.lint(LintConfig.defaults())) {
            if (finding.file().equals(result.file()) && finding.severity() != Severity.INFO) {
                getLog().warn(finding.toString());
            }
        }
        getLog().info("Created revision " + result.file().toAbsolutePath() + " with " + result.changes().changes().size()
                + " change(s), " + result.changes().todos().size() + " TODO(s), proven in " + result.took().toMillis()
                + " ms");
        getLog().info("Read it before you upgrade: autogenerate writes drops and adds where a rename was meant.");
    }

    @Override
    protected String goal() {
        return "revision";
    }

    @Override
    protected boolean skipGoal() {
        return skipRevision;
    }
}
