package dev.migrate;

import dev.migrate.db.AppliedRevision;
import dev.migrate.db.Database;
import dev.migrate.db.DatabaseUnavailableException;
import dev.migrate.db.Dialect;
import dev.migrate.db.HistoryTable;
import dev.migrate.db.Identifier;
import dev.migrate.db.MigrationLock;
import dev.migrate.db.OfflineScript;
import dev.migrate.db.PlanRunner;
import dev.migrate.db.PostgresLock;
import dev.migrate.db.RowState;
import dev.migrate.graph.Direction;
import dev.migrate.graph.MultipleHeadsException;
import dev.migrate.graph.Plan;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.lint.Finding;
import dev.migrate.lint.LintConfig;
import dev.migrate.lint.Linter;
import dev.migrate.revision.InvalidRevisionsException;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionFolder;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        RevisionGraph graph = load();
        try (Database database = connect()) {
            HistoryTable history = history(database, false);
            if (!history.exists()) {
                return List.of();
            }
            try (MigrationLock lock = lock(history)) {
                HistoryCheck check = HistoryCheck.of(graph, history.read());
                if (!check.missingFiles().isEmpty()) {
                    throw new dev.migrate.graph.UnknownAppliedRevisionException(check.missingFiles());
                }
                Set<Revision> edited = new LinkedHashSet<>(check.editedUpgrades());
                edited.addAll(check.editedDowngrades());
                for (Revision revision : edited) {
                    history.recordChecksums(revision);
                    listener.info("re-recorded the checksums of " + revision.describe());
                }
                return List.copyOf(edited);
            }
        } catch (SQLException e) {
            throw unavailable("cannot repair the history table " + config.historyTable(), e);
        }
    }

    /**
     * Checks files and history without moving anything: file problems, applied revisions whose
     * files are gone or whose upgrade was edited, revisions that stopped halfway, and (when asked)
     * pending revisions.
     */
    public Status validate(boolean failOnPending) {
        RevisionGraph graph = load();
        try (Database database = connect()) {
            List<AppliedRevision> rows = history(database, false).read();
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
        } catch (SQLException e) {
            throw unavailable("cannot read the history table " + config.historyTable(), e);
        }
    }

    /** The files and the database's history, read without changing anything. */
    public Status status() {
        RevisionGraph graph = load();
        try (Database database = connect()) {
            return new Status(graph, history(database, false).read());
        } catch (SQLException e) {
            throw unavailable("cannot read the history table " + config.historyTable(), e);
        }
    }

    /** The revision files alone, for goals that need no database. */
    public Status filesOnly() {
        return new Status(load(), List.of());
    }

    private enum Mode { RUN, STAMP }

    private Outcome move(Mode mode, BiFunction<RevisionGraph, Set<String>, Plan> planner, boolean resume, String what) {
        RevisionGraph graph = load();
        long started = System.nanoTime();
        try (Database database = connect()) {
            HistoryTable history = history(database, false);
            // First look without the lock and without writing anything: a run refused here (edited
            // files, several heads, transaction control, an unresolved failure) leaves the database
            // exactly as it was.
            Checked preview = check(mode, graph, history.read(), planner, resume);
            if (preview.nothingToDo()) {
                return new Outcome(preview.plan(), elapsed(started), preview.status());
            }
            boolean postgres = database.dialect() == Dialect.POSTGRESQL;
            if (!postgres) {
                // H2's lock is a table next to the history table, so its schema must exist first
                history = history(database, true);
            }
            try (MigrationLock lock = lock(history)) {
                if (postgres) {
                    // concurrent CREATE ... IF NOT EXISTS can collide in PostgreSQL's catalog: only under the lock
                    history = history(database, true);
                    prepareWorkSession(database, history.qualifiedName());
                }
                history.createIfMissing();
                // another run may have moved the database while this one waited: read again
                Checked locked = check(mode, graph, history.read(), planner, resume);
                PlanRunner runner = new PlanRunner(database, history, listener);
                for (Revision revision : locked.history().editedDowngrades()) {
                    listener.warn("the downgrade section of applied revision " + revision.describe() + " ("
                            + revision.fileName() + ") was edited since it ran; re-recording its checksum");
                    history.recordChecksums(revision);
                }
                Plan plan = locked.plan();
                if (!locked.history().unfinished().isEmpty()) {
                    finishUnfinished(mode, graph, locked.history().unfinished(), runner, history);
                    plan = planner.apply(graph, new Status(graph, history.read()).appliedIds());
                }
                if (!plan.isEmpty()) {
                    listener.planned(plan, what);
                    if (mode == Mode.STAMP) {
                        runner.record(plan);
                    } else {
                        runner.run(plan);
                    }
                }
                return new Outcome(plan, elapsed(started), new Status(graph, history.read()));
            }
        } catch (SQLException e) {
            throw unavailable("cannot use the history table " + config.historyTable(), e);
        }
    }

    /** One reading of the history, held against the files, and the plan it leads to. */
    private record Checked(HistoryCheck history, Status status, Plan plan) {

        /** Nothing to run, finish or re-record: the run needs neither the lock nor a write. */
        boolean nothingToDo() {
            return plan.isEmpty() && history.unfinished().isEmpty() && history.editedDowngrades().isEmpty();
        }
    }

    /** Every check that can refuse a run, and the plan it would run. */
    private Checked check(Mode mode, RevisionGraph graph, List<AppliedRevision> rows,
            BiFunction<RevisionGraph, Set<String>, Plan> planner, boolean resume) {
        HistoryCheck check = HistoryCheck.of(graph, rows);
        check.requireConsistent();
        if (mode == Mode.RUN) {
            check.requireNoFailures(resume);
        }
        Status status = new Status(graph, rows);
        Plan plan = planner.apply(graph, status.appliedIds());
        if (mode == Mode.RUN) {
            PlanRunner.checkTransactionControl(plan);
        }
        return new Checked(check, status, plan);
    }

    /**
     * Revisions that stopped halfway: an interrupted one (its run died) or a failed one the user
     * asked to resume is finished in its own direction; a stamp resolves them by recording instead.
     */
    private void finishUnfinished(Mode mode, RevisionGraph graph, List<AppliedRevision> unfinished, PlanRunner runner,
            HistoryTable history) throws SQLException {
        for (AppliedRevision row : unfinished) {
            Revision revision = graph.find(row.id()).orElseThrow();
            if (mode == Mode.STAMP) {
                if (row.state().upgrading()) {
                    history.delete(row.id());
                } else {
                    history.update(revision, RowState.STAMPED, 0, null, 0);
                }
                listener.info("stamp resolves " + revision.describe() + ", which had stopped halfway");
                continue;
            }
            Direction direction = row.state().upgrading() ? Direction.UP : Direction.DOWN;
            listener.info((row.state().failed() ? "resuming failed " : "finishing interrupted ") + direction
                    .name().toLowerCase(Locale.ROOT) + " of " + revision.describe() + " after "
                    + row.statementsDone() + " completed statement(s)");
            runner.run(new Plan(direction, List.of(revision)), Map.of(row.id(), row));
        }
    }

    /**
     * The connection that runs revisions asks the server to notice a vanished client during long
     * statements (PostgreSQL 14+), and waits out a killed run's session that is still working.
     */
    private void prepareWorkSession(Database database, String lockName) throws SQLException {
        try (java.sql.Statement statement = database.connection().createStatement()) {
            statement.execute("SET client_connection_check_interval = 1000");
        } catch (SQLException e) {
            // older servers do not know the setting: a killed client's statement then runs to its end
        }
        PostgresLock.holdWorkLock(database.connection(), lockName, config.lockTimeout(), listener);
    }

    private MigrationLock lock(HistoryTable history) {
        return MigrationLock.acquire(this::connect, history, config.lockTimeout(), listener);
    }

    private HistoryTable history(Database database, boolean createSchema) {
        if (schema != null) {
            database.useSchema(schema, createSchema);
        }
        return new HistoryTable(database, schema, table);
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private Database connect() {
        return Database.connect(config.url(), config.user(), config.password());
    }

    private DatabaseUnavailableException unavailable(String what, SQLException e) {
        return new DatabaseUnavailableException(what + " on " + Redaction.redactUrl(config.url()) + ": "
                + Redaction.redact(e.getMessage(), config.password()) + " (SQL state " + e.getSQLState()
                + "; check the user's rights on the schema)", e);
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
        return authoring().revision(message, parents, branchLabels, dependsOn);
    }

    /**
     * Writes a merge revision whose parents are every head, or {@code parents} when given (at least
     * two). Returns the new file.
     */
    public Path merge(String message, List<String> parents) {
        return authoring().merge(message, parents);
    }

    /**
     * The offline script that moves a database from {@code from} to {@code to} without connecting to
     * any: the plan is computed as if {@code from} (and what it needs) were applied. {@code direction}
     * null infers it: down when {@code to} is {@code base}, {@code -N} or something {@code from} needs.
     * {@code from} defaults to {@code base} going up and to {@code heads} going down.
     */
    public OfflineScript offlineScript(String from, String to, Direction direction, Dialect dialect) {
        return authoring().offlineScript(from, to, direction, dialect);
    }

    private Authoring authoring() {
        return new Authoring(config, schema, table, this::load);
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
    public dev.migrate.verify.VerifyResult verify(dev.migrate.verify.VerifyOptions options) {
        return verify(options, null);
    }

    /**
     * {@link #verify(dev.migrate.verify.VerifyOptions)}, with the lint rules run first when
     * {@code lint} is given: lint errors and warnings become verify findings of the lint phase.
     */
    public dev.migrate.verify.VerifyResult verify(dev.migrate.verify.VerifyOptions options, LintConfig lint) {
        RevisionGraph graph = load();
        List<dev.migrate.verify.Finding> lintFindings = lint == null ? List.of() : Linter.lint(graph, lint).stream()
                .filter(finding -> finding.severity() != dev.migrate.lint.Severity.INFO)
                .map(finding -> new dev.migrate.verify.Finding(finding.severity() == dev.migrate.lint.Severity.ERROR
                        ? dev.migrate.verify.Finding.Severity.ERROR : dev.migrate.verify.Finding.Severity.WARNING,
                        dev.migrate.verify.Phase.LINT, finding.file().getFileName().toString().substring(0, 14),
                        finding.toString()))
                .toList();
        dev.migrate.verify.VerifyResult result;
        try (dev.migrate.verify.ScratchDatabase scratch = dev.migrate.verify.ScratchDatabase.open(config.url(),
                config.user(), config.password(), options.verifyUrl())) {
            result = dev.migrate.verify.Verifier.verify(graph, scratch, schema, table, options, listener);
        }
        if (!lintFindings.isEmpty()) {
            List<dev.migrate.verify.Finding> all = new ArrayList<>(lintFindings);
            all.addAll(result.findings());
            result = new dev.migrate.verify.VerifyResult(result.database(), all, result.rows(), result.took(),
                    result.report());
        }
        if (options.reportDirectory() != null) {
            result = result.withReport(dev.migrate.verify.JUnitXmlReport.write(result, options.reportDirectory()));
        }
        return result;
    }

    // --- autogenerate and check: the work is in dev.migrate.autogenerate ---

    /**
     * Writes a revision that turns the head of the revisions into the desired schema and back
     * ({@code migrate:revision -Dmigrate.autogenerate=true}), proven in a scratch database first.
     */
    public dev.migrate.autogenerate.AutogenerateResult autogenerate(dev.migrate.autogenerate.AutogenerateOptions options) {
        return new dev.migrate.autogenerate.Autogenerator(config, listener).autogenerate(revisionsOrEmpty(), options);
    }

    /**
     * Compares the head of the revisions with the desired schema, and the configured database with
     * the revisions applied to it ({@code migrate:check}); changes nothing but scratch databases.
     */
    public dev.migrate.autogenerate.CheckResult check(dev.migrate.autogenerate.CheckOptions options) {
        return new dev.migrate.autogenerate.SchemaCheck(config, listener).check(revisionsOrEmpty(), options);
    }

    private RevisionGraph revisionsOrEmpty() {
        return java.nio.file.Files.exists(config.revisions()) ? load() : RevisionGraph.of(List.of());
    }
}
