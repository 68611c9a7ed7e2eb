package dev.migrate.autogenerate;

import dev.migrate.common.Log;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.DatabaseTarget;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.history.Status;
import dev.migrate.lint.NoTransactionStatements;
import dev.migrate.revision.NewRevision;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionWriter;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.SnapshotDiff;
import dev.migrate.scratch.ScratchDatabase;
import dev.migrate.scratch.Workbench;
import dev.migrate.sql.LeadingKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Writes a squash ({@code migrate:squash}): one revision that replaces a range, its upgrade the
 * DDL writer's shortest way from the schema at the range's start to the schema at its end followed
 * by the range's data statements (without those that change nothing on a database at the start,
 * such as an UPDATE on a table the range creates before anything writes to it: see
 * {@link EmptyTableWrites}), its downgrade the way back. Before the file is written it is proven in
 * scratch databases: the squash and the chain give the same schema and the same rows of every table
 * the chain wrote data to (of a column whose values differ between two runs of the chain itself,
 * only whether each row holds one), and the downgrade gives the schema at the start again.
 */
public final class Squasher {

    /**
     * What the squash goal asks for.
     *
     * @param from the revision the range follows (null or blank: base)
     * @param to the range's last revision: an id, prefix, tag or head
     * @param message the squash's message
     * @param force write the file even with TODOs (what could not be proven or expressed)
     */
    public record Options(String from, String to, String message, boolean force) {
    }

    /**
     * What was written.
     *
     * @param file the new revision file
     * @param replaced the ids it replaces, in run order
     * @param warnings what could not be proven or expressed, each a TODO in the file
     */
    public record Result(Path file, List<String> replaced, List<String> warnings) {
        public Result {
            replaced = List.copyOf(replaced);
            warnings = List.copyOf(warnings);
        }
    }

    private final DatabaseTarget target;
    private final Path revisions;
    private final Log listener;

    /** Squashes for the project whose database is {@code target} and whose revisions are in {@code revisions}. */
    public Squasher(DatabaseTarget target, Path revisions, Log listener) {
        this.target = target;
        this.revisions = revisions;
        this.listener = listener;
    }

    /** The range the options name, checked, without building anything (for refusals before any work). */
    public static List<String> range(RevisionGraph graph, Options options) {
        return SquashRange.of(graph, options.from(), options.to()).replacedIds();
    }

    /**
     * Writes the squash, then with {@code prune} deletes the replaced files; the prune is refused
     * before anything is written unless every database {@code statuses} reads (by name) has passed
     * the range. When a squash of that range exists already, {@code prune} only deletes its
     * replaced files.
     */
    public Result squash(RevisionGraph graph, Options options, boolean prune, Supplier<Map<String, Status>> statuses) {
        Revision existing = prune ? Pruning.existingSquash(graph, options.to()) : null;
        List<String> replaced = existing != null ? existing.replaces() : range(graph, options);
        if (prune) {
            Pruning.requirePassed(graph, replaced, statuses.get());
        }
        Result result = existing != null ? new Result(existing.file(), replaced, List.of()) : squash(graph, options);
        if (prune) {
            Pruning.delete(graph, replaced, listener);
        }
        return result;
    }

    public Result squash(RevisionGraph graph, Options options) {
        SquashRange range = SquashRange.of(graph, options.from(), options.to());
        listener.info("Squashing " + range.replaced().size() + " revision(s) from " + (range.from() == null ? "base"
                : range.from().id()) + " to " + range.to().describe());
        DataStatements written = DataStatements.of(range.replaced(), target.product().syntax());
        try (Workbench start = bench(); Workbench end = bench()) {
            start.upgrade(range.before());
            List<Revision> chain = new ArrayList<>(range.before());
            chain.addAll(range.replaced());
            end.upgrade(chain);
            DataStatements all;
            try (java.sql.Connection connection = end.connection()) {
                all = written.withoutCatalogWrites(connection);
            }
            if (all.statements().size() < written.statements().size()) {
                listener.info("left out of the squash: " + (written.statements().size() - all.statements().size())
                        + " statement(s) that write the database's own catalog, such as " + SnapshotDiff.collapse(
                                written.without(positionsOf(written, all)).statements().get(0))
                        + " (no data of the project; the schema they leave is proven with the rest)");
            }
            SchemaSnapshot fromSnapshot = start.snapshot();
            SchemaSnapshot toSnapshot = end.snapshot();
            Set<Integer> onEmptyTables = EmptyTableWrites.of(range.replaced(), fromSnapshot,
                    target.product().syntax());
            DataStatements data = written.without(onEmptyTables).writing(all.tables());
            SchemaChanges planned = ChangePlanner.plan(fromSnapshot, toSnapshot, SequenceOwners.read(start),
                    SequenceOwners.read(end), Autogenerator.writer(start.dialect()));
            Proof.Outcome proven = Proof.prove(planned, fromSnapshot, toSnapshot, Proof.on(start));
            SchemaChanges changes = proven.changes();
            List<String> warnings = new ArrayList<>();
            for (Change change : changes.changes()) {
                if (change.isTodo()) {
                    warnings.add("TODO in the squash: " + change.summary() + ": " + change.todo());
                }
            }
            Map<String, Set<String>> computed = new TreeMap<>();
            for (String table : all.tables()) {
                Set<String> columns = Rows.computedDefaults(toSnapshot, table);
                if (!columns.isEmpty()) {
                    computed.put(table, columns);
                    listener.info("the rows of " + table + " are compared with only whether " + String.join(", ",
                            columns) + " hold a value: their defaults are computed when a row is written, so they"
                            + " differ between any two runs");
                }
            }
            Map<String, List<String>> chainRows = Rows.readAll(end, all.tables(), computed);
            data = data.writing(chainRows.keySet());
            DataStatements onEmpty = written.at(onEmptyTables).writing(chainRows.keySet());
            if (!onEmpty.statements().isEmpty()) {
                listener.info("left out of the squash: " + onEmpty.statements().size() + " UPDATE or DELETE"
                        + " statement(s) on tables the range creates, run before anything wrote a row to them, such"
                        + " as " + SnapshotDiff.collapse(onEmpty.statements().get(0)) + " (they change nothing on any"
                        + " database at the range's start)");
            }
            Set<Integer> leftOut = new java.util.TreeSet<>();
            Set<Integer> moot = new java.util.TreeSet<>();
            List<SquashDifference> found = proveWhole(start, changes, data, chainRows, computed, fromSnapshot,
                    toSnapshot, range.from() == null ? leftOut : null, moot);
            if (found.stream().anyMatch(difference -> difference.kind() == SquashDifference.Kind.ROWS)) {
                // a value computed as the chain wrote it (a random UUID, the time) differs from run to run:
                // of such a column only whether it holds a value can be compared
                Map<String, Set<String>> varying = varyingColumns(chain, chainRows.keySet(), end, computed);
                if (!varying.isEmpty()) {
                    varying.forEach((table, columns) -> {
                        computed.computeIfAbsent(table, t -> new java.util.TreeSet<>()).addAll(columns);
                        listener.info("the rows of " + table + " are compared with only whether " + String.join(", ",
                                columns) + " hold a value: two runs of the chain write different values there (a"
                                + " random or time-dependent value), so the squash cannot write the chain's");
                    });
                    chainRows = Rows.readAll(end, chainRows.keySet(), computed);
                    leftOut.clear();
                    moot.clear();
                    try (Workbench again = bench()) {
                        again.upgrade(range.before());
                        found = proveWhole(again, changes, data, chainRows, computed, fromSnapshot, toSnapshot,
                                range.from() == null ? leftOut : null, moot);
                    }
                }
            }
            List<String> unproven = found.stream().map(SquashDifference::message).toList();
            warnings.addAll(unproven);
            if (!leftOut.isEmpty()) {
                listener.info("left out of the squash, proven to change no row a new database has: " + leftOut.size()
                        + " data statement(s) that name what is gone at " + range.to().id() + ", such as "
                        + SnapshotDiff.collapse(data.statements().get(leftOut.iterator().next())));
            }
            if (warnings.isEmpty() && range.from() == null && !moot.isEmpty()) {
                // proven again without them (the downgrade took the scratch database back to base): a
                // trigger or a sequence could make a statement that changed no row count all the same
                Set<Integer> both = new java.util.TreeSet<>(leftOut);
                both.addAll(moot);
                if (proveWhole(start, changes, data.without(both), chainRows, computed, fromSnapshot, toSnapshot,
                        null, null).isEmpty()) {
                    listener.info("left out of the squash, proven to change no row a new database has: "
                            + moot.size() + " UPDATE or DELETE statement(s) on tables still empty where they run,"
                            + " such as " + SnapshotDiff.collapse(data.statements().get(moot.iterator().next())));
                    leftOut = both;
                }
            }
            data = data.without(leftOut);
            if (warnings.isEmpty()) {
                SchemaChanges inline = InlineForeignKeys.of(changes);
                if (inline != changes && proveWhole(start, inline, data, chainRows, computed, fromSnapshot,
                        toSnapshot, null, null).isEmpty()) {
                    changes = inline;
                }
            }
            String upgrade = changes.upgradeText() + data.text();
            String downgrade = changes.downgradeText();
            if (!warnings.isEmpty() && !options.force()) {
                throw new SquashException("the squash of " + range.replaced().size() + " revision(s) to "
                        + range.to().id() + " is not proven, so no file was written:\n  " + String.join("\n  ",
                                warnings) + "\nwrite the range by hand, or add -Dmigrate.squash.force=true to write"
                        + " the squash with these TODOs and finish it yourself");
            }
            String todo = unproven.stream().map(w -> "-- TODO " + w.replace('\n', ' ') + "\n").reduce("",
                    String::concat);
            Path file = RevisionWriter.write(revisions, new NewRevision(range.from() == null ? List.of()
                    : List.of(range.from().id()), message(options, range), List.of(), List.of()), Instant.now(),
                    todo + upgrade, downgrade);
            addHeaders(file, range, inTransaction(changes, data));
            warnings.forEach(listener::warn);
            return new Result(file, range.replacedIds(), warnings);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("squash cannot build its scratch databases: " + e.getMessage()
                    + " (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /** The columns whose values differ between the chain in {@code end} and a second run of it. */
    private Map<String, Set<String>> varyingColumns(List<Revision> chain, Set<String> tables, Workbench end,
            Map<String, Set<String>> computed) throws SQLException {
        try (Workbench again = bench(); Connection one = end.connection()) {
            again.upgrade(chain);
            try (Connection other = again.connection()) {
                return Rows.varying(one, other, tables, computed);
            }
        }
    }

    /** The positions in {@code all} of the statements {@code kept} holds, in order. */
    private static Set<Integer> positionsOf(DataStatements all, DataStatements kept) {
        Set<Integer> positions = new java.util.TreeSet<>();
        for (int i = 0, k = 0; i < all.statements().size(); i++) {
            if (k < kept.statements().size() && all.statements().get(i).equals(kept.statements().get(k))
                    && all.targets().get(i).equals(kept.targets().get(k))) {
                positions.add(i);
                k++;
            }
        }
        return positions;
    }

    private Workbench bench() {
        return new Workbench(ScratchDatabase.open(target, null), target.history());
    }

    private static String message(Options options, SquashRange range) {
        if (options.message() != null && !options.message().isBlank()) {
            return options.message().strip();
        }
        return "squash " + range.replaced().get(0).id() + ".." + range.to().id();
    }

    /**
     * The squash as written, run in the scratch database at the range's start: schema and data rows
     * against the chain's, then the downgrade's schema against the start's. Returns the differences.
     *
     * @param leftOut for a squash from base, where the squash's upgrade fills the positions of the
     *     data statements that fail on the schema at the range's end (one that names a column a later
     *     revision dropped): a new database has no rows but the ones the range writes, so such a
     *     statement may be left out when the rows still come out as the chain's; null: none may be
     * @param moot where the squash's upgrade fills the positions of the UPDATE and DELETE statements
     *     that changed no row (null: not asked)
     */
    private List<SquashDifference> proveWhole(Workbench start, SchemaChanges changes, DataStatements data,
            Map<String, List<String>> chainRows, Map<String, Set<String>> computed, SchemaSnapshot fromSnapshot,
            SchemaSnapshot toSnapshot, Set<Integer> leftOut, Set<Integer> moot) throws SQLException {
        List<SquashDifference> differences = new ArrayList<>();
        try (Connection connection = start.connection()) {
            List<String> upgrade = new ArrayList<>();
            changes.upgrade().forEach(placed -> upgrade.add(placed.sql()));
            String failed = run(connection, upgrade);
            List<SquashDifference> leftOutFailures = new ArrayList<>();
            for (int i = 0; failed == null && i < data.statements().size(); i++) {
                String sql = data.statements().get(i);
                try (Statement statement = connection.createStatement()) {
                    if (!statement.execute(sql) && statement.getUpdateCount() == 0 && moot != null
                            && Set.of("update", "delete").contains(LeadingKeyword.of(sql))) {
                        moot.add(i);
                    }
                } catch (SQLException e) {
                    failed = sql.strip() + ": " + e.getMessage();
                }
                if (failed != null && leftOut != null) {
                    leftOut.add(i);
                    leftOutFailures.add(SquashDifference.upgradeFails(failed));
                    failed = null;
                }
            }
            if (failed == null) {
                proveRest(connection, start, changes, chainRows, computed, fromSnapshot, toSnapshot, differences);
            }
            if (!differences.isEmpty() && leftOut != null && !leftOut.isEmpty()) {
                // not proven after all: the failures are the likeliest cause, and nothing is left out
                differences.addAll(0, leftOutFailures);
                leftOut.clear();
            }
            if (failed != null) {
                differences.add(SquashDifference.upgradeFails(failed));
            }
        }
        return differences;
    }

    /** After the squash's upgrade ran: its schema and rows against the chain's, then its downgrade. */
    private void proveRest(Connection connection, Workbench start, SchemaChanges changes,
            Map<String, List<String>> chainRows, Map<String, Set<String>> computed, SchemaSnapshot fromSnapshot,
            SchemaSnapshot toSnapshot, List<SquashDifference> differences) throws SQLException {
        for (SnapshotDiff.Difference difference : SnapshotDiff.between(toSnapshot, start.read(connection))) {
            differences.add(SquashDifference.schema(difference));
        }
        for (Map.Entry<String, List<String>> rows : chainRows.entrySet()) {
            List<String> squashRows = Rows.read(connection, rows.getKey(),
                    computed.getOrDefault(rows.getKey(), Set.of()));
            if (squashRows == null) {
                differences.add(SquashDifference.rowsUnreadable(rows.getKey()));
            } else if (!squashRows.equals(rows.getValue())) {
                differences.add(SquashDifference.rows(rows.getKey(), rows.getValue(), squashRows));
            }
        }
        List<String> downgrade = new ArrayList<>();
        changes.downgrade().forEach(placed -> downgrade.add(placed.sql()));
        String failed = run(connection, downgrade);
        if (failed != null) {
            differences.add(SquashDifference.downgradeFails(failed));
            return;
        }
        for (SnapshotDiff.Difference difference : SnapshotDiff.between(fromSnapshot, start.read(connection))) {
            differences.add(SquashDifference.downgradeLeaves(difference));
        }
    }

    private static String run(Connection connection, List<String> statements) {
        for (String sql : statements) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                return sql.strip() + ": " + e.getMessage();
            }
        }
        return null;
    }

    /**
     * Whether the squash's own statements can all run in one transaction. A replaced revision that
     * ran outside one (a CREATE INDEX CONCURRENTLY on a table in use, an enum value added before
     * rows used it) does not make the squash do so: it writes plain statements for what it builds,
     * and a squash run statement by statement pays a journal write and a commit for each.
     */
    private boolean inTransaction(SchemaChanges changes, DataStatements data) {
        List<String> statements = new ArrayList<>();
        changes.upgrade().forEach(placed -> statements.add(placed.sql()));
        statements.addAll(data.statements());
        changes.downgrade().forEach(placed -> statements.add(placed.sql()));
        return statements.stream().noneMatch(sql -> NoTransactionStatements.of(sql, target.product().syntax())
                .isPresent());
    }

    /** The {@code replaces:} line, and {@code transactional: false} when the squash's statements need it. */
    private static void addHeaders(Path file, SquashRange range, boolean transactional) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n') + 1;
            String headers = "-- replaces: " + String.join(", ", range.replacedIds()) + "\n"
                    + (transactional ? "" : "-- transactional: false\n");
            Files.writeString(file, text.substring(0, end) + headers + text.substring(end), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the squash's header into " + file, e);
        }
    }
}
