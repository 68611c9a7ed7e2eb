package dev.migrate;

import dev.migrate.authoring.Authoring;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.Autogenerator;
import dev.migrate.autogenerate.CheckOptions;
import dev.migrate.autogenerate.CheckResult;
import dev.migrate.autogenerate.SchemaCheck;
import dev.migrate.autogenerate.Squasher;
import dev.migrate.autogenerate.jpa.JpaDesiredSchema;
import dev.migrate.autogenerate.jpa.JpaSource;
import dev.migrate.authoring.OfflineScript;
import dev.migrate.database.DatabaseTarget;
import dev.migrate.database.Dialect;
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
import dev.migrate.sql.SqlSyntax;
import dev.migrate.run.MigrationRun.Mode;
import dev.migrate.run.MigrationRun.Planner;
import dev.migrate.run.ResumeChoice;
import dev.migrate.verify.Verification;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one entry point of the core: every goal is a method here. It reads and checks all revision
 * files before it sends the database anything, so broken files never touch it.
 */
public final class Migrator {

    private final MigrateConfig config;
    private final MigrationListener listener;
    // resolved once: everything below is handed the product and the history location, never the URL to resolve again
    // its product's client's rules split the files, its names pick the lint rules that hold
    private final DatabaseTarget target;

    public Migrator(MigrateConfig config, MigrationListener listener) {
        this.config = config;
        this.listener = listener;
        this.target = DatabaseTarget.resolve(config.url(), config.user(), config.password(), config.schema(),
                config.historyTable(), config.connectTimeout());
    }

    /**
     * Reads and checks the revision files, reporting every problem at once, and replaces the
     * placeholders of their SQL; a placeholder without a value is one of the problems.
     */
    public RevisionGraph load() {
        return read(true, target.product().syntax());
    }

    /** The graph for goals that read no SQL: a placeholder without a value does not stop them. */
    private RevisionGraph graphOnly() {
        return read(false, target.product().syntax());
    }

    private RevisionGraph read(boolean valuesNeeded, SqlSyntax syntax) {
        return GraphLoader.load(config.revisions(), syntax, config.placeholders(), config.schema(), config.user(), config.url(),
                valuesNeeded, listener::warn);
    }

    public Outcome upgrade(String target) {
        return upgrade(target, "false");
    }

    public Outcome upgrade(String target, boolean resume) {
        return upgrade(target, String.valueOf(resume));
    }

    /** Upgrades to {@code target}; {@code resume} is {@code migrate.resume} (see {@link ResumeChoice}). */
    public Outcome upgrade(String target, String resume) {
        Target parsed = Target.parse(target);
        return move(Mode.RUN, (graph, applied) -> graph.upgradePlan(parsed, applied), resume, "upgrade to " + target);
    }

    public Outcome downgrade(String target) {
        return downgrade(target, "false");
    }

    public Outcome downgrade(String target, boolean resume) {
        return downgrade(target, String.valueOf(resume));
    }

    public Outcome downgrade(String target, String resume) {
        Target parsed = Target.parse(target);
        return move(Mode.RUN, (graph, applied) -> graph.downgradePlan(parsed, applied), resume, "downgrade to " + target);
    }

    /**
     * Records {@code target} as the applied state without running any SQL. Revisions that stopped
     * halfway count as resolved: the stamp says where the database stands.
     */
    public Outcome stamp(String target) {
        Target parsed = Target.parse(target);
        return move(Mode.STAMP, (graph, applied) -> graph.stampPlan(parsed, applied), "false", "stamp " + target);
    }

    /** Re-records the checksums of applied revisions edited on purpose, once all else is in order; returns them. */
    public List<Revision> repair() {
        return run().repair(load());
    }

    /**
     * Checks files and history, moving nothing: file problems, applied revisions whose files are gone
     * or were edited, revisions that stopped halfway, and (when asked) pending revisions.
     */
    public Status validate(boolean failOnPending) {
        RevisionGraph graph = load();
        List<AppliedRevision> rows = run().readHistory();
        HistoryCheck check = HistoryCheck.of(graph, rows);
        check.requireConsistent();
        HistoryCheck.requireWellFormed(graph, rows);
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

    private Outcome move(Mode mode, Planner planner, String resume, String what) {
        ResumeChoice choice = ResumeChoice.parse(resume); // refused before the files are even read
        MigrationRun.Timed moved = run().move(this::load, mode, planner, choice, what);
        return new Outcome(moved.result().plan(), moved.took(), moved.result().after());
    }

    private MigrationRun run() {
        return new MigrationRun(target, config.lockTimeout(), listener);
    }

    // --- authoring and review (revision, merge, offline SQL, lint), no database needed ---

    /**
     * Writes a new revision file whose parents are {@code parents} (ids, unique prefixes or {@code base}),
     * or else the single head of the files ({@code base} for an empty folder). Returns the new file.
     *
     * @throws dev.migrate.graph.MultipleHeadsException when no parents are given and there are several heads
     */
    public Path revision(String message, List<String> parents, List<String> branchLabels, List<String> dependsOn) {
        return authoring(this::graphOnly).revision(message, parents, branchLabels, dependsOn);
    }

    /** Writes a merge revision of every head, or of {@code parents} when given (at least two); returns the file. */
    public Path merge(String message, List<String> parents) {
        return authoring(this::graphOnly).merge(message, parents);
    }

    /**
     * The offline script from {@code from} to {@code to}, connecting to no database (see {@link Authoring});
     * {@code dialect} (its client's rules split the files) null writes the SQL of the configured product.
     */
    public OfflineScript offlineScript(String from, String to, Direction direction, Dialect dialect) {
        Dialect product = dialect == null ? target.product() : dialect;
        return authoring(() -> read(true, product.syntax())).offlineScript(from, to, direction, product);
    }

    /** Adds a release tag ({@code migrate:tag}) to {@code revision}, or the single head; null when already there. */
    public Revision tag(String tag, String revision) {
        return authoring(this::graphOnly).tag(tag, revision);
    }

    private Authoring authoring(Supplier<RevisionGraph> loader) {
        return new Authoring(config.revisions(), target.history().schema(), target.history().table(), loader);
    }

    /** Lint findings for every revision file; needs no database. */
    public List<Finding> lint(LintConfig lintConfig) {
        return Linter.lint(load(), lintConfig.forProduct(target.product().names()));
    }

    /**
     * Proves that every revision can be undone ({@code migrate:verify}): runs the checks in a
     * scratch database, never in the configured one, and writes the JUnit report when the options
     * name a directory. Problems in the revisions are returned, not thrown, so all are reported.
     */
    public VerifyResult verify(VerifyOptions options) {
        return verify(options, null);
    }

    /** {@link #verify(VerifyOptions)}, with lint errors and warnings, when {@code lint} is given, as findings. */
    public VerifyResult verify(VerifyOptions options, LintConfig lint) {
        return Verification.run(load(), target, options, lint == null ? null : lint.forProduct(target.product()
                .names()), listener);
    }

    /**
     * Writes a revision that turns the head of the revisions into the desired schema and back
     * ({@code migrate:revision -Dmigrate.autogenerate=true}), proven in a scratch database first.
     */
    public AutogenerateResult autogenerate(AutogenerateOptions options) {
        return new Autogenerator(target, config.revisions(), config.placeholders(), listener)
                .autogenerate(revisionsOrEmpty(), options);
    }

    /**
     * Compares the head of the revisions with the desired schema, and the configured database with
     * the revisions applied to it ({@code migrate:check}); changes nothing but scratch databases.
     */
    public CheckResult check(CheckOptions options) {
        return new SchemaCheck(target, config.revisions(), config.placeholders(), listener)
                .check(revisionsOrEmpty(), options);
    }

    /** A proven squash; {@code prune} deletes the replaced files once all {@code databases} (none: this one) passed it. */
    public Squasher.Result squash(Squasher.Options options, boolean prune, java.util.Map<String, MigrateConfig> databases) {
        return new Squasher(target, config.revisions(), listener).squash(load(), options, prune,
                () -> Statuses.of(config, databases, c -> c == config ? status() : new Migrator(c, listener).status()));
    }

    /** Writes the entities' DDL, by the project's own Hibernate, into {@code folder}: a desired schema. */
    public Path jpaDesiredSchema(JpaSource source, Path folder) {
        return JpaDesiredSchema.write(source, target, folder, listener);
    }

    private RevisionGraph revisionsOrEmpty() {
        return java.nio.file.Files.exists(config.revisions()) ? load() : RevisionGraph.of(List.of());
    }
}
