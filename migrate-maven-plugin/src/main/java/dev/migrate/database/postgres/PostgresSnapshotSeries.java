package dev.migrate.database.postgres;

import dev.migrate.database.HistoryIds;
import dev.migrate.database.SnapshotSeries;
import dev.migrate.database.SnapshotUnits;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PostgreSQL snapshots that cost what changed: after a full read, each snapshot asks the
 * {@link PostgresChangeLog} which objects DDL touched (and what depends on them), reads only the
 * relations, types and routines they belong to, and patches the previous snapshot with them. A
 * unit that is gone reads as empty, so its entries leave the snapshot. Without the log (no
 * superuser, a database verify did not make), a {@link PostgresCatalogListing} names what changed
 * instead. When neither can name it (a schema or an extension changed), the whole catalog is read.
 */
final class PostgresSnapshotSeries implements SnapshotSeries {

    private final PostgresSnapshotReader reader;
    private final String historySchema;
    private final String historyTable;
    private final boolean track;
    /** The history table as SQL names it. */
    private final String historyName;
    /** The change log's query for that history table (built once: the driver keeps it prepared). */
    private final String sinceSql;
    /** The same for the catalog listing's look at what the objects named reach (see {@link PostgresChangeLog#resolveWithHistory}). */
    private final String resolveSql;
    /** The history log's rows that the last {@link #next} read along, and whether it did. */
    private List<String[]> historyRows;
    private boolean historyRead;
    /** Where the log cannot be installed: the catalog's rows as of the last snapshot. */
    private PostgresCatalogListing listing;
    /** What the statements told through {@link #ran} since the last snapshot name, for the listing. */
    private final PostgresNamedScope scope = new PostgresNamedScope();
    private static final int VACUUM_EVERY = 1500;
    private int sinceVacuum;
    private boolean logged;
    /** Whether the history log is in place: with the whole log, or alone where that cannot be. */
    private boolean historyLogged;
    private int fullReads;
    private long position;
    private long historyPosition;
    private long historyOid;
    /** The history table's revision ids as of the last snapshot; null when it is to be read in full. */
    private HistoryIds history;
    private SchemaSnapshot current;
    /** Unit -> the objects and the column orders it contributed to {@link #current}. */
    private final Map<Long, Set<DbObject>> objectsOf = new HashMap<>();
    private final Map<Long, Set<DbObject>> ordersOf = new HashMap<>();
    /** Catalog object -> its unit, also for objects dropped since (the log names them, the catalog no longer). */
    private final Map<Long, Long> owners = new HashMap<>();

    PostgresSnapshotSeries(PostgresSnapshotReader reader, String historySchema, String historyTable, boolean track) {
        this.reader = reader;
        this.historySchema = historySchema;
        this.historyTable = historyTable;
        this.track = track;
        this.historyName = quote(historySchema) + "." + quote(historyTable);
        this.sinceSql = PostgresChangeLog.sinceSql(historyName);
        this.resolveSql = PostgresChangeLog.resolveWithHistorySql(historyName);
    }

    @Override
    public void ran(String sql) {
        if (listing != null) {
            scope.ran(sql);
        }
    }

    @Override
    public void unknownChanges() {
        scope.unknown();
    }

    @Override
    public SchemaSnapshot next(Connection connection, boolean full) throws SQLException {
        try {
            return read(connection, full);
        } finally {
            scope.clear();
        }
    }

    private SchemaSnapshot read(Connection connection, boolean full) throws SQLException {
        if (full || current == null || (!logged && listing == null)) {
            return readAll(connection);
        }
        // VACUUM cannot run in the transaction a held downgrade runs in: the next snapshot outside one does it
        if (++sinceVacuum >= VACUUM_EVERY && connection.getAutoCommit()) {
            sinceVacuum = 0;
            // every phase creates and drops catalog rows: clear the dead ones, or reading costs what ran so far
            // (5,000 revisions: 314 s without, 158 s with, every 500 revisions or so)
            // (the database's owner may vacuum its catalogs: a user that is no superuser owns the scratch database)
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("VACUUM (ANALYZE) pg_catalog.pg_class, pg_catalog.pg_attribute, pg_catalog.pg_depend,"
                        + " pg_catalog.pg_type, pg_catalog.pg_constraint, pg_catalog.pg_index, pg_catalog.pg_attrdef,"
                        + " pg_catalog.pg_trigger, pg_catalog.pg_rewrite, pg_catalog.pg_proc"
                        + (logged ? ", " + PostgresChangeLog.SCHEMA + ".touched" : "")
                        + (historyLogged ? ", " + PostgresChangeLog.SCHEMA + ".history" : ""));
            } catch (SQLException e) {
                // only slower without it
            }
        }
        List<long[]> rows;
        if (logged) {
            PostgresChangeLog.Changes changes = PostgresChangeLog.since(connection, sinceSql, position, historyPosition);
            if (changes.full()) {
                return readAll(connection);
            }
            position = changes.position();
            historyRows = changes.history();
            historyRead = true;
            rows = changes.rows();
        } else {
            // no log (not a superuser): what changed is what the catalog's rows say was written since, among
            // the rows of what the phase's statements name where they can tell, else among them all
            Set<String> names = scope.names();
            List<long[]> named = null;
            if (names != null) {
                // not the history table unless a statement names it: verify's writes there change no catalog
                // row, and the table with its triggers would double the rows each look reads
                named = listing.updateNamed(connection, names);
            }
            if (named == null) {
                named = listing.update(connection);
            }
            PostgresChangeLog.Resolved resolved = named.isEmpty() || !historyLogged || history == null ? null
                    : PostgresChangeLog.resolveWithHistory(connection, named, resolveSql, historyPosition);
            if (resolved != null) {
                // the history log's new rows came along: history() needs no round trip of its own
                historyRows = resolved.history();
                historyRead = true;
                rows = resolved.rows();
            } else {
                rows = named.isEmpty() ? List.of() : PostgresChangeLog.resolve(connection, named);
            }
            if (rows == null) {
                return readAll(connection);
            }
        }
        // per unit the log names: whether it still exists (a unit gone since reads as empty, and its
        // entries leave the snapshot); and the units objects the log names belonged to at the last read
        Map<Long, Boolean> exists = new HashMap<>();
        Set<Long> owning = new HashSet<>();
        for (long[] row : rows) {
            if (historyOid != 0 && (row[0] == PostgresCatalogQueries.PG_CLASS && row[1] == historyOid
                    || row[2] == historyOid)) {
                // DDL on the history table or what belongs to it (its triggers disabled, say): its log is no
                // longer to be trusted
                history = null;
            }
            addUnit(exists, SnapshotUnits.RELATION, row[2], (row[5] & 1) != 0);
            addUnit(exists, SnapshotUnits.TYPE, row[3], (row[5] & 2) != 0);
            addUnit(exists, SnapshotUnits.ROUTINE, row[4], (row[5] & 4) != 0);
            Long known = owners.get(SnapshotUnits.object(row[0], row[1]));
            if (known != null) {
                owning.add(known);
            }
        }
        Set<Long> units = new HashSet<>(exists.keySet());
        units.addAll(owning);
        // read again: every unit but those the log says are gone
        Set<Long> present = new HashSet<>();
        for (Long unit : units) {
            if (exists.getOrDefault(unit, true)) {
                present.add(unit);
            }
        }
        if (units.isEmpty()) {
            return current;
        }
        SnapshotUnits fresh = new SnapshotUnits();
        reader.read(connection, historySchema, historyTable, new PostgresSnapshotReader.Selection(
                oids(present, SnapshotUnits.RELATION), oids(present, SnapshotUnits.TYPE), oids(present, SnapshotUnits.ROUTINE)),
                fresh);
        Map<DbObject, String> objectChanges = new HashMap<>();
        Map<DbObject, List<String>> orderChanges = new HashMap<>();
        // what the units held goes first, then what they hold now, so an object that moved stays
        for (Long unit : units) {
            objectsOf.getOrDefault(unit, Set.of()).forEach(object -> objectChanges.put(object, null));
            ordersOf.getOrDefault(unit, Set.of()).forEach(table -> orderChanges.put(table, null));
        }
        for (Long unit : units) {
            SchemaSnapshot.Builder now = fresh.units.get(unit);
            remember(unit, now);
            if (now != null) {
                objectChanges.putAll(now.collectedObjects());
                orderChanges.putAll(now.collectedOrder());
            }
        }
        owners.putAll(fresh.owners);
        current = current.patched(objectChanges, orderChanges);
        return current;
    }

    /** How many catalog rows the last snapshot's listing fetched; -1 without a listing (for tests). */
    int listed() {
        return listing == null ? -1 : listing.fetched();
    }

    /** The catalog listing, where there is one (for tests). */
    PostgresCatalogListing listing() {
        return listing;
    }

    /** How many snapshots read the whole catalog (for tests). */
    int fullReads() {
        return fullReads;
    }

    private SchemaSnapshot readAll(Connection connection) throws SQLException {
        fullReads++;
        // the catalog queries are small lookups that the planner may cost above jit_above_cost (the change
        // log's recursive walk does): compiling them took 15 ms a call, far more than running them
        // (inside a held transaction holding() set both for it, and a failed SET would abort it)
        boolean held = !connection.getAutoCommit();
        if (!held) {
            setting(connection, "jit = off");
        }
        logged = track && PostgresChangeLog.install(connection, historyName);
        // no superuser: the history log alone, a trigger on the history table its owner may create
        // (before the listing below, which then lists it as it is)
        historyLogged = logged || track && PostgresChangeLog.installHistory(connection, historyName);
        history = null;
        historyRead = false;
        // without the log, a listing of the catalog's rows tells the next snapshot what changed (it only
        // reads, so it also serves a database verify did not make)
        listing = logged ? null : PostgresCatalogListing.read(connection);
        // the observer sends the same few queries thousands of times: plan each once (the plans were
        // checked to look rows up by key, the listing's too), not at every call, which cost as much as running them
        if (!held) {
            setting(connection, "plan_cache_mode = force_generic_plan");
        }
        if (logged) {
            position = PostgresChangeLog.position(connection)[0];
        }
        if (historyLogged) {
            try (java.sql.Statement statement = connection.createStatement();
                    java.sql.ResultSet rs = statement.executeQuery("SELECT pg_catalog.to_regclass('"
                            + historyName.replace("'", "''") + "')::oid")) {
                rs.next();
                historyOid = rs.getLong(1);
            }
        }
        SnapshotUnits all = new SnapshotUnits();
        reader.read(connection, historySchema, historyTable, null, all);
        objectsOf.clear();
        ordersOf.clear();
        owners.clear();
        all.units.forEach(this::remember);
        owners.putAll(all.owners);
        current = all.snapshot();
        return current;
    }

    /**
     * Follows the history table through its log (a row trigger the change log installed): the
     * rows gained and lost since the last call patch the ids held, so a phase costs what it wrote.
     */
    @Override
    public List<String> history(Connection connection) throws SQLException {
        if (!historyLogged) {
            return null;
        }
        // next() read the history log's new rows in its own round trip, unless it read everything
        List<String[]> rows = history == null ? null
                : historyRead ? historyRows
                : logged ? PostgresChangeLog.historySince(connection, historyName, historyPosition)
                : PostgresChangeLog.historyOnlySince(connection, historyName, historyPosition);
        historyRead = false;
        historyRows = null;
        if (rows == null) {
            historyPosition = PostgresChangeLog.historyEnd(connection);
            if (historyPosition < 0) {
                // the history log is gone (a revision dropped it): the table is read whole until the next full read
                historyLogged = false;
                history = null;
                return null;
            }
            Set<String> ids = new HashSet<>();
            try (java.sql.Statement statement = connection.createStatement();
                    java.sql.ResultSet rs = statement.executeQuery("SELECT revision FROM " + historyName)) {
                while (rs.next()) {
                    ids.add(rs.getString(1).trim());
                }
            }
            history = HistoryIds.of(ids);
        } else {
            for (String[] row : rows) {
                historyPosition = Long.parseLong(row[0]);
                history = Boolean.parseBoolean(row[2]) ? history.with(row[1]) : history.without(row[1]);
            }
        }
        // the same ids as the look before, but for the rows written since: compared to it at that cost
        return history;
    }

    /** The observer's settings, for this transaction only (a rolled back or committed one drops them). */
    @Override
    public void holding(Connection connection) throws SQLException {
        // a failed SET would abort the transaction: only what this server knows (jit since 11, plan_cache_mode 12)
        int major = connection.getMetaData().getDatabaseMajorVersion();
        if (major >= 11) {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL jit = off" + (major >= 12
                        ? "; SET LOCAL plan_cache_mode = force_generic_plan" : ""));
            }
        }
    }

    /** Sets a session setting of the observer; a server that does not know it (an older one) goes on without. */
    private static void setting(Connection connection, String assignment) {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SET " + assignment);
        } catch (SQLException e) {
            // only slower without it
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private void remember(Long unit, SchemaSnapshot.Builder entries) {
        if (entries == null) {
            objectsOf.remove(unit);
            ordersOf.remove(unit);
        } else {
            objectsOf.put(unit, new HashSet<>(entries.collectedObjects().keySet()));
            ordersOf.put(unit, new HashSet<>(entries.collectedOrder().keySet()));
        }
    }

    private static void addUnit(Map<Long, Boolean> exists, int kind, long oid, boolean now) {
        if (oid != 0) {
            exists.merge(SnapshotUnits.unit(kind, oid), now, Boolean::logicalOr);
        }
    }

    /** The object ids of the units of {@code kind}, as a PostgreSQL array literal. */
    private static String oids(Set<Long> units, int kind) {
        return units.stream().filter(unit -> (unit >>> 32) == kind).map(unit -> String.valueOf(unit & 0xFFFFFFFFL))
                .collect(Collectors.joining(",", "{", "}"));
    }
}
