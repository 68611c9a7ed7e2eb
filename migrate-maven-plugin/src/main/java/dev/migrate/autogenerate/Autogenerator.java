package dev.migrate.autogenerate;

import dev.migrate.common.Log;
import dev.migrate.database.DdlWriter;
import dev.migrate.database.Database;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.Dialect;
import dev.migrate.database.DatabaseTarget;
import dev.migrate.database.Identifier;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.history.AppliedRevision;
import dev.migrate.history.Status;
import dev.migrate.graph.Target;
import dev.migrate.revision.NewRevision;
import dev.migrate.revision.Placeholders;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionWriter;
import dev.migrate.run.UncheckedRun;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.scratch.ScratchDatabase;
import dev.migrate.scratch.Workbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a revision from the difference between the revisions' head and a desired schema: builds
 * both in scratch databases (the desired one is only read when it is a URL), plans the changes,
 * proves them, and writes the file with TODOs for whatever did not pass.
 */
public final class Autogenerator {

    private final DatabaseTarget target;
    private final Path revisions;
    private final Placeholders placeholders;
    private final Identifier table;
    private final Log listener;

    /**
     * Autogenerate for the project whose database is {@code target} and whose revisions are in
     * {@code revisions}; {@code placeholders} are replaced in the desired schema's files as in revisions.
     */
    public Autogenerator(DatabaseTarget target, Path revisions, Placeholders placeholders, Log listener) {
        this.target = target;
        this.revisions = revisions;
        this.placeholders = placeholders == null ? Placeholders.NONE : placeholders;
        this.table = target.history().table();
        this.listener = listener;
    }

    /** Runs autogenerate against {@code graph}, the loaded revisions (empty when there are none). */
    public AutogenerateResult autogenerate(RevisionGraph graph, AutogenerateOptions options) {
        long started = System.nanoTime();
        Desired desired = desired(options.desired(), graph);
        try (Workbench head = new Workbench(ScratchDatabase.open(desired.server(), null), target.history())
                .leaving(options.filter()::apply)) {
            SchemaSnapshot desiredSnapshot = options.filter().apply(desired.snapshot());
            List<Revision> revisions = headRevisions(graph);
            listener.info("Building the head of " + revisions.size() + " revision(s) in " + head.description());
            head.upgrade(revisions);
            SchemaSnapshot headSnapshot = head.snapshot();
            refuseEmpty(desired, headSnapshot, options);
            desiredSnapshot = ConstraintNames.matched(headSnapshot, options.filter().inOrderOf(headSnapshot,
                    desiredSnapshot), head.dialect().snapshotReader()::namedByDatabase);
            SchemaChanges planned = ChangePlanner.plan(headSnapshot, desiredSnapshot, SequenceOwners.read(head),
                    desired.owners(),
                    writer(head.dialect()));
            if (planned.isEmpty()) {
                listener.info("The head of the revisions already matches the desired schema (" + desired.description()
                        + "): no revision written");
                return new AutogenerateResult(null, planned, List.of(), List.of(), elapsed(started));
            }
            if (!options.columnOrder() && planned.changes().stream().allMatch(ChangePlanner::isColumnOrder)) {
                // check calls this a warning, not a difference: a revision of TODOs alone would be written every time
                List<String> warnings = planned.changes().stream().map(change -> change.summary() + ": " + change
                        .todo() + "; no revision written (pass -Dmigrate.autogenerate.columnOrder=true for one with"
                        + " this TODO)").toList();
                return new AutogenerateResult(null, planned, warnings, List.of(), elapsed(started));
            }
            listener.info("Proving " + planned.changes().size() + " change(s) in " + head.description());
            Proof.Outcome proven = Proof.prove(planned, headSnapshot, desiredSnapshot, Proof.on(head));
            SchemaChanges changes = proven.changes();
            List<String> warnings = new ArrayList<>();
            for (Change change : changes.changes()) {
                if (change.isTodo()) {
                    warnings.add("TODO in the new revision: " + change.summary() + ": " + change.todo());
                }
                if (change.warning() != null) {
                    warnings.add(change.warning());
                }
            }
            List<String> parents = graph.heads().stream().map(Revision::id).toList();
            Path file = RevisionWriter.write(this.revisions, new NewRevision(parents, options.message(), List.of(),
                    List.of()), Instant.now(), desired.restorePlaceholders(changes.upgradeText()),
                    desired.restorePlaceholders(changes.downgradeText()));
            return new AutogenerateResult(file, changes, warnings, proven.notes(), elapsed(started));
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("autogenerate cannot read a schema: " + e.getMessage()
                    + " (SQL state " + e.getSQLState() + ")", e);
        } finally {
            desired.close();
        }
    }

    /** The revisions that make the head (every head, when there are several). */
    static List<Revision> headRevisions(RevisionGraph graph) {
        if (graph.ordered().isEmpty()) {
            return List.of();
        }
        return graph.upgradePlan(Target.parse("heads"), Set.of()).steps();
    }

    static DdlWriter writer(Dialect dialect) {
        return dialect.ddlWriter().orElseThrow(Autogenerator::unsupported);
    }

    /**
     * An empty folder of desired SQL would drop every table the revisions made: refused unless asked
     * for, since it is far more often a schema not written yet than a wish to drop everything.
     */
    private static void refuseEmpty(Desired desired, SchemaSnapshot head, AutogenerateOptions options) {
        if (options.allowEmpty() || desired.files() == null || !desired.files().statements().isEmpty()) {
            return;
        }
        long tables = head.objects().keySet().stream().filter(o -> o.kind() == DbObject.Kind.TABLE).count();
        if (tables > 0) {
            throw new DesiredSchemaException(desired.description() + " has no statements: that would drop " + tables
                    + " table(s); write the schema there first, or pass -Dmigrate.autogenerate.allowEmpty=true", null);
        }
    }

    /** The desired schema read into a snapshot, and the server the head is built on. */
    record Desired(SchemaSnapshot snapshot, SequenceOwners owners, DatabaseTarget server, String description,
            Workbench workbench, DesiredFiles files) implements AutoCloseable {

        /** Generated SQL with the desired files' placeholder values written back as placeholders. */
        String restorePlaceholders(String sql) {
            return files == null ? sql : files.restorePlaceholders(sql);
        }

        @Override
        public void close() {
            if (workbench != null) {
                workbench.close();
            }
        }
    }

    /**
     * The desired schema of {@code desired}, a JDBC URL or a folder of SQL files; a database that
     * keeps a history of {@code graph}'s revisions must be at their head (see {@link #requireAtHead}).
     */
    Desired desired(String desired, RevisionGraph graph) {
        if (desired.startsWith("jdbc:")) {
            DatabaseTarget server = target.at(desired);
            if (server.product().ddlWriter().isEmpty()) {
                throw unsupported();
            }
            try (Database database = server.connect()) {
                requireAtHead(database, desired.equals(target.url()), graph);
                Connection connection = database.connection();
                connection.setReadOnly(true);
                return new Desired(Workbench.readSnapshot(connection, database.dialect(), table),
                        SequenceOwners.read(connection, database.dialect()), server, database.redactedUrl(), null,
                        null);
            } catch (SQLException e) {
                throw new DatabaseUnavailableException("cannot read the desired schema at " + dev.migrate.common.Redaction
                        .redactUrl(desired) + ": " + e.getMessage(), e);
            }
        }
        Path source = Path.of(desired);
        if (!Files.exists(source)) {
            throw new DesiredSchemaException("there is no desired schema at " + source + ": put the schema as it should"
                    + " be into SQL files there, or point migrate.desired at them or at a database (a JDBC URL)", null);
        }
        // read (and every problem of the files found) before a scratch database is made
        Identifier schema = target.history().schema();
        DesiredFiles files = DesiredFiles.read(source, placeholders, schema == null ? null : schema.name(),
                target.user(), target.url(), target.product().syntax());
        // in the configured schema, as the head is built: both sides then name what they reference alike
        Workbench workbench = new Workbench(ScratchDatabase.open(target, null), target.history());
        try {
            listener.info("Building the desired schema from " + source + " in " + workbench.description());
            files.applyIn(workbench);
            return new Desired(workbench.snapshot(), SequenceOwners.read(workbench), target, source.toString(),
                    workbench, files);
        } catch (SQLException e) {
            workbench.close();
            throw new DatabaseUnavailableException("cannot read the desired schema: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            workbench.close();
            throw e;
        }
    }

    /**
     * Refuses a desired database that has revisions of {@code graph} still to apply, as Alembic
     * does ("Target database is not up to date"): its difference from the head would undo them. A
     * database with no history table is a plain reference schema, unless it is the project's own
     * database ({@code project}), which then has every revision still to apply.
     */
    private void requireAtHead(Database database, boolean project, RevisionGraph graph) throws SQLException {
        if (graph.ordered().isEmpty()) {
            return;
        }
        Optional<List<AppliedRevision>> rows = UncheckedRun.readHistoryIfExists(database,
                target.history().schema(), table);
        if (rows.isEmpty() && !project) {
            return;
        }
        List<Revision> pending = new Status(graph, rows.orElse(List.of())).pending();
        if (!pending.isEmpty()) {
            throw new DatabaseNotAtHeadException(database.redactedUrl(), pending);
        }
    }

    private static DesiredSchemaException unsupported() {
        return new DesiredSchemaException("autogenerate and check read PostgreSQL and H2 schemas only; point"
                + " migrate.url (or migrate.desired) at a jdbc:postgresql: or jdbc:h2: database", null);
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
