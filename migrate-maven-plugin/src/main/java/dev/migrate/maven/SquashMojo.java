package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.autogenerate.Squasher;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes one revision that replaces a range of revisions ({@code -- replaces:}), proven in scratch
 * databases to build the same schema and rows as the chain; with {@code migrate.squash.prune},
 * deletes the replaced files once the configured database has passed the range.
 */
@Mojo(name = "squash", threadSafe = true, requiresProject = true)
public class SquashMojo extends AbstractMigrateMojo {

    /** The last revision of the range: an id, unique prefix, release tag or head. */
    @Parameter(property = "migrate.to")
    private String to;

    /** The revision the range follows (not replaced); by default base, the whole history up to {@code to}. */
    @Parameter(property = "migrate.from")
    private String from;

    /** The squash's message; by default "squash first..last". */
    @Parameter(property = "migrate.message")
    private String message;

    /** Writes the squash even when parts could not be proven or expressed (they become TODOs). */
    @Parameter(property = "migrate.squash.force", defaultValue = "false")
    private boolean force;

    /** Deletes the replaced files; refused while the configured database has not passed the range. */
    @Parameter(property = "migrate.squash.prune", defaultValue = "false")
    private boolean prune;

    /** Skips this goal only. */
    @Parameter(property = "migrate.squash.skip", defaultValue = "false")
    private boolean skipSquash;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) throws MojoFailureException {
        if (to == null || to.isBlank()) {
            throw new MojoFailureException("migrate:squash needs the end of the range: add -Dmigrate.to=<id or tag>"
                    + " (and -Dmigrate.from=<id> to keep the revisions up to that one)");
        }
        Squasher.Result result = migrator.squash(new Squasher.Options(from, to, message, force), prune);
        getLog().info("Squash of " + result.replaced().size() + " revision(s): " + result.file().toAbsolutePath());
        if (prune) {
            getLog().info("Pruned the " + result.replaced().size() + " replaced file(s)");
        }
    }

    @Override
    protected String goal() {
        return "squash";
    }

    @Override
    protected boolean skipGoal() {
        return skipSquash;
    }
}
