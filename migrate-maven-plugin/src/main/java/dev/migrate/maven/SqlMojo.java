package dev.migrate.maven;

import dev.migrate.database.Dialects;
import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.database.Dialect;
import dev.migrate.authoring.OfflineScript;
import dev.migrate.graph.Direction;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the SQL that an upgrade (or a downgrade) would run to a file instead of running it, for a
 * DBA to review or to apply by hand with {@code psql -f}: every statement as it would be sent, the
 * history-table statements and the transaction boundaries. Connects to no database.
 */
@Mojo(name = "sql", threadSafe = true)
public class SqlMojo extends AbstractMigrateMojo {

    /**
     * Where the script starts, as if this were applied: {@code base}, a revision id or prefix,
     * {@code head}, {@code heads} or {@code label@head}. Defaults to {@code base} going up and to
     * {@code heads} going down.
     */
    @Parameter(property = "migrate.from")
    private String from;

    /** Where the script ends: any target, as for upgrade and downgrade ({@code base} writes a downgrade). */
    @Parameter(property = "migrate.target", defaultValue = "head")
    private String target;

    /**
     * {@code up} or {@code down}; when empty it is inferred: down for {@code base}, {@code -N} or a
     * revision that {@code from} includes, up otherwise.
     */
    @Parameter(property = "migrate.direction")
    private String direction;

    /**
     * The SQL dialect: {@code postgresql} or {@code h2}. When empty, taken from {@code migrate.url}
     * (H2 when no URL is set).
     */
    @Parameter(property = "migrate.dialect")
    private String dialect;

    /** The file to write; by default {@code target/migrate/<upgrade|downgrade>-<from>-to-<target>.sql}. */
    @Parameter(property = "migrate.sqlFile")
    private File sqlFile;

    /** Skips this goal only. */
    @Parameter(property = "migrate.sql.skip", defaultValue = "false")
    private boolean skipSql;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) throws MojoFailureException {
        OfflineScript script = migrator.offlineScript(from, target, direction(), dialect());
        Path file = sqlFile != null ? sqlFile.toPath() : buildDirectory.toPath().resolve("migrate")
                .resolve(script.description().replace(" from ", "-").replace(" to ", "-to-")
                        .replaceAll("[^A-Za-z0-9_.-]+", "_") + ".sql");
        script.writeTo(file);
        int count = script.plan().steps().size();
        getLog().info("Wrote " + script.description() + " (" + count + (count == 1 ? " revision" : " revisions")
                + ", " + script.dialect().displayName() + ") to " + file.toAbsolutePath());
    }

    private Direction direction() throws MojoFailureException {
        if (direction == null || direction.isBlank()) {
            return null;
        }
        switch (direction.strip().toLowerCase(Locale.ROOT)) {
            case "up":
            case "upgrade":
                return Direction.UP;
            case "down":
            case "downgrade":
                return Direction.DOWN;
            default:
                throw new MojoFailureException("migrate.direction is '" + direction + "'; write up or down, or leave"
                        + " it empty to infer it from the target");
        }
    }

    private Dialect dialect() throws MojoFailureException {
        if (dialect == null || dialect.isBlank()) {
            return null; // the facade takes the product of migrate.url
        }
        return Dialects.byName(dialect).orElseThrow(() -> new MojoFailureException("migrate.dialect is '" + dialect
                + "'; write postgresql or h2, or leave it empty to take it from migrate.url"));
    }

    @Override
    protected String goal() {
        return "sql";
    }

    @Override
    protected boolean skipGoal() {
        return skipSql;
    }
}
