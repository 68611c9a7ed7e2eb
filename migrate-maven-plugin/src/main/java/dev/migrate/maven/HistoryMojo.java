package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.Reports;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Lists every revision, newest first, with its parents and message, marking applied ones and heads. */
@Mojo(name = "history", threadSafe = true)
public class HistoryMojo extends AbstractMigrateMojo {

    /** Skips this goal only. */
    @Parameter(property = "migrate.history.skip", defaultValue = "false")
    private boolean skipHistory;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) {
        logDatabase(config);
        Reports.history(migrator.status()).forEach(getLog()::info);
    }

    @Override
    protected String goal() {
        return "history";
    }

    @Override
    protected boolean skipGoal() {
        return skipHistory;
    }
}
