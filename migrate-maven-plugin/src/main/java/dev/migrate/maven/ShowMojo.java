package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.report.Reports;
import dev.migrate.history.Status;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints one revision in full: its header, parents and children, both sections, and whether it is
 * applied. The database is consulted only when {@code migrate.url} is set or the default embedded
 * database already exists; nothing is ever created.
 */
@Mojo(name = "show", threadSafe = true)
public class ShowMojo extends AbstractMigrateMojo {

    /** The revision to show: a full id or a unique prefix of one. */
    @Parameter(property = "migrate.revision")
    private String revision;

    /** Skips this goal only. */
    @Parameter(property = "migrate.show.skip", defaultValue = "false")
    private boolean skipShow;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) throws MojoFailureException {
        if (revision == null || revision.isBlank()) {
            throw new MojoFailureException("migrate:show needs a revision: add -Dmigrate.revision=<id or unique"
                    + " prefix> (migrate:history lists them)");
        }
        boolean database = hasDatabase(config);
        Status status = database ? migrator.status() : migrator.filesOnly();
        Reports.show(status, status.graph().resolve(revision), database).forEach(getLog()::info);
    }

    /** A configured URL, or the default embedded database when an earlier goal created it. */
    private boolean hasDatabase(MigrateConfig config) {
        return !usesDefaultDatabase(config) || new File(buildDirectory, "migrate/db.mv.db").isFile();
    }

    @Override
    protected String goal() {
        return "show";
    }

    @Override
    protected boolean skipGoal() {
        return skipShow;
    }
}
