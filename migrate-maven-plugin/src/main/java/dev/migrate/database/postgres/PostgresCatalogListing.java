package dev.migrate.database.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every catalog row a snapshot is read from, for the objects made after initdb, listed by its key
 * and its version (the transaction that wrote it, {@code xmin}, and the command in it,
 * {@code cmin}: a row written twice in one transaction, as by a downgrade and a re-upgrade held in
 * one, keeps its xmin), with the object it tells about. Two listings tell exactly which objects a phase created, altered
 * or dropped: a row that is new, gone or written again (a schema, an extension or a built-in
 * object among them calls for a full read, as {@link PostgresChangeLog#resolve} says). This is how
 * a PostgreSQL snapshot costs what changed where the change log cannot be installed (its event
 * triggers need a superuser): the listing reads every such row, but only its key, not its
 * definition, which is what makes a full read cost what it costs.
 */
final class PostgresCatalogListing {

    // per row: the catalog and up to three key columns, the class id and object id of the object it
    // tells about, and the row's version; schemas and extensions are listed whole
    private static final String LIST = String.join(" UNION ALL ",
            listed("1259, oid, 0, 0, 1259, oid", "pg_class WHERE oid >= 16384"),
            listed("1249, attrelid, attnum, 0, 1259, attrelid", "pg_attribute WHERE attrelid >= 16384 AND attnum > 0"),
            listed("2604, oid, 0, 0, 2604, oid", "pg_attrdef WHERE oid >= 16384"),
            listed("2606, oid, 0, 0, 2606, oid", "pg_constraint WHERE oid >= 16384"),
            listed("2610, indexrelid, 0, 0, 1259, indexrelid", "pg_index WHERE indexrelid >= 16384"),
            listed("2620, oid, 0, 0, 2620, oid", "pg_trigger WHERE oid >= 16384"),
            listed("2618, oid, 0, 0, 2618, oid", "pg_rewrite WHERE oid >= 16384"),
            listed("1247, oid, 0, 0, 1247, oid", "pg_type WHERE oid >= 16384"),
            listed("1255, oid, 0, 0, 1255, oid", "pg_proc WHERE oid >= 16384"),
            listed("3501, oid, 0, 0, 1247, enumtypid", "pg_enum WHERE enumtypid >= 16384"),
            listed("3541, rngtypid, 0, 0, 1247, rngtypid", "pg_range WHERE rngtypid >= 16384"),
            listed("2224, seqrelid, 0, 0, 1259, seqrelid", "pg_sequence WHERE seqrelid >= 16384"),
            listed("2611, inhrelid, inhseqno, 0, 1259, inhrelid", "pg_inherits WHERE inhrelid >= 16384"),
            // comments: on user objects, and on schemas (public's oid is a built-in one)
            listed("2609, classoid, objoid, objsubid, classoid, objoid",
                    "pg_description WHERE objoid >= 16384 OR classoid = 2615"),
            // membership of an extension takes an object out of the snapshot
            listed("2608, classid, objid, objsubid, classid, objid", "pg_depend WHERE deptype = 'e' AND objid >= 16384"),
            listed("2615, oid, 0, 0, 2615, oid", "pg_namespace"),
            listed("3079, oid, 0, 0, 3079, oid", "pg_extension"));

    /** One catalog's part of {@link #LIST}: {@code columns}, then the row's version, from {@code from}. */
    private static String listed(String columns, String from) {
        return "SELECT " + columns + ", xmin::text || ':' || cmin::text FROM " + from;
    }

    private record Key(long catalog, long first, long second, long third) {
    }

    private record Row(long classId, long objectId, String version) {
    }

    private final Map<Key, Row> rows;

    private PostgresCatalogListing(Map<Key, Row> rows) {
        this.rows = rows;
    }

    /** The listing as the catalog stands now, in one round trip. */
    static PostgresCatalogListing read(Connection connection) throws SQLException {
        Map<Key, Row> rows = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(LIST)) {
            while (rs.next()) {
                rows.put(new Key(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                        new Row(rs.getLong(5), rs.getLong(6), rs.getString(7)));
            }
        }
        return new PostgresCatalogListing(rows);
    }

    /**
     * The objects (class id, object id) whose rows are new, gone or written again since
     * {@code before}; each once.
     */
    List<long[]> changedSince(PostgresCatalogListing before) {
        Set<List<Long>> changed = new LinkedHashSet<>();
        rows.forEach((key, row) -> {
            Row was = before.rows.get(key);
            if (was == null || !Objects.equals(was.version(), row.version()) || was.objectId() != row.objectId()) {
                changed.add(List.of(row.classId(), row.objectId()));
            }
        });
        before.rows.forEach((key, was) -> {
            if (!rows.containsKey(key)) {
                changed.add(List.of(was.classId(), was.objectId()));
            }
        });
        List<long[]> objects = new ArrayList<>();
        for (List<Long> object : changed) {
            objects.add(new long[] {object.get(0), object.get(1)});
        }
        return objects;
    }
}
