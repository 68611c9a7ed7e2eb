package dev.migrate.database;

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
 * and its version (the transaction that wrote it, {@code xmin}, and the command in it, {@code cmin}:
 * a row written twice in one transaction, as by a downgrade and a re-upgrade held in one, keeps its xmin),
 * with the object it tells about. Two listings tell exactly which objects a phase created, altered
 * or dropped: a row that is new, gone or written again. This is how a PostgreSQL snapshot costs what changed where the change log
 * cannot be installed (its event triggers need a superuser): the listing reads every such row, but
 * only its key, not its definition, which is what makes a full read cost what it costs.
 */
final class PostgresCatalogListing {

    private static final long FIRST_NORMAL_OBJECT_ID = 16384;

    // per row: the catalog and up to three key columns, the class id and object id of the object it
    // tells about, and the transaction that wrote it; schemas and extensions are listed whole
    private static final String LIST = String.join(" UNION ALL ",
            "SELECT 1259, oid, 0, 0, 1259, oid, xmin::text || ':' || cmin::text FROM pg_class WHERE oid >= 16384",
            "SELECT 1249, attrelid, attnum, 0, 1259, attrelid, xmin::text || ':' || cmin::text FROM pg_attribute WHERE attrelid >= 16384"
                    + " AND attnum > 0",
            "SELECT 2604, oid, 0, 0, 2604, oid, xmin::text || ':' || cmin::text FROM pg_attrdef WHERE oid >= 16384",
            "SELECT 2606, oid, 0, 0, 2606, oid, xmin::text || ':' || cmin::text FROM pg_constraint WHERE oid >= 16384",
            "SELECT 2610, indexrelid, 0, 0, 1259, indexrelid, xmin::text || ':' || cmin::text FROM pg_index WHERE indexrelid >= 16384",
            "SELECT 2620, oid, 0, 0, 2620, oid, xmin::text || ':' || cmin::text FROM pg_trigger WHERE oid >= 16384",
            "SELECT 2618, oid, 0, 0, 2618, oid, xmin::text || ':' || cmin::text FROM pg_rewrite WHERE oid >= 16384",
            "SELECT 1247, oid, 0, 0, 1247, oid, xmin::text || ':' || cmin::text FROM pg_type WHERE oid >= 16384",
            "SELECT 1255, oid, 0, 0, 1255, oid, xmin::text || ':' || cmin::text FROM pg_proc WHERE oid >= 16384",
            "SELECT 3501, oid, 0, 0, 1247, enumtypid, xmin::text || ':' || cmin::text FROM pg_enum WHERE enumtypid >= 16384",
            "SELECT 3541, rngtypid, 0, 0, 1247, rngtypid, xmin::text || ':' || cmin::text FROM pg_range WHERE rngtypid >= 16384",
            "SELECT 2224, seqrelid, 0, 0, 1259, seqrelid, xmin::text || ':' || cmin::text FROM pg_sequence WHERE seqrelid >= 16384",
            "SELECT 2611, inhrelid, inhseqno, 0, 1259, inhrelid, xmin::text || ':' || cmin::text FROM pg_inherits WHERE inhrelid >= 16384",
            // comments: on user objects, and on schemas (public's oid is a built-in one)
            "SELECT 2609, classoid, objoid, objsubid, classoid, objoid, xmin::text || ':' || cmin::text FROM pg_description"
                    + " WHERE objoid >= 16384 OR classoid = 2615",
            // membership of an extension takes an object out of the snapshot
            "SELECT 2608, classid, objid, objsubid, classid, objid, xmin::text || ':' || cmin::text FROM pg_depend WHERE deptype = 'e'"
                    + " AND objid >= 16384",
            "SELECT 2615, oid, 0, 0, 2615, oid, xmin::text || ':' || cmin::text FROM pg_namespace",
            "SELECT 3079, oid, 0, 0, 3079, oid, xmin::text || ':' || cmin::text FROM pg_extension");

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

    /** Whether {@code objects} name a schema, an extension or a built-in object, which only a full read covers. */
    static boolean needsFullRead(List<long[]> objects) {
        return objects.stream().anyMatch(object -> object[0] == PostgresCatalogQueries.PG_NAMESPACE
                || object[0] == PostgresCatalogQueries.PG_EXTENSION || object[1] < FIRST_NORMAL_OBJECT_ID);
    }
}
