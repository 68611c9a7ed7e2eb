package dev.migrate;

import dev.migrate.authoring.Authoring;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.Autogenerator;
import dev.migrate.autogenerate.CheckOptions;
import dev.migrate.autogenerate.CheckResult;
import dev.migrate.autogenerate.SchemaCheck;
import dev.migrate.authoring.OfflineScript;
import dev.migrate.database.DatabaseTarget;
import dev.migrate.database.Dialect;
import dev.migrate.database.Identifier;
import dev.migrate.graph.Direction;
import dev.migrate.graph.GraphLoader;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.history.AppliedRevision;
import dev.migrate.history.HistoryCheck;
import dev.migrate.history.PendingRevisionsException;
import dev.migrate.history.Status;
import dev.migrate.common.Finding;
import dev.migrate.lint.LintConfig;
import dev.migrate.lint.Linter;
import dev.migrate.revision.Revision;
import dev.migrate.run.MigrationRun;
import dev.migrate.run.MigrationRun.Mode;
import dev.migrate.run.MigrationRun.Planner;
import dev.migrate.verify.Verification;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one entry point of the core: every goal is a method here. It reads and checks all revision
 * files before it opens a connection, so broken files never touch the database.
 */
public final class Migrator {

    private final MigrateConfig config;
    private final MigrationListener listener;
    // resolved once: everything below is handed the product and the history location, never the URL to resolve again
    private final DatabaseTarget target;
    private final Identifier schema;
    private final Identifier table;

    public Migrator(MigrateConfig config, MigrationListener listener) {
        this.config = config;
        this.listener = listener;
        this.target = DatabaseTarget.resolve(config.url(), config.user(), config.password(), config.schema(),
                config.historyTable());
        this.schema = target.history().schema();
        this.table = target.history().table();
    }

    /**
     * Reads and checks the revision files, reporting every problem at once, and replaces the
     * placeholders of their SQL; a placeholder without a value is one of the problems.
     */
    public RevisionGraph load() {
        return read(true);
    }

    /** The graph for goals that read no SQL: a placeholder without a value does not stop them. */
    private RevisionGraph graphOnly() {
        return read(false);
    }

    private RevisionGraph read(boolean valuesNeeded) {
        return GraphLoader.load(config.revisions(), config.placeholders(), config.schema(), config.user(), config.url(),
                valuesNeeded);
    }

    public Outcome upgrade(String target) {
        return upgrade(target, false);
    }

    /**
     * Upgrades to {@code target}; with {@code resume}, a non-transactional revision recorded as
     * failed first continues from its failed statement.
     */
    public Outcome upgrade(String target, boolean resume) {
        Target parsed = Target.parse(target);
        return move(Mode.RUN, (graph, applied) -> graph.upgradePlan(parsed, applied), resume, "upgrade to " + target);
    }

    public Outcome downgrade(String target) {
        return downgrade(target, false);
    }

    public Outcome downgrade(String target, boolean resume) {
        Target parsed = Target.parse(target);
        return move(Mode.RUN, (graph, applied) -> graph.downgradePlan(parsed, applied), resume, "downgrade to " + target);
    }

    /**
     * Records {@code target} as the applied state without running any SQL. Revisions that stopped
     * halfway count as resolved: the stamp says where the database stands.
     */
    public Outcome stamp(String target) {
        Target parsed = Target.parse(target);
        return move(Mode.STAMP, (graph, applied) -> graph.stampPlan(parsed, applied), false, "stamp " + target);
    }

    /**
     * Re-records the checksums of applied revisions whose files were edited on purpose, after
     * checking everything else is in order.
     *
     * @return the revisions whose checksums were re-recorded
     */
    public List<Revision> repair() {
        return run().repair(load());
    }

    /**
     * Checks files and history without moving anything: file problems, applied revisions whose
     * files are gone or whose upgrade was edited, revisions that stopped halfway, and (when asked)
     * pending revisions.
     */
    public Status validate(boolean failOnPending) {
        RevisionGraph graph = load();
        List<AppliedRevision> rows = run().readHistory();
        HistoryCheck check = HistoryCheck.of(graph, rows);
        check.requireConsistent();
        check.requireNoFailures(false);
        check.editedDowngrades().forEach(revision -> listener.warn("the downgrade section of applied revision "
                + revision.describe() + " was edited since it ran; the next upgrade or downgrade re-records it"));
        Status status = new Status(graph, rows);
        if (failOnPending && !status.pending().isEmpty()) {
            throw new PendingRevisionsException(status.pending());
        }
        return status;
    }

    /** The files and the database's history, read without changing anything. */
    public Status status() {
        RevisionGraph graph = graphOnly();
        return new Status(graph, run().readHistory());
    }

    /** The revision files alone, for goals that need no database. */
    public Status filesOnly() {
        return new Status(graphOnly(), List.of());
    }

    private Outcome move(Mode mode, Planner planner, boolean resume, String what) {
        RevisionGraph graph = load();
        long started = System.nanoTime();
        MigrationRun.Result result = run().move(graph, mode, planner, resume, what);
        return new Outcome(result.plan(), Duration.ofNanos(System.nanoTime() - started), result.after());
    }

    private MigrationRun run() {
        return new MigrationRun(target, config.lockTimeout(), listener);
    }

    // --- authoring and review (revision, merge, offline SQL, lint), no database needed ---

    /**
     * Writes a new revision file whose parents are {@code parents} (ids, unique prefixes or
     * {@code base}), or, when none are given, the single head of the files ({@code base} for an empty
     * folder). Returns the new file.
     *
     * @throws dev.migrate.graph.MultipleHeadsException when no parents are given and there are several heads
     */
    public Path revision(String message, List<String> parents, List<String> branchLabels, List<String> dependsOn) {
        return authoring(this::graphOnly).revision(message, parents, branchLabels, dependsOn);
    }

    /**
     * Writes a merge revision whose parents are every head, or {@code parents} when given (at least
     * two). Returns the new file.
     */
    public Path merge(String message, List<String> parents) {
        return authoring(this::graphOnly).merge(message, parents);
    }

    /**
     * The offline script that moves a database from {@code from} to {@code to} without connecting to
     * any: the plan is computed as if {@code from} (and what it needs) were applied. {@code direction}
     * null infers it: down when {@code to} is {@code base}, {@code -N} or something {@code from} needs.
     * {@code from} defaults to {@code base} going up and to {@code heads} going down. {@code dialect}
     * null writes the SQL of the configured database's product.
     */
    public OfflineScript offlineScript(String from, String to, Direction direction, Dialect dialect) {
        return authoring(this::load).offlineScript(from, to, direction, dialect == null ? target.product() : dialect);
    }

    private Authoring authoring(Supplier<RevisionGraph> loader) {
        return new Authoring(config.revisions(), schema, table, loader);
    }

    /** Lint findings for every revision file; needs no database. */
    public List<Finding> lint(LintConfig lintConfig) {
        return Linter.lint(load(), lintConfig);
    }

    /**
     * Proves that every revision can be undone ({@code migrate:verify}): runs the checks in a
     * scratch database, never in the configured one, and writes the JUnit report when the options
     * name a directory. Problems in the revisions are returned, not thrown, so all are reported.
     */
    public VerifyResult verify(VerifyOptions options) {
        return verify(options, null);
    }

    /**
     * {@link #verify(VerifyOptions)}, with the lint rules run first when
     * {@code lint} is given: lint errors and warnings become verify findings of the lint phase.
     */
    public VerifyResult verify(VerifyOptions options, LintConfig lint) {
        return Verification.run(load(), target, options, lint, listener);
    }

    /**
     * Writes a revision that turns the head of the revisions into the desired schema and back
     * ({@code migrate:revision -Dmigrate.autogenerate=true}), proven in a scratch database first.
     */
    public AutogenerateResult autogenerate(AutogenerateOptions options) {
        return new Autogenerator(target, config.revisions(), listener).autogenerate(revisionsOrEmpty(), options);
    }

    /**
     * Compares the head of the revisions with the desired schema, and the configured database with
     * the revisions applied to it ({@code migrate:check}); changes nothing but scratch databases.
     */
    public CheckResult check(CheckOptions options) {
        return new SchemaCheck(target, config.revisions(), listener).check(revisionsOrEmpty(), options);
    }

    private RevisionGraph revisionsOrEmpty() {
        return java.nio.file.Files.exists(config.revisions()) ? load() : RevisionGraph.of(List.of());
    }
}
