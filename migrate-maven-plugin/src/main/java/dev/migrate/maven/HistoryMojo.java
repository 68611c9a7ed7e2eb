package dev.migrate.maven;

import dev.migrate.report.HistoryGraph;
import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.report.Reports;
import dev.migrate.history.Status;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists every revision, newest first, drawn as a graph (like {@code git log --graph}) so branches and
 * merges show, with its parents and message, marking applied ones and heads.
 */
@Mojo(name = "history", threadSafe = true)
public class HistoryMojo extends AbstractMigrateMojo {

    /**
     * Only the revisions of a range {@code <from>:<to>}: {@code to} and what it needs, down to and
     * including {@code from}. Each side is optional and may be {@code base}, {@code head},
     * {@code heads}, a revision id or prefix, {@code label@head} or {@code current}; for example
     * {@code 20260101:}, {@code current:heads}.
     */
    @Parameter(property = "migrate.range")
    private String range;

    /** Skips this goal only. */
    @Parameter(property = "migrate.history.skip", defaultValue = "false")
    private boolean skipHistory;

    @Override
    protected void run(Migrator migrator, MigrateConfig config) {
        logDatabase(config);
        Status status = migrator.status();
        Reports.historyGraph(status, HistoryGraph.select(status, range)).forEach(getLog()::info);
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
