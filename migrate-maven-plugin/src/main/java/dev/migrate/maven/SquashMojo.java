package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.autogenerate.Squasher;
import dev.migrate.fanout.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes one revision that replaces a range of revisions ({@code -- replaces:}), proven in scratch
 * databases to build the same schema and rows as the chain; with {@code migrate.squash.prune},
 * deletes the replaced files once every database of the project has passed the range: the
 * configured one, or each of {@code migrate.schemas} and {@code <databases>} where they are given.
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

    /**
     * Deletes the replaced files; refused while the configured database (or any of the schemas and
     * databases below, where given) has not passed the range.
     */
    @Parameter(property = "migrate.squash.prune", defaultValue = "false")
    private boolean prune;

    /**
     * Schemas of the configured database that a prune is held against, comma separated (as the
     * other goals' {@code migrate.schemas}); each must have passed the range.
     */
    @Parameter(property = "migrate.schemas")
    private String schemas;

    /**
     * Databases that a prune is held against instead of the configured one (as the other goals'
     * {@code <databases>}); each must have passed the range.
     */
    @Parameter
    private List<Database> databases;

    /** Skips this goal only. */
    @Parameter(property = "migrate.squash.skip", defaultValue = "false")
    private boolean skipSquash;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) throws MojoFailureException,
            MojoExecutionException {
        if (to == null || to.isBlank()) {
            throw new MojoFailureException("migrate:squash needs the end of the range: add -Dmigrate.to=<id or tag>"
                    + " (and -Dmigrate.from=<id> to keep the revisions up to that one)");
        }
        Map<String, MigrateConfig> held = new LinkedHashMap<>();
        for (Member member : Members.of(goal(), schemas, databases, config, this::credentials)) {
            held.put(member.name(), member.config());
        }
        Squasher.Result result = migrator.squash(new Squasher.Options(from, to, message, force), prune, held);
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
