package dev.migrate;

import dev.migrate.db.AppliedRevision;
import dev.migrate.db.Database;
import dev.migrate.db.DatabaseUnavailableException;
import dev.migrate.db.HistoryTable;
import dev.migrate.db.Identifier;
import dev.migrate.db.PlanRunner;
import dev.migrate.graph.Plan;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.revision.InvalidRevisionsException;
import dev.migrate.revision.RevisionFolder;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The one entry point of the core: every goal is a method here. It reads and checks all revision
 * files before it opens a connection, so broken files never touch the database.
 */
public final class Migrator {

    private final MigrateConfig config;
    private final MigrationListener listener;
    private final Identifier schema;
    private final Identifier table;

    public Migrator(MigrateConfig config, MigrationListener listener) {
        this.config = config;
        this.listener = listener;
        this.schema = config.schema() == null ? null : new Identifier(config.schema());
        this.table = new Identifier(config.historyTable());
    }

    /** Reads and checks the revision files, reporting every problem at once. */
    public RevisionGraph load() {
        RevisionFolder folder = RevisionFolder.scan(config.revisions());
        List<Problem> problems = new ArrayList<>(folder.problems());
        problems.addAll(RevisionGraph.problems(folder.revisions(), folder.idsOfBrokenFiles()));
        if (!problems.isEmpty()) {
            throw new InvalidRevisionsException(problems);
        }
        return RevisionGraph.of(folder.revisions());
    }

    public Outcome upgrade(String target) {
        Target parsed = Target.parse(target);
        return move(true, (graph, applied) -> graph.upgradePlan(parsed, applied), false, "upgrade to " + target);
    }

    public Outcome downgrade(String target) {
        Target parsed = Target.parse(target);
        return move(false, (graph, applied) -> graph.downgradePlan(parsed, applied), false, "downgrade to " + target);
    }

    /** Records {@code target} as the applied state without running any SQL. */
    public Outcome stamp(String target) {
        Target parsed = Target.parse(target);
        return move(true, (graph, applied) -> graph.stampPlan(parsed, applied), true, "stamp " + target);
    }

    /** The files and the database's history, read without changing anything. */
    public Status status() {
        RevisionGraph graph = load();
        try (Database database = connect()) {
            if (schema != null) {
                database.useSchema(schema, false);
            }
            return new Status(graph, new HistoryTable(database, schema, table).read());
        } catch (SQLException e) {
            throw unavailable("cannot read the history table " + config.historyTable(), e);
        }
    }

    /** The revision files alone, for goals that need no database. */
    public Status filesOnly() {
        return new Status(load(), List.of());
    }

    private Outcome move(boolean createHistory, BiFunction<RevisionGraph, Set<String>, Plan> planner,
            boolean recordOnly, String what) {
        RevisionGraph graph = load();
        long started = System.nanoTime();
        try (Database database = connect()) {
            if (schema != null) {
                database.useSchema(schema, false);
            }
            HistoryTable history = new HistoryTable(database, schema, table);
            List<AppliedRevision> before = history.read();
            // plan and check everything first: a refused plan leaves the database exactly as it was
            Plan plan = planner.apply(graph, new Status(graph, before).appliedIds());
            if (!recordOnly) {
                PlanRunner.checkTransactionControl(plan);
            }
            if (plan.isEmpty()) {
                return new Outcome(plan, Duration.ofNanos(System.nanoTime() - started), new Status(graph, before));
            }
            if (createHistory) {
                if (schema != null) {
                    database.useSchema(schema, true);
                }
                history.createIfMissing();
            }
            listener.planned(plan, what);
            PlanRunner runner = new PlanRunner(database, history, listener);
            if (recordOnly) {
                runner.record(plan);
            } else {
                runner.run(plan);
            }
            return new Outcome(plan, Duration.ofNanos(System.nanoTime() - started), new Status(graph, history.read()));
        } catch (SQLException e) {
            throw unavailable("cannot use the history table " + config.historyTable(), e);
        }
    }

    private Database connect() {
        return Database.connect(config.url(), config.user(), config.password());
    }

    private DatabaseUnavailableException unavailable(String what, SQLException e) {
        return new DatabaseUnavailableException(what + " on " + Redaction.redactUrl(config.url()) + ": "
                + Redaction.redact(e.getMessage(), config.password()) + " (SQL state " + e.getSQLState()
                + "; check the user's rights on the schema)", e);
    }

    /**
     * Proves that every revision can be undone ({@code migrate:verify}): runs the checks in a
     * scratch database, never in the configured one, and writes the JUnit report when the options
     * name a directory. Problems in the revisions are returned, not thrown, so all are reported.
     */
    public dev.migrate.verify.VerifyResult verify(dev.migrate.verify.VerifyOptions options) {
        RevisionGraph graph = load();
        dev.migrate.verify.VerifyResult result;
        try (dev.migrate.verify.ScratchDatabase scratch = dev.migrate.verify.ScratchDatabase.open(config.url(),
                config.user(), config.password(), options.verifyUrl())) {
            result = dev.migrate.verify.Verifier.verify(graph, scratch, schema, table, options, listener);
        }
        if (options.reportDirectory() != null) {
            result = result.withReport(dev.migrate.verify.JUnitXmlReport.write(result, options.reportDirectory()));
        }
        return result;
    }
}
