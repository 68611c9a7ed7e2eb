package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

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

    /** Skips this goal only. */
    @Parameter(property = "migrate.revision.skip", defaultValue = "false")
    private boolean skipRevision;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) {
        Path file = migrator.revision(message, Lists.commaSeparated(parents), Lists.commaSeparated(branch),
                Lists.commaSeparated(dependsOn));
        getLog().info("Created revision " + file.toAbsolutePath());
        getLog().info("Write its SQL below '-- upgrade' and its undo below '-- downgrade'.");
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
