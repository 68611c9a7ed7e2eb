package dev.migrate.database.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every catalog row a snapshot is read from, for the objects made after initdb, known by its key
 * and its version (the transaction that wrote it, {@code xmin}, and the command in it,
 * {@code cmin}: a row written twice in one transaction, as by a downgrade and a re-upgrade held in
 * one, keeps its xmin), with the object it tells about. It tells which objects a phase created,
 * altered or dropped: those of the rows that are new, gone or written again (a schema, an
 * extension or a built-in object among them calls for a full read, as
 * {@link PostgresChangeLog#resolve} says). This is how a PostgreSQL snapshot costs what changed
 * where the change log cannot be installed (its event triggers need a superuser).
 *
 * <p>The first listing reads every row's key. After it, {@link #update} fetches only what changed:
 * the rows whose {@code xmin} the last listing's snapshot could not see (a transaction running
 * then, or one from the first that had not started on, compared with {@code age()} so that ids
 * wrapping around do not matter, and frozen rows are old; in a held transaction also its own rows,
 * which may be written again with the same {@code xmin}), and how many rows each catalog
 * holds per range of 1,024 object ids. A range that holds fewer rows than the rows known plus the
 * new ones lost some: its objects' rows are counted, and the keys of those whose count differs
 * are listed again. The server still scans the catalogs, but sends what changed (and a count per
 * range), not a row per catalog entry.
 *
 * <p>Where the phase's statements name all they reach ({@link PostgresNamedScope}), {@link #updateNamed}
 * looks only at the rows of the relations named and of the objects that depend on them (now, from
 * {@code pg_depend}; before, as remembered), each through the catalog's index: the server then
 * scans nothing, and the listing stays row for row what a full one would be. What the names reach
 * and those objects' rows come in one query, one round trip.
 *
 * <p>Longer than most classes: the queries and the rows, counts per range, names and dependencies
 * they keep up to date are one state, which one class keeps consistent.
 */
final class PostgresCatalogListing {

    /** Object ids per range whose rows are counted (a range that lost rows is listed again). */
    private static final int RANGE_BITS = 10;

    // per catalog: its class id, up to three key columns, the class id and object id of the object a
    // row tells about, and the rows listed; schemas and extensions are listed whole
    private static final List<String[]> CATALOGS = List.of(
            part("1259", "oid, 0, 0", "1259", "oid", "pg_class", "oid >= 16384"),
            part("1249", "attrelid, attnum, 0", "1259", "attrelid", "pg_attribute", "attrelid >= 16384 AND attnum > 0"),
            part("2604", "oid, 0, 0", "2604", "oid", "pg_attrdef", "oid >= 16384"),
            part("2606", "oid, 0, 0", "2606", "oid", "pg_constraint", "oid >= 16384"),
            part("2610", "indexrelid, 0, 0", "1259", "indexrelid", "pg_index", "indexrelid >= 16384"),
            part("2620", "oid, 0, 0", "2620", "oid", "pg_trigger", "oid >= 16384"),
            part("2618", "oid, 0, 0", "2618", "oid", "pg_rewrite", "oid >= 16384"),
            part("3381", "oid, 0, 0", "3381", "oid", "pg_statistic_ext", "oid >= 16384"),
            part("1247", "oid, 0, 0", "1247", "oid", "pg_type", "oid >= 16384"),
            // but the history log's trigger functions (PostgresChangeLog.installHistory): they only write its
            // log, and counted as routines of the users they would make every phase list every row
            part("1255", "oid, 0, 0", "1255", "oid", "pg_proc", "oid >= 16384 AND pronamespace IS DISTINCT FROM"
                    + " (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = '" + PostgresChangeLog.SCHEMA + "')"),
            part("3501", "oid, 0, 0", "1247", "enumtypid", "pg_enum", "enumtypid >= 16384"),
            part("3541", "rngtypid, 0, 0", "1247", "rngtypid", "pg_range", "rngtypid >= 16384"),
            part("2224", "seqrelid, 0, 0", "1259", "seqrelid", "pg_sequence", "seqrelid >= 16384"),
            part("2611", "inhrelid, inhseqno, 0", "1259", "inhrelid", "pg_inherits", "inhrelid >= 16384"),
            // comments: on user objects, and on schemas (public's oid is a built-in one)
            part("2609", "classoid, objoid, objsubid", "classoid", "objoid", "pg_description",
                    "objoid >= 16384 OR classoid = 2615"),
            // membership of an extension takes an object out of the snapshot
            part("2608", "classid, objid, objsubid", "classid", "objid", "pg_depend",
                    "deptype = 'e' AND objid >= 16384"),
            part("2615", "oid, 0, 0", "2615", "oid", "pg_namespace", "true"),
            part("3079", "oid, 0, 0", "3079", "oid", "pg_extension", "true"));

    private static String[] part(String catalog, String keys, String classId, String objectId, String table,
            String where) {
        return new String[] {catalog, keys, classId, objectId, table, where};
    }

    /** A row of a catalog: kind 0, then catalog, keys, object, version, and a relation's name. */
    private static String rows(String[] c, String condition) {
        return rows(c, c[5], condition);
    }

    private static String rows(String[] c, String where, String condition) {
        return "SELECT 0, " + c[0] + "::int8, " + keys(c) + ", " + c[2] + "::int8, " + c[3] + "::int8,"
                + " xmin::text || ':' || cmin::text, " + (c[4].equals("pg_class") ? "relname::text" : "NULL::text")
                + " FROM pg_catalog." + c[4] + " WHERE (" + where + ")" + condition;
    }

    private static String keys(String[] c) {
        return List.of(c[1].split(", ")).stream().map(key -> key + "::int8").collect(Collectors.joining(", "));
    }

    /**
     * What a listing taken now does not see, or may see written again: the transactions from the
     * snapshot's first one not yet started on (or this one's, when it has an id: a held
     * transaction's own rows, which it sees, may be written again), as a 32-bit xid ...
     */
    private static final String FIRST_UNSEEN = "least(pg_catalog.txid_snapshot_xmax(pg_catalog.txid_current_snapshot()),"
            + " coalesce(pg_catalog.txid_current_if_assigned(),"
            + " pg_catalog.txid_snapshot_xmax(pg_catalog.txid_current_snapshot()))) % 4294967296";
    /** ... and those still running, as an array literal of 32-bit xids. */
    private static final String RUNNING = "(SELECT '{'"
            + " || coalesce(pg_catalog.string_agg((x % 4294967296)::text, ','), '') || '}'"
            + " FROM pg_catalog.txid_snapshot_xip(pg_catalog.txid_current_snapshot()) x)";

    /** Every row's key, in one round trip. */
    private static final String LIST = CATALOGS.stream().map(c -> rows(c, ""))
            .collect(Collectors.joining(" UNION ALL "));

    /**
     * The rows written since the transaction id given (kind 0), the rows per catalog and range of
     * object ids (kind 1: catalog, range, count), and the next listing's transaction id (kind 2).
     */
    private static final String CHANGED = "WITH since AS (SELECT pg_catalog.age(?::text::xid) AS age) "
            + CATALOGS.stream().map(c -> rows(c, " AND (pg_catalog.age(xmin) <= (SELECT age FROM since)"
                    + " OR xmin = ANY(?::text::xid[]))"))
                    .collect(Collectors.joining(" UNION ALL "))
            + CATALOGS.stream().map(c -> " UNION ALL SELECT 1, " + c[0] + "::int8, " + c[3] + "::int8 >> " + RANGE_BITS
                    + ", pg_catalog.count(*), 0, 0, 0, NULL, NULL"
                    + " FROM pg_catalog." + c[4] + " WHERE " + c[5] + " GROUP BY 3")
                    .collect(Collectors.joining())
            + " UNION ALL SELECT 2, " + FIRST_UNSEEN + ", 0, 0, 0, 0, 0, " + RUNNING + ", NULL";


    /** How many rows each object has, in some ranges of object ids: catalog, object, count. */
    private static final String OBJECTS = CATALOGS.stream()
            .map(c -> "SELECT " + c[0] + "::int8, " + c[3] + "::int8, pg_catalog.count(*)"
                    + " FROM pg_catalog." + c[4] + " WHERE (" + c[5]
                    + ") AND " + c[0] + "::int8 * 4294967296 + (" + c[3] + "::int8 >> " + RANGE_BITS
                    + ") = ANY(?::text::int8[]) GROUP BY 2")
            .collect(Collectors.joining(" UNION ALL "));

    /** The keys of the rows of some objects, as kind 0 rows. */
    private static final String KEYS = CATALOGS.stream()
            .map(c -> rows(c, " AND " + c[0] + "::int8 * 4294967296 + " + c[3] + "::int8 = ANY(?::text::int8[])"))
            .collect(Collectors.joining(" UNION ALL "));

    /**
     * The objects that depend on the relations some names name, now, and the relations themselves:
     * reference (0 for a relation named) and dependent, each as class id and object id; the
     * relations known by those names before are given as object ids (they may be gone).
     */
    // (the object id limits are compared as int8, and the lookup of what depends on an object sits
    // behind OFFSET 0: the planner, misled by catalog statistics a run outdates, otherwise scanned
    // the whole of pg_class's object id index and of pg_depend at every step)
    private static final String REACHED = "WITH RECURSIVE s(rc, ro, c, o) AS ("
            + "SELECT 0::oid, 0::oid, 1259::oid, oid FROM pg_catalog.pg_class"
            + " WHERE relname = ANY(?::text[]::name[]) AND oid::int8 >= 16384"
            + " UNION SELECT 0::oid, 0::oid, 1259::oid, pg_catalog.unnest(?::text::oid[])"
            + " UNION SELECT d.refclassid, d.refobjid, d.classid, d.objid FROM s CROSS JOIN LATERAL"
            + " (SELECT refclassid, refobjid, classid, objid FROM pg_catalog.pg_depend"
            + " WHERE refclassid = s.c AND refobjid = s.o AND objid::int8 >= 16384 OFFSET 0) d)"
            + " SELECT rc::int8, ro::int8, c::int8, o::int8 FROM s";

    /** Which objects depend on which (reference, then dependent), for those made after initdb. */
    private static final String DEPENDS = "SELECT refclassid::int8, refobjid::int8, classid::int8, objid::int8"
            + " FROM pg_catalog.pg_depend WHERE refobjid >= 16384 AND objid >= 16384";

    /** The rows of some objects, looked up by each catalog's index on its object's id, as kind 0 rows. */
    private static final String OF_OBJECTS = CATALOGS.stream()
            // (the object id limit as int8, so that the index serves the objects' ids, not the limit)
            .map(c -> rows(c, c[5].replace(" >= 16384", "::int8 >= 16384"), " AND " + c[3] + " = ANY(?::text::oid[])"
                    + " AND " + c[2] + " = ANY(?::text::oid[])"
                    + " AND " + c[2] + "::int8 * 4294967296 + " + c[3] + "::int8 = ANY(?::text::int8[])"))
            .collect(Collectors.joining(" UNION ALL "));

    /**
     * {@link #REACHED} and {@link #OF_OBJECTS} in one statement: the relations named and what
     * depends on them now (kind 1: reference, dependent), and the rows (kind 0) of those objects and
     * of the objects given as two arrays (class ids, object ids: what depended on the relations
     * known by those names when last looked at). The caller looks up the rows of any object its
     * remembered dependencies add to these afterwards with {@link #OF_OBJECTS}, so the rows read are
     * those of the same objects as with the two queries in turn.
     */
    private static final String REACHED_AND_ROWS = REACHED.replace(" SELECT rc::int8, ro::int8, c::int8, o::int8 FROM s",
            ", k(c, o) AS (SELECT c, o FROM s UNION SELECT * FROM ROWS FROM (pg_catalog.unnest(?::text::oid[]),"
                    + " pg_catalog.unnest(?::text::oid[])))"
            + " SELECT 1, rc::int8, ro::int8, c::int8, o::int8, 0::int8, 0::int8, NULL::text, NULL::text FROM s")
            + CATALOGS.stream()
            .map(c -> " UNION ALL " + rows(c, c[5].replace(" >= 16384", "::int8 >= 16384"),
                    " AND " + c[3] + " = ANY(ARRAY(SELECT o FROM k))"
                    + " AND " + c[2] + " = ANY(ARRAY(SELECT c FROM k))"
                    + " AND " + c[2] + "::int8 * 4294967296 + " + c[3] + "::int8"
                    + " = ANY(ARRAY(SELECT c::int8 * 4294967296 + o::int8 FROM k))"))
            .collect(Collectors.joining());

    private record Key(long catalog, long first, long second, long third) {
    }

    private record Row(long classId, long objectId, String version, String name) {
    }

    private final Map<Key, Row> rows = new HashMap<>();
    /** (catalog, range of object ids) -> how many rows of {@link #rows} are in it. */
    private final Map<Long, Integer> counts = new HashMap<>();
    /** (class id, object id) -> the keys of its rows; a relation's object ids by its name; rows per catalog. */
    private final Map<Long, Set<Key>> keysOf = new HashMap<>();
    private final Map<String, Set<Long>> relationsNamed = new HashMap<>();
    private final Map<Long, Integer> perCatalog = new HashMap<>();
    /** (class id, object id) -> the objects that depended on it when it was last looked at. */
    private final Map<Long, Set<Long>> dependents = new HashMap<>();
    /** The first transaction the last listing's snapshot did not see (32 bits), and those running then. */
    private long since;
    private String running;
    /** The catalog rows the last {@link #update} fetched (for tests). */
    private int fetched;
    private int namedUpdates;

    private PostgresCatalogListing() {
    }

    /** The listing as the catalog stands now: every row's key, in one round trip. */
    static PostgresCatalogListing read(Connection connection) throws SQLException {
        PostgresCatalogListing listing = new PostgresCatalogListing();
        try (Statement statement = connection.createStatement()) {
            // the transactions first: rows they wrote are listed again next time, at worst in vain
            try (ResultSet rs = statement.executeQuery("SELECT " + FIRST_UNSEEN + ", " + RUNNING)) {
                rs.next();
                listing.since = rs.getLong(1);
                listing.running = rs.getString(2);
            }
            try (ResultSet rs = statement.executeQuery(LIST)) {
                while (rs.next()) {
                    listing.put(key(rs), row(rs));
                }
            }
        }
        listing.readDependents(connection);
        return listing;
    }

    /**
     * Brings the listing up to the catalog as it stands now; returns the objects (class id, object
     * id) whose rows are new, gone or written again since the last listing, each once.
     */
    List<long[]> update(Connection connection) throws SQLException {
        Set<List<Long>> changed = new LinkedHashSet<>();
        Map<Long, Long> present = new HashMap<>();
        fetched = 0;
        try (PreparedStatement statement = connection.prepareStatement(CHANGED)) {
            statement.setString(1, Long.toString(since));
            for (int i = 2; i <= CATALOGS.size() + 1; i++) {
                statement.setString(i, running);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getInt(1)) {
                        case 0 -> {
                            fetched++;
                            Key key = key(rs);
                            Row row = row(rs);
                            Row was = put(key, row);
                            if (was == null || !Objects.equals(was.version(), row.version())
                                    || was.objectId() != row.objectId()) {
                                changed.add(List.of(row.classId(), row.objectId()));
                                if (was != null) {
                                    changed.add(List.of(was.classId(), was.objectId()));
                                }
                            }
                        }
                        case 1 -> present.put(range(rs.getLong(2), rs.getLong(3)), rs.getLong(4));
                        default -> {
                            since = rs.getLong(2);
                            running = rs.getString(8);
                        }
                    }
                }
            }
        }
        // a range holding fewer rows than known lost some: list its keys again
        Set<Long> lost = new HashSet<>();
        counts.forEach((range, known) -> {
            if (present.getOrDefault(range, 0L) != known.longValue()) {
                lost.add(range);
            }
        });
        present.forEach((range, count) -> {
            if (!counts.containsKey(range)) {
                lost.add(range);
            }
        });
        if (!lost.isEmpty()) {
            relist(connection, lost, changed);
        }
        if (!changed.isEmpty()) {
            // what depends on what was not followed object by object: read it again
            readDependents(connection);
        }
        return pairs(changed);
    }

    private static List<long[]> pairs(Set<List<Long>> changed) {
        List<long[]> objects = new ArrayList<>();
        for (List<Long> object : changed) {
            objects.add(new long[] {object.get(0), object.get(1)});
        }
        return objects;
    }

    /**
     * As {@link #update}, for a phase whose statements reach only the relations {@code names} name
     * (see {@link PostgresNamedScope}): looks at the rows of those relations, before and now, and of
     * every object that depends on them, through the catalogs' indexes, so it costs what the phase
     * reached, not what the database holds. Null where it cannot tell: the database holds routines
     * of its users, which a data statement or a default may run, and which may change anything.
     */
    List<long[]> updateNamed(Connection connection, Set<String> names) throws SQLException {
        if (perCatalog.getOrDefault(PostgresCatalogQueries.PG_PROC, 0) > 0) {
            return null;
        }
        fetched = 0;
        Set<Long> before = new HashSet<>();
        for (String name : names) {
            relationsNamed.getOrDefault(name, Set.of()).forEach(oid -> before.add(object(PostgresCatalogQueries.PG_CLASS, oid)));
        }
        // what depended on the relations known by those names when last looked at (gone with them, perhaps):
        // its rows come along with what the names reach now
        Set<Long> remembered = closure(before, Set.of(), new HashSet<>());
        Set<Long> now = new HashSet<>();
        Map<Long, Set<Long>> edges = new HashMap<>();
        Map<Key, Row> present = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(REACHED_AND_ROWS)) {
            statement.setArray(1, connection.createArrayOf("text", names.toArray()));
            statement.setString(2, before.stream().map(object -> String.valueOf(object & 0xFFFFFFFFL))
                    .collect(Collectors.joining(",", "{", "}")));
            statement.setString(3, remembered.stream().map(object -> String.valueOf(object >>> 32))
                    .collect(Collectors.joining(",", "{", "}")));
            statement.setString(4, remembered.stream().map(object -> String.valueOf(object & 0xFFFFFFFFL))
                    .collect(Collectors.joining(",", "{", "}")));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) == 0) {
                        fetched++;
                        present.put(key(rs), row(rs));
                        continue;
                    }
                    long dependent = object(rs.getLong(4), rs.getLong(5));
                    now.add(dependent);
                    if (rs.getLong(2) != 0) {
                        edges.computeIfAbsent(object(rs.getLong(2), rs.getLong(3)), k -> new HashSet<>()).add(dependent);
                    }
                }
            }
        }
        // and what depended on what they reach now when last looked at: the rows of those not read yet
        Set<Long> scope = closure(before, now, new HashSet<>(now));
        Set<Long> rest = new HashSet<>(scope);
        rest.removeAll(now);
        rest.removeAll(remembered);
        if (!rest.isEmpty()) {
            String oids = rest.stream().map(object -> String.valueOf(object & 0xFFFFFFFFL)).distinct()
                    .collect(Collectors.joining(",", "{", "}"));
            String classes = rest.stream().map(object -> String.valueOf(object >>> 32)).distinct()
                    .collect(Collectors.joining(",", "{", "}"));
            String objects = rest.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
            try (PreparedStatement statement = connection.prepareStatement(OF_OBJECTS)) {
                for (int i = 0; i < CATALOGS.size(); i++) {
                    statement.setString(3 * i + 1, oids);
                    statement.setString(3 * i + 2, classes);
                    statement.setString(3 * i + 3, objects);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        fetched++;
                        present.put(key(rs), row(rs));
                    }
                }
            }
        }
        Set<List<Long>> changed = new LinkedHashSet<>();
        for (Long object : scope) {
            for (Key key : List.copyOf(keysOf.getOrDefault(object, Set.of()))) {
                if (!present.containsKey(key)) {
                    Row was = remove(key);
                    changed.add(List.of(was.classId(), was.objectId()));
                }
            }
            dependents.remove(object);
        }
        present.forEach((key, row) -> {
            Row was = put(key, row);
            if (was == null || !Objects.equals(was.version(), row.version()) || was.objectId() != row.objectId()) {
                changed.add(List.of(row.classId(), row.objectId()));
                if (was != null) {
                    changed.add(List.of(was.classId(), was.objectId()));
                }
            }
        });
        edges.forEach((reference, objects) -> dependents.computeIfAbsent(reference, k -> new HashSet<>()).addAll(objects));
        namedUpdates++;
        return pairs(changed);
    }

    /**
     * {@code scope} with the objects {@code from} and {@code now} reach through the dependencies
     * remembered, transitively (an object of {@code now} already in the scope is followed all the same).
     */
    private Set<Long> closure(Set<Long> from, Set<Long> now, Set<Long> scope) {
        java.util.ArrayDeque<Long> next = new java.util.ArrayDeque<>(from);
        next.addAll(now);
        while (!next.isEmpty()) {
            Long object = next.poll();
            if (scope.add(object) || now.contains(object)) {
                for (Long dependent : dependents.getOrDefault(object, Set.of())) {
                    if (!scope.contains(dependent)) {
                        next.add(dependent);
                    }
                }
            }
        }
        return scope;
    }

    /** Reads which object depends on which, afresh. */
    private void readDependents(Connection connection) throws SQLException {
        dependents.clear();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(DEPENDS)) {
            while (rs.next()) {
                dependents.computeIfAbsent(object(rs.getLong(1), rs.getLong(2)), k -> new HashSet<>())
                        .add(object(rs.getLong(3), rs.getLong(4)));
            }
        }
    }

    /**
     * Finds the rows gone from {@code ranges}: counts each object's rows there, then lists again
     * the keys of the objects whose count differs from the rows known (a known row not among them
     * is gone).
     */
    private void relist(Connection connection, Set<Long> ranges, Set<List<Long>> changed) throws SQLException {
        Map<Long, Long> present = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(OBJECTS)) {
            bindAll(statement, ranges);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    fetched++;
                    present.put(range(rs.getLong(1), rs.getLong(2)), rs.getLong(3));
                }
            }
        }
        Map<Long, Long> known = new HashMap<>();
        rows.forEach((key, row) -> {
            if (ranges.contains(range(key.catalog(), row.objectId() >>> RANGE_BITS))) {
                known.merge(range(key.catalog(), row.objectId()), 1L, Long::sum);
            }
        });
        Set<Long> objects = new HashSet<>();
        known.forEach((object, count) -> {
            if (!count.equals(present.get(object))) {
                objects.add(object);
            }
        });
        present.forEach((object, count) -> {
            if (!known.containsKey(object)) {
                objects.add(object);
            }
        });
        Map<Key, Row> now = new HashMap<>();
        if (!objects.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(KEYS)) {
                bindAll(statement, objects);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        fetched++;
                        now.put(key(rs), row(rs));
                    }
                }
            }
        }
        List<Key> gone = new ArrayList<>();
        rows.forEach((key, was) -> {
            if (objects.contains(range(key.catalog(), was.objectId())) && !now.containsKey(key)) {
                gone.add(key);
            }
        });
        for (Key key : gone) {
            Row was = remove(key);
            changed.add(List.of(was.classId(), was.objectId()));
        }
        now.forEach((key, row) -> {
            Row was = put(key, row);
            if (was == null || !Objects.equals(was.version(), row.version()) || was.objectId() != row.objectId()) {
                changed.add(List.of(row.classId(), row.objectId()));
            }
        });
    }

    /** Binds the array literal of {@code values} to each catalog's parameter. */
    private static void bindAll(PreparedStatement statement, Set<Long> values) throws SQLException {
        String array = values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        for (int i = 1; i <= CATALOGS.size(); i++) {
            statement.setString(i, array);
        }
    }

    /** Every row known: its key, object and version (for tests: the same as a new listing's). */
    Map<List<Long>, String> versions() {
        Map<List<Long>, String> versions = new HashMap<>();
        rows.forEach((key, row) -> versions.put(List.of(key.catalog(), key.first(), key.second(), key.third()),
                row.classId() + "/" + row.objectId() + "@" + row.version()));
        return versions;
    }

    /** How many updates looked only at what the statements named (for tests). */
    int namedUpdates() {
        return namedUpdates;
    }

    /** How many catalog rows the listing knows. */
    int size() {
        return rows.size();
    }

    int fetched() {
        return fetched;
    }

    private Row put(Key key, Row row) {
        Row was = rows.put(key, row);
        if (row.equals(was)) {
            // the same row again (most rows a named update reads did not change): counts and maps stay as they are
            return was;
        }
        if (was != null) {
            forget(key, was);
        }
        counts.merge(range(key.catalog(), row.objectId() >>> RANGE_BITS), 1, Integer::sum);
        perCatalog.merge(key.catalog(), 1, Integer::sum);
        keysOf.computeIfAbsent(object(row.classId(), row.objectId()), k -> new HashSet<>()).add(key);
        if (row.name() != null) {
            relationsNamed.computeIfAbsent(row.name(), k -> new HashSet<>()).add(key.first());
        }
        return was;
    }

    private Row remove(Key key) {
        Row was = rows.remove(key);
        forget(key, was);
        return was;
    }

    /** Takes a row that is no longer there (or is there again in another version) out of the counts and maps. */
    private void forget(Key key, Row was) {
        counts.merge(range(key.catalog(), was.objectId() >>> RANGE_BITS), -1, Integer::sum);
        perCatalog.merge(key.catalog(), -1, Integer::sum);
        Set<Key> keys = keysOf.get(object(was.classId(), was.objectId()));
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            keysOf.remove(object(was.classId(), was.objectId()));
        }
        Set<Long> named = was.name() == null ? null : relationsNamed.get(was.name());
        if (named != null && named.remove(key.first()) && named.isEmpty()) {
            relationsNamed.remove(was.name());
        }
    }

    private static long object(long classId, long objectId) {
        return classId * 4294967296L + objectId;
    }

    private static long range(long catalog, long range) {
        return catalog * 4294967296L + range;
    }

    private static Key key(ResultSet rs) throws SQLException {
        return new Key(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9));
    }
}
