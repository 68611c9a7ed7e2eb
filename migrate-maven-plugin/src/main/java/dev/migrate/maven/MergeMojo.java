package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a merge revision that joins every head of the files (or the revisions given) into one,
 * with empty sections, and prints its path. Needs no database; never overwrites a file.
 */
@Mojo(name = "merge", threadSafe = true, requiresProject = true)
public class MergeMojo extends AbstractMigrateMojo {

    /** What the merge is for; by default "merge" followed by the parent ids. */
    @Parameter(property = "migrate.message")
    private String message;

    /** The revisions to join, comma separated (ids or unique prefixes); by default every head. */
    @Parameter(property = "migrate.parents")
    private String parents;

    /** Skips this goal only. */
    @Parameter(property = "migrate.merge.skip", defaultValue = "false")
    private boolean skipMerge;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) {
        Path file = migrator.merge(message, Lists.commaSeparated(parents));
        getLog().info("Created merge revision " + file.toAbsolutePath());
    }

    @Override
    protected String goal() {
        return "merge";
    }

    @Override
    protected boolean skipGoal() {
        return skipMerge;
    }
}
