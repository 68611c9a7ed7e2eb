package dev.migrate.verify;

import dev.migrate.common.Finding;
import dev.migrate.common.Severity;
import dev.migrate.database.LockMode;
import dev.migrate.database.LockSampler;
import dev.migrate.database.LockSampler.TableState;
import dev.migrate.graph.Direction;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.lint.LintConfig;
import dev.migrate.lint.Rule;
import dev.migrate.revision.Revision;
import dev.migrate.run.StatementObserver;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.SnapshotDiff;
import dev.migrate.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures, after each statement of an upgrade and before its revision commits, which locks the
 * work session holds on tables that existed before the revision and whether it rewrote them, and
 * reports the statements that block writes; where lint's static guess says otherwise, it says so.
 */
final class LockReport implements StatementObserver {

    /** Lint rules that predict a blocking lock or a rewrite. */
    private static final Set<String> LOCK_RULES = Set.of(Rule.COLUMN_TYPE_CHANGE.id(),
            Rule.NOT_NULL_WITHOUT_DEFAULT.id(), Rule.INDEX_WITHOUT_CONCURRENTLY.id(),
            Rule.CONSTRAINT_WITHOUT_NOT_VALID.id());

    /** One statement that blocks writes on an existing table. */
    private record Measured(Revision revision, int line, long id, String table, LockMode lock, boolean rewrote) {
    }

    private final LockSampler sampler;
    private final LockMode failOn;
    private final FindingSink sink;
    private final String historySchema;
    private final String historyTable;
    /** Lint with every rule on, revision by revision (null when nothing is sampled). */
    private final SharedLint lint;
    private final List<Measured> pending = new ArrayList<>();
    /** The upgrade's statements that ran on a table that existed before it, and were sampled (file:line). */
    private final Set<String> sampledLines = new HashSet<>();
    /**
     * Of those, the ones that found a lock blocking writes already held on a table they name (an earlier
     * statement of the revision took it): whatever they take themselves cannot be told apart (file:line).
     */
    private final Set<String> heldLines = new HashSet<>();
    private Map<Long, TableState> last = Map.of();
    /** Whether {@link #relations} describes the schema before the upgrade now starting ({@link #before}). */
    private boolean existing;
    /** The snapshot {@link #relations} describes, or null before the first. */
    private SchemaSnapshot known;
    /** Lower-case names of the tables and materialized views {@link #known} holds, with how many bear each. */
    private final Map<String, Integer> relations = new HashMap<>();
    /** How many extensions {@link #known} holds that may have tables of their own (not in snapshots). */
    private int tableExtensions;
    private boolean transactional;
    /**
     * Whether {@link #ran} may sample the upgrade now starting: it names a table that existed before
     * it, or may reach tables it does not name. When not, nothing is looked at between statements.
     */
    private boolean mayLook = true;
    private long nanos;
    /** Where the upgrade's words are scanned once for this report and the rows check after it. */
    private final Reach.Scans scans;

    /**
     * {@code product}: the names of the product the revisions run on, whose lint rules are the static guess;
     * {@code shared}: the run's own lint, taken when its settings are the ones this report needs (else null).
     */
    LockReport(LockSampler sampler, LockMode failOn, FindingSink sink, RevisionGraph graph, List<String> product,
            String historySchema, String historyTable, Reach.Scans scans, SharedLint shared) {
        this.sampler = sampler;
        this.failOn = failOn;
        this.sink = sink;
        this.historySchema = historySchema;
        this.historyTable = historyTable;
        this.scans = scans;
        // the run's lint when it lints with these settings (every rule on): the history is linted once; else
        // one of its own, on a thread too. Either is asked for a revision's findings only when its upgrade is
        // reported, and waited for only that far
        LintConfig config = LintConfig.defaults().forProduct(product);
        this.lint = !sampler.supported() ? null : shared != null && shared.config().equals(config) ? shared
                : SharedLint.start(graph, config, "migrate-verify-lock-lint");
    }

    boolean enabled() {
        return sampler.supported();
    }

    @Override
    public void starting(Revision revision, Direction direction, Connection connection) throws SQLException {
        long started = System.nanoTime();
        pending.clear();
        transactional = revision.transactional();
        sampledLines.clear();
        heldLines.clear();
        Reach named = scans.named(revision.upgrade().statements());
        last = named.all() ? sampler.tables(connection, historySchema, historyTable)
                : !mayExist(named.names()) ? Map.of()
                : sampler.tables(connection, historySchema, historyTable, named.names());
        // what ran() asks of each statement, asked of them all: none can reach a table to sample
        mayLook = named.all() || named.names().contains("cascade") || !last.isEmpty();
        existing = false;
        nanos += System.nanoTime() - started;
    }

    /** Whether {@link #ran} may sample locks between the statements of the upgrade {@link #starting} announced. */
    @Override
    public boolean betweenStatements() {
        return mayLook;
    }

    /**
     * The schema before the next upgrade, as verify last observed it: the tables it shows are those
     * the upgrade may lock, so an upgrade that names none of them needs no look-up of its own. What
     * it holds is followed from one snapshot to the next by their differences (the cost of what
     * changed), read whole only the first time.
     */
    void before(SchemaSnapshot snapshot) {
        long started = System.nanoTime();
        if (known == null) {
            snapshot.forEachObject((object, definition) -> count(object, 1));
        } else if (snapshot != known) {
            for (SnapshotDiff.Difference difference : SnapshotDiff.between(known, snapshot)) {
                if (difference.isExtra() || difference.isMissing()) {
                    count(difference.object(), difference.isExtra() ? 1 : -1);
                }
            }
        }
        known = snapshot;
        existing = true;
        nanos += System.nanoTime() - started;
    }

    /** Counts a table, materialized view or extension that appeared ({@code by} 1) or went (-1). */
    private void count(DbObject object, int by) {
        switch (object.kind()) {
            case TABLE, MATERIALIZED_VIEW -> relations.merge(object.name().toLowerCase(java.util.Locale.ROOT), by,
                    (a, b) -> a + b == 0 ? null : a + b);
            case EXTENSION -> tableExtensions += sampler.extensionsWithoutTables().contains(object.name()) ? 0 : by;
            default -> {
            }
        }
    }

    /**
     * Whether one of {@code names} may be a table or materialized view that exists now: always,
     * unless the schema observed before the upgrade holds none of that name (an extension's tables
     * are not in it: with an extension that may have tables installed, always).
     */
    private boolean mayExist(Set<String> names) {
        if (!existing || tableExtensions > 0) {
            return true;
        }
        return names.stream().anyMatch(relations::containsKey);
    }

    @Override
    public void ran(Revision revision, Direction direction, Statement statement, Connection connection)
            throws SQLException {
        long started = System.nanoTime();
        // only a statement that names a table that existed before the revision can lock one (a CASCADE or a
        // DO block reaches tables it does not name: those are sampled whole)
        Reach named = Reach.named(List.of(statement));
        boolean reaches = named.all() || named.names().contains("cascade")
                || last.values().stream().anyMatch(state -> named.contains(
                        state.table().substring(state.table().indexOf('.') + 1)));
        if (!reaches) {
            nanos += System.nanoTime() - started;
            return;
        }
        sampledLines.add(revision.file() + ":" + statement.line());
        Map<Long, TableState> now = sampler.sample(connection, last);
        // by the table's name: the catalog ids a sample is keyed by differ from one scratch database to the next,
        // and the findings of one statement on several tables must come in the same order in every run
        List<Map.Entry<Long, TableState>> byName = now.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.comparing(TableState::table))).toList();
        for (Map.Entry<Long, TableState> entry : byName) {
            TableState before = last.get(entry.getKey());
            TableState after = entry.getValue();
            boolean rewrote = before.storage() != after.storage();
            LockMode strongest = after.locks().stream().filter(mode -> !before.locks().contains(mode))
                    .filter(LockMode::blocksWrites).max(Enum::compareTo).orElse(null);
            if (strongest == null && rewrote) {
                strongest = after.locks().stream().max(Enum::compareTo).orElse(LockMode.ACCESS_EXCLUSIVE);
            }
            if (strongest != null) {
                pending.add(new Measured(revision, statement.line(), entry.getKey(), after.table(), strongest, rewrote));
            } else if (before.locks().stream().anyMatch(LockMode::blocksWrites) && (named.all()
                    || named.contains(after.table().substring(after.table().indexOf('.') + 1)))) {
                heldLines.add(revision.file() + ":" + statement.line());
            }
        }
        // a dropped table is gone from the sample; keep the others' latest state
        Map<Long, TableState> next = new HashMap<>(last);
        next.putAll(now);
        next.keySet().retainAll(now.keySet());
        last = next;
        nanos += System.nanoTime() - started;
    }

    /**
     * The upgrade committed: reports what it measured, with the rows each table held before it, by
     * the table's catalog id (which a rename keeps) or else by its name.
     */
    void upgraded(Revision revision, Map<String, Long> counts, Map<Long, Long> countsById) {
        Map<String, List<String>> flagged = lockRules(revision);
        String name = Messages.name(revision);
        Set<String> measuredLines = new HashSet<>();
        for (Measured m : pending) {
            String where = revision.file() + ":" + m.line();
            measuredLines.add(where);
            boolean error = failOn != null && m.lock().compareTo(failOn) >= 0;
            List<String> rules = flagged.getOrDefault(where, List.of());
            String lintSays = rules.isEmpty() ? "; lint did not flag this statement"
                    : !m.rewrote() && rules.contains(Rule.COLUMN_TYPE_CHANGE.id())
                            ? "; lint's column-type-change warning expects a rewrite, but the table kept its storage"
                            : "";
            // a rebuild that lets reads and writes go on (MySQL's in-place ALTER) is told, not warned about
            Severity severity = error ? Severity.ERROR : m.lock().blocksWrites() ? Severity.WARNING : Severity.INFO;
            sink.add(severity, Phase.UPGRADE, revision.id(), "upgrade of " + name
                    + " at " + where + " takes " + m.lock().display() + " on table " + m.table() + " ("
                    + countsById.getOrDefault(m.id(), counts.getOrDefault(m.table(), 0L)) + " rows)" + (m.rewrote() ? " and rewrites it" : "") + ": "
                    + (!m.lock().blocksWrites() ? "other sessions' reads and writes go on meanwhile"
                            : (m.lock() == LockMode.ACCESS_EXCLUSIVE ? "reads and writes" : "writes")
                                    + " of the table wait " + sampler.heldUntil()) + lintSays
                    + (error ? " (migrate.verify.failOnLock is " + failOn.name() + ")" : ""));
        }
        if (!transactional) {
            sink.add(Severity.INFO, Phase.UPGRADE, revision.id(), "locks of " + name + " not measured: it runs outside"
                    + " a transaction, so each statement's locks end with it" + (pending.isEmpty() ? ""
                    : " (table rewrites are reported)"));
        }
        flagged.forEach((where, rules) -> {
            // said only of statements that were measured: one on a table the revision made itself never was
            if (transactional && sampledLines.contains(where) && !measuredLines.contains(where)
                    && !heldLines.contains(where)) {
                sink.add(Severity.INFO, Phase.UPGRADE, revision.id(), "lint warns about " + String.join(", ", rules)
                        + " at " + where + ", but verify measured no lock there that blocks writes on an existing table");
            }
        });
        pending.clear();
    }

    /**
     * file:line -> the lock-related lint rules that fire there, of {@code revision} alone (the lines it
     * sampled are its own), in line order; waits until lint has passed it.
     */
    private Map<String, List<String>> lockRules(Revision revision) {
        long started = System.nanoTime();
        Map<String, List<String>> rules = new LinkedHashMap<>();
        for (Finding finding : lint.findings(revision)) {
            if (LOCK_RULES.contains(finding.source()) && finding.file() != null) {
                rules.computeIfAbsent(finding.file() + ":" + finding.line(), k -> new ArrayList<>())
                        .add(finding.source());
            }
        }
        nanos += System.nanoTime() - started;
        return rules;
    }

    /** The upgrade failed: what it measured never reached a database. */
    void discard() {
        pending.clear();
        // a second try on empty tables runs unobserved: nothing of it was measured
        sampledLines.clear();
        heldLines.clear();
    }

    long millis() {
        return nanos / 1_000_000;
    }
}
