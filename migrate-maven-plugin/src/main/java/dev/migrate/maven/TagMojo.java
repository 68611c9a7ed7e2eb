package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.revision.Revision;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Adds a release tag to the header of the head revision's file (or of the revision given), so the
 * tag can be used as a target. Needs no database; changes only the header, not the checksums.
 */
@Mojo(name = "tag", threadSafe = true, requiresProject = true)
public class TagMojo extends AbstractMigrateMojo {

    /** The release tag to add: letters, digits, '.', '-' and '_', such as release-1.1. */
    @Parameter(property = "migrate.tag")
    private String tag;

    /** The revision to tag (an id, unique prefix or tag); by default the single head. */
    @Parameter(property = "migrate.revision")
    private String revision;

    /** Skips this goal only. */
    @Parameter(property = "migrate.tag.skip", defaultValue = "false")
    private boolean skipTag;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) throws MojoFailureException {
        if (tag == null || tag.isBlank()) {
            throw new MojoFailureException("migrate:tag needs a tag: add -Dmigrate.tag=<tag>, for example"
                    + " -Dmigrate.tag=release-1.1 (and -Dmigrate.revision=<id> to tag another revision than the head)");
        }
        Revision tagged = migrator.tag(tag, revision);
        if (tagged == null) {
            getLog().info("Tag '" + tag.strip() + "' is already on that revision; nothing changed");
        } else {
            getLog().info("Tagged " + tagged.describe() + " as '" + tag.strip() + "' in " + tagged.file()
                    .toAbsolutePath());
        }
    }

    @Override
    protected String goal() {
        return "tag";
    }

    @Override
    protected boolean skipGoal() {
        return skipTag;
    }
}
