package dev.migrate.autogenerate;

import dev.migrate.common.Log;
import dev.migrate.run.UncheckedRun;
import dev.migrate.history.HistoryCheck;
import dev.migrate.history.Status;
import dev.migrate.history.AppliedRevision;
import dev.migrate.database.Database;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.Dialect;
import dev.migrate.database.DatabaseTarget;
import dev.migrate.database.Identifier;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Placeholders;
import dev.migrate.revision.Revision;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.scratch.ScratchDatabase;
import dev.migrate.scratch.Workbench;
import dev.migrate.schema.SnapshotDiff;
import dev.migrate.schema.SnapshotDiff.Difference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of {@code migrate:check}: the revisions' head against the desired schema (when there
 * is one), and the configured database against the revisions its history lists (when it has a
 * history table). Every difference is named; nothing is changed anywhere but in scratch databases.
 */
public final class SchemaCheck {

    private final DatabaseTarget target;
    private final Path revisions;
    private final Placeholders placeholders;
    private final Log listener;
    private final Identifier schema;
    private final Identifier table;

    /**
     * The checks for the project whose database is {@code target} and whose revisions are in
     * {@code revisions}; {@code placeholders} are replaced in the desired schema's files as in revisions.
     */
    public SchemaCheck(DatabaseTarget target, Path revisions, Placeholders placeholders, Log listener) {
        this.target = target;
        this.revisions = revisions;
        this.placeholders = placeholders;
        this.listener = listener;
        this.schema = target.history().schema();
        this.table = target.history().table();
    }

    public CheckResult check(RevisionGraph graph, CheckOptions options) {
        long started = System.nanoTime();
        List<CheckResult.Finding> findings = new ArrayList<>();
        List<CheckResult.Comparison> checked = new ArrayList<>();
        if (options.desired().startsWith("jdbc:") || Files.exists(Path.of(options.desired()))) {
            checked.add(CheckResult.Comparison.DESIRED);
            findings.addAll(againstDesired(graph, options.desired(), options.filter()));
        } else {
            listener.info("No desired schema at " + options.desired() + ": the revisions are not compared with one");
        }
        List<AppliedRevision> rows = historyRows();
        if (rows != null) {
            checked.add(CheckResult.Comparison.LIVE);
            // what entities cannot describe is the revisions' own, and compared with the database
            findings.addAll(againstLive(graph, rows, new SnapshotFilter(false, options.filter().ignore())));
        } else {
            listener.info("The database " + dev.migrate.common.Redaction.redactUrl(target.url()) + " has no history table:"
                    + " it is not compared with the revisions");
        }
        CheckResult result = new CheckResult(findings, checked, Duration.ofNanos(System.nanoTime() - started), null);
        if (options.reportDirectory() != null) {
            result = result.withReport(CheckReport.write(result, options.reportDirectory()));
        }
        return result;
    }

    private List<CheckResult.Finding> againstDesired(RevisionGraph graph, String desiredSource, SnapshotFilter filter) {
        Autogenerator autogenerator = new Autogenerator(target, revisions, placeholders, listener);
        try (Autogenerator.Desired desired = autogenerator.desired(desiredSource, graph);
                Workbench head = new Workbench(ScratchDatabase.open(desired.server(), null), target.history())
                        .leaving(filter::apply)) {
            List<Revision> revisions = Autogenerator.headRevisions(graph);
            listener.info("Comparing the head of " + revisions.size() + " revision(s) with the desired schema ("
                    + desired.description() + ")");
            head.upgrade(revisions);
            List<CheckResult.Finding> findings = new ArrayList<>();
            SchemaSnapshot headSnapshot = head.snapshot();
            SchemaSnapshot wanted = ConstraintNames.matched(headSnapshot, filter.inOrderOf(headSnapshot,
                    filter.apply(desired.snapshot())), head.dialect().snapshotReader()::namedByDatabase);
            for (Difference difference : SnapshotDiff.between(wanted, headSnapshot)) {
                String what = difference.object().display();
                String message = difference.positionOnly() ? "the columns of " + what + " come in another order in"
                        + " the revisions (" + difference.actual() + ") than in the desired schema (" + difference
                        .expected() + ")"
                        : difference.isMissing() ? what + " is in the desired schema but no revision creates it"
                        : difference.isExtra() ? what + " is made by the revisions but not in the desired schema"
                        : what + " differs: " + SnapshotDiffText.shorten(difference.actual()) + " in the revisions, "
                                + SnapshotDiffText.shorten(difference.expected()) + " in the desired schema";
                findings.add(new CheckResult.Finding(CheckResult.Comparison.DESIRED, !difference.positionOnly(),
                        message));
            }
            return findings;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("check cannot read a schema: " + e.getMessage(), e);
        }
    }

    /** The configured database's history, or null when it has none (or, embedded, does not exist yet). */
    private List<AppliedRevision> historyRows() {
        if (target.createsOnConnect()) {
            return null; // the embedded database was never created: nothing to compare
        }
        try (Database database = target.connect()) {
            return readRows(database);
        }
    }

    private List<AppliedRevision> readRows(Database database) {
        try {
            if (schema != null) {
                database.useSchema(schema, false);
            }
            return UncheckedRun.readHistoryIfExists(database, schema, table).orElse(null);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("check cannot read the history table " + table
                    + ": " + e.getMessage(), e);
        }
    }

    private List<CheckResult.Finding> againstLive(RevisionGraph graph, List<AppliedRevision> rows, SnapshotFilter filter) {
        HistoryCheck history = HistoryCheck.of(graph, rows);
        history.requireConsistent();
        history.requireNoFailures(false);
        Set<String> applied = new Status(graph, rows).appliedIds();
        List<Revision> revisions = graph.ordered().stream().filter(r -> applied.contains(r.id())).toList();
        SchemaSnapshot live;
        String scope = null; // with migrate.schema, only that schema is the revisions' business
        try (Database database = target.connect()) {
            if (schema != null) {
                database.useSchema(schema, false);
            }
            live = filter.apply(Workbench.readSnapshot(database.connection(), database.dialect(), table));
            if (schema != null) {
                scope = database.dialect().fold(schema);
                live = SchemaScope.only(live, scope);
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("check cannot read the schema of the database: " + e.getMessage(), e);
        }
        try (Workbench expected = new Workbench(ScratchDatabase.open(target, null), target.history())
                .leaving(filter::apply)) {
            listener.info("Comparing the database" + (scope == null ? "" : "'s schema " + scope) + " with its "
                    + revisions.size() + " applied revision(s), rebuilt in " + expected.description());
            expected.upgrade(revisions);
            List<CheckResult.Finding> findings = new ArrayList<>();
            SchemaSnapshot rebuilt = scope == null ? expected.snapshot() : SchemaScope.only(expected.snapshot(), scope);
            rebuilt = ConstraintNames.matched(live, rebuilt, expected.dialect().snapshotReader()::namedByDatabase);
            for (Difference difference : SnapshotDiff.between(rebuilt, live)) {
                String what = difference.object().display();
                String message = difference.positionOnly() ? "the columns of " + what + " are in another order in the"
                        + " database (" + difference.actual() + ") than the revisions make them (" + difference
                        .expected() + ")"
                        : difference.isExtra() ? what + " was added outside the revisions"
                        : difference.isMissing() ? what + " was removed outside the revisions"
                        : what + " was changed outside the revisions: the revisions make "
                                + SnapshotDiffText.shorten(difference.expected()) + ", the database has "
                                + SnapshotDiffText.shorten(difference.actual());
                findings.add(new CheckResult.Finding(CheckResult.Comparison.LIVE, !difference.positionOnly(), message));
            }
            return findings;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("check cannot read a schema: " + e.getMessage(), e);
        }
    }
}
