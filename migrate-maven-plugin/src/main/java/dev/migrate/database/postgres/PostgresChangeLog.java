package dev.migrate.database.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of catalog objects that DDL touched in a PostgreSQL scratch database, kept by two
 * event triggers (every created or altered object at the end of each command, every dropped one,
 * cascaded drops included), wherever the command ran: in a revision, a function it called or a
 * trigger it fired. Event triggers need a superuser; elsewhere there is no log and every snapshot
 * reads the whole catalog.
 *
 * <p>Longer than most classes: the triggers' installation, the reading of the log and the
 * dependency walk that widens it share one set of catalog rules, kept together on purpose.
 */
final class PostgresChangeLog {

    /** The schema holding the log; snapshots leave it out. */
    static final String SCHEMA = "migrate_verify_watch";

    private static final String TABLE = SCHEMA + ".touched";
    private static final String[] TRIGGERS = {"migrate_verify_ddl", "migrate_verify_drop"};

    // SECURITY DEFINER: a revision that switches to a role without rights on the log still runs as it would
    private static final String[] INSTALL = {
        "DROP EVENT TRIGGER IF EXISTS " + TRIGGERS[0],
        "DROP EVENT TRIGGER IF EXISTS " + TRIGGERS[1],
        "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
        "CREATE SCHEMA " + SCHEMA,
        "CREATE UNLOGGED TABLE " + TABLE + " (n BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, classid OID,"
                + " objid OID)",
        "CREATE FUNCTION " + SCHEMA + ".ddl() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER"
                + " SET search_path = pg_catalog, pg_temp AS $$ BEGIN INSERT INTO " + TABLE + " (classid, objid)"
                + " SELECT classid, objid FROM pg_catalog.pg_event_trigger_ddl_commands(); END $$",
        "CREATE FUNCTION " + SCHEMA + ".dropped() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER"
                + " SET search_path = pg_catalog, pg_temp AS $$ BEGIN INSERT INTO " + TABLE + " (classid, objid)"
                + " SELECT classid, objid FROM pg_catalog.pg_event_trigger_dropped_objects(); END $$",
        "CREATE EVENT TRIGGER " + TRIGGERS[0] + " ON ddl_command_end EXECUTE FUNCTION " + SCHEMA + ".ddl()",
        "CREATE EVENT TRIGGER " + TRIGGERS[1] + " ON sql_drop EXECUTE FUNCTION " + SCHEMA + ".dropped()",
        // ALWAYS: also when a revision sets session_replication_role to replica
        "ALTER EVENT TRIGGER " + TRIGGERS[0] + " ENABLE ALWAYS",
        "ALTER EVENT TRIGGER " + TRIGGERS[1] + " ENABLE ALWAYS"};

    private static final String HISTORY_LOG = SCHEMA + ".history";
    private static final String HISTORY_TRIGGER = SCHEMA + "_history";

    /** Each row the history table gains or loses; a truncation is a row without a revision. */
    private static final String[] INSTALL_HISTORY = {
        "CREATE UNLOGGED TABLE " + HISTORY_LOG + " (n BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                + " revision TEXT, present BOOLEAN)",
        "CREATE FUNCTION " + SCHEMA + ".history_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
                + " SET search_path = pg_catalog, pg_temp AS $$ BEGIN"
                + " IF TG_OP <> 'INSERT' THEN INSERT INTO " + HISTORY_LOG + " (revision, present)"
                + "   VALUES (OLD.revision, false); END IF;"
                + " IF TG_OP <> 'DELETE' THEN INSERT INTO " + HISTORY_LOG + " (revision, present)"
                + "   VALUES (NEW.revision, true); END IF;"
                + " RETURN NULL; END $$",
        "CREATE FUNCTION " + SCHEMA + ".history_truncated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
                + " SET search_path = pg_catalog, pg_temp AS $$ BEGIN INSERT INTO " + HISTORY_LOG
                + " (revision, present) VALUES (NULL, false); RETURN NULL; END $$",
        "CREATE TRIGGER " + HISTORY_TRIGGER + " AFTER INSERT OR UPDATE OR DELETE ON %1$s FOR EACH ROW EXECUTE FUNCTION "
                + SCHEMA + ".history_row()",
        "CREATE TRIGGER " + SCHEMA + "_truncate AFTER TRUNCATE ON %1$s FOR EACH STATEMENT EXECUTE FUNCTION "
                + SCHEMA + ".history_truncated()",
        // ALWAYS: also when a revision sets session_replication_role to replica
        "ALTER TABLE %1$s ENABLE ALWAYS TRIGGER " + HISTORY_TRIGGER,
        "ALTER TABLE %1$s ENABLE ALWAYS TRIGGER " + SCHEMA + "_truncate"};

    private static final String INTACT = "SELECT pg_catalog.count(*) FROM pg_catalog.pg_event_trigger"
            + " WHERE evtname IN ('" + TRIGGERS[0] + "', '" + TRIGGERS[1] + "') AND evtenabled = 'A'";

    // every logged object and, through pg_depend, everything that depends on it (a view on a renamed
    // column prints the new name without a catalog row of its own changing), each with the
    // relation, type or routine whose snapshot entries it belongs to
    private static final String TOUCHED = touched(
            // the new rows by their keys: a range on n is planned as a scan of the whole log once it
            // grows (it is never analyzed), which would make each phase cost what verify did so far
            "SELECT classid, objid FROM " + TABLE + " WHERE n = ANY (ARRAY(SELECT pg_catalog.generate_series("
            + "?::bigint + 1, ?::bigint)))");

    /** {@link #TOUCHED} from the objects {@code seed} selects (columns classid, objid). */
    private static String touched(String seed) {
        return "WITH RECURSIVE reach(classid, objid) AS (" + seed
            // LATERAL: each step looks its dependents up in pg_depend's index; a join would scan all of it
            + " UNION SELECT d.classid, d.objid FROM reach r CROSS JOIN LATERAL"
            + " (SELECT classid, objid FROM pg_catalog.pg_depend"
            + "   WHERE refclassid = r.classid AND refobjid = r.objid OFFSET 0) d)"
            + " SELECT r.classid, r.objid, CASE r.classid"
            + "   WHEN 1259 THEN coalesce((SELECT x.indrelid FROM pg_catalog.pg_index x WHERE x.indexrelid = r.objid),"
            + " r.objid)"
            + "   WHEN 2606 THEN (SELECT k.conrelid FROM pg_catalog.pg_constraint k WHERE k.oid = r.objid)"
            + "   WHEN 2620 THEN (SELECT g.tgrelid FROM pg_catalog.pg_trigger g WHERE g.oid = r.objid)"
            + "   WHEN 3381 THEN (SELECT s.stxrelid FROM pg_catalog.pg_statistic_ext s WHERE s.oid = r.objid)"
            + "   WHEN 2604 THEN (SELECT a.adrelid FROM pg_catalog.pg_attrdef a WHERE a.oid = r.objid)"
            + "   WHEN 2618 THEN (SELECT w.ev_class FROM pg_catalog.pg_rewrite w WHERE w.oid = r.objid)"
            + "   WHEN 1247 THEN (SELECT t.typrelid FROM pg_catalog.pg_type t WHERE t.oid = r.objid) END AS relation,"
            + " CASE r.classid WHEN 2606 THEN (SELECT k.contypid FROM pg_catalog.pg_constraint k WHERE k.oid = r.objid)"
            // a type the snapshot has no entry for (a table's row type, an array type) is no unit to read
            + "   WHEN 1247 THEN coalesce((SELECT CASE WHEN t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c'"
            + "     AND (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c') THEN t.oid ELSE 0 END"
            + "     FROM pg_catalog.pg_type t WHERE t.oid = r.objid), r.objid) END AS type,"
            + " CASE r.classid WHEN 1255 THEN r.objid END AS routine"
            + " FROM reach r";
    }

    /** {@link #TOUCHED}, with whether the relation, type and routine of each row still exist. */
    private static final String TOUCHED_NOW = now(TOUCHED);

    /** The same for the objects named by two arrays of class ids and object ids. */
    private static final String NAMED_NOW = now(touched(
            "SELECT classid, objid FROM ROWS FROM (pg_catalog.unnest(?::text::oid[]),"
                    + " pg_catalog.unnest(?::text::oid[])) AS named(classid, objid)"));

    // scalar subqueries, not EXISTS: the planner may answer an EXISTS with a hash of the whole of pg_class,
    // pg_type and pg_proc (a cost that grows with the schema), a scalar subquery always with an index lookup
    private static String now(String touched) {
        return "SELECT o.*, (SELECT true FROM pg_catalog.pg_class c WHERE c.oid = o.relation) IS NOT NULL,"
            + " (SELECT true FROM pg_catalog.pg_type y WHERE y.oid = o.type) IS NOT NULL,"
            + " (SELECT true FROM pg_catalog.pg_proc p WHERE p.oid = o.routine) IS NOT NULL"
            + " FROM (" + touched + ") o";
    }

    /** The log's state and end, then what it names from a position up to that end: two results, one round trip. */
    private static final String SINCE = "SELECT (" + INTACT + ") = 2,"
            + " (SELECT coalesce(pg_catalog.max(n), 0) FROM " + TABLE + ");\n"
            + TOUCHED_NOW.replace(" ?::bigint)))", " (SELECT coalesce(pg_catalog.max(n), 0) FROM " + TABLE + "))))");

    /** PostgreSQL's first object id for objects made after initdb; lower ones are built in. */
    private static final long FIRST_NORMAL_OBJECT_ID = 16384;

    /**
     * What DDL touched since a position of the log, or {@code full} when a snapshot must read
     * everything (the log was tampered with, or a schema, extension or built-in object changed,
     * whose dependents the log cannot name).
     *
     * @param rows per touched object: class id, object id, the relation, type and routine it
     *     belongs to (0 for none), and which of those three still exist (bits 1, 2 and 4)
     * @param history the history log's new rows as {@link #historySince} gives them; null when it
     *     cannot tell, and the history table is to be read whole
     */
    record Changes(long position, boolean full, List<long[]> rows, List<String[]> history) {
        Changes {
            rows = List.copyOf(rows);
            history = history == null ? null : List.copyOf(history);
        }
    }

    private PostgresChangeLog() {
    }

    /**
     * Installs the log unless it is in place; false where it cannot be (the user is not a
     * superuser), and the caller reads everything each time.
     */
    static boolean install(Connection connection, String history) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT pg_catalog.current_setting('is_superuser') = 'on',"
                    + " (" + INTACT + ") = 2 AND pg_catalog.to_regclass('" + HISTORY_LOG + "') IS NOT NULL"
                    + " AND (" + historyIntact(history) + ")")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return false;
                }
                if (rs.getBoolean(2)) {
                    return true;
                }
            }
            List<String> all = new ArrayList<>(List.of(INSTALL));
            all.addAll(List.of(INSTALL_HISTORY).stream().map(sql -> sql.formatted(history)).toList());
            return installed(connection, statement, all);
        }
    }

    /**
     * Runs {@code statements} in one transaction; false where one fails (all are undone), or inside a
     * transaction the caller holds (a downgrade verify may roll back): installed after it.
     */
    private static boolean installed(Connection connection, Statement statement, List<String> statements)
            throws SQLException {
        if (!connection.getAutoCommit()) {
            return false;
        }
        connection.setAutoCommit(false);
        try {
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            return false;
        } finally {
            connection.setAutoCommit(true);
        }
        return true;
    }

    /**
     * Installs the history log alone (a row trigger on the history table, which its owner may
     * create) where the whole log cannot be: a user that is no superuser then follows the history
     * table by what each phase wrote too. False where it cannot be, or inside a transaction the
     * caller holds; the caller then reads the history table whole.
     */
    static boolean installHistory(Connection connection, String history) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT pg_catalog.to_regclass('" + HISTORY_LOG + "') IS NOT NULL"
                    + " AND ("
                    + historyIntact(history) + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return true;
                }
            }
            List<String> all = new ArrayList<>(List.of("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
                    "CREATE SCHEMA " + SCHEMA));
            all.addAll(List.of(INSTALL_HISTORY).stream().map(sql -> sql.formatted(history)).toList());
            return installed(connection, statement, all);
        }
    }

    /**
     * The end of the history log; -1 where it cannot be read (a revision dropped it), in a
     * transaction the caller holds without aborting it.
     */
    static long historyEnd(Connection connection) throws SQLException {
        return guarded(connection, "SELECT coalesce(pg_catalog.max(n), 0) FROM " + HISTORY_LOG, null, statement -> {
            try (ResultSet rs = statement.getResultSet()) {
                rs.next();
                return rs.getLong(1);
            }
        }, -1L);
    }

    /**
     * {@link #historySince} where only the history log is installed: null also where the log
     * cannot be read (a revision dropped it), in a transaction the caller holds without aborting it.
     */
    static List<String[]> historyOnlySince(Connection connection, String history, long position) throws SQLException {
        return guarded(connection, historySinceSql(history), position, statement -> {
            try (ResultSet rs = statement.getResultSet()) {
                return historyRows(rs);
            }
        }, null);
    }

    private interface Results<T> {
        T read(PreparedStatement statement) throws SQLException;
    }

    /** One query; in a held transaction behind a savepoint set and released in the same round trip. */
    private static <T> T guarded(Connection connection, String sql, Long parameter, Results<T> results, T failed)
            throws SQLException {
        boolean held = !connection.getAutoCommit();
        String text = behindSavepoint(held, sql);
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            if (parameter != null) {
                statement.setLong(1, parameter);
            }
            boolean result = statement.execute();
            if (held) {
                result = statement.getMoreResults();
            }
            return result ? results.read(statement) : failed;
        } catch (SQLException e) {
            undo(connection, held, 0);
            return failed;
        }
    }

    private static String historyIntact(String history) {
        return "SELECT pg_catalog.count(*) = 2 FROM pg_catalog.pg_trigger"
                + " WHERE tgrelid = pg_catalog.to_regclass('" + history.replace("'", "''")
                + "') AND tgname LIKE '" + SCHEMA + "%' AND tgenabled = 'A'";
    }

    /** The ends of the object log and the history log. */
    static long[] position(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT (SELECT coalesce(pg_catalog.max(n), 0) FROM " + TABLE + "),"
                        + " (SELECT coalesce(pg_catalog.max(n), 0) FROM " + HISTORY_LOG + ")")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /**
     * The history log's rows after a position, by their keys (as in {@link #TOUCHED}: a range on n
     * would be planned as a scan of the whole log), with whether the log's triggers are intact.
     */
    private static String historySinceSql(String history) {
        return "SELECT (" + historyIntact(history) + "), n, revision, present FROM (SELECT 0) one LEFT JOIN"
                + " (SELECT n, revision, present FROM " + HISTORY_LOG
                + " WHERE n = ANY (ARRAY(SELECT pg_catalog.generate_series(?::bigint + 1,"
                + " (SELECT coalesce(pg_catalog.max(n), 0) FROM " + HISTORY_LOG + "))))) log ON true ORDER BY n";
    }

    /**
     * The query {@link #since} sends for the history table {@code history}: the object log's state
     * and end, what it names, and the history log's new rows: three results, one round trip.
     */
    static String sinceSql(String history) {
        return SINCE + ";\n" + historySinceSql(history);
    }

    /**
     * What the history log holds after {@code position}: per row the revision and whether it is
     * now present; null when the log cannot tell (a truncation, or the triggers were changed).
     */
    static List<String[]> historySince(Connection connection, String history, long position) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(historySinceSql(history))) {
            statement.setLong(1, position);
            try (ResultSet rs = statement.executeQuery()) {
                return historyRows(rs);
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private static List<String[]> historyRows(ResultSet rs) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        while (rs.next()) {
            if (!rs.getBoolean(1)) {
                return null;
            }
            if (rs.getLong(2) != 0) {
                if (rs.getString(3) == null) {
                    return null;
                }
                rows.add(new String[] {String.valueOf(rs.getLong(2)), rs.getString(3).trim(),
                        String.valueOf(rs.getBoolean(4))});
            }
        }
        return rows;
    }

    /**
     * What was touched after {@code position}, and what the history log holds after
     * {@code historyPosition}, in one round trip; {@code sql} is {@link #sinceSql} of the history table.
     */
    static Changes since(Connection connection, String sql, long position, long historyPosition) throws SQLException {
        // in a transaction the caller holds, a failed query must not abort it: only these queries are undone
        // (the savepoint is set and released in the same round trip)
        boolean held = !connection.getAutoCommit();
        String text = behindSavepoint(held, sql);
        long end;
        List<long[]> rows = new ArrayList<>();
        List<String[]> history;
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            statement.setLong(1, position);
            statement.setLong(2, historyPosition);
            boolean result = statement.execute();
            if (held) {
                // past the savepoint's update count
                result = statement.getMoreResults();
            }
            if (!result) {
                return new Changes(position, true, List.of(), null);
            }
            try (ResultSet rs = statement.getResultSet()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return new Changes(position, true, List.of(), null);
                }
                end = rs.getLong(2);
            }
            if (!statement.getMoreResults()) {
                return new Changes(position, true, List.of(), null);
            }
            try (ResultSet rs = statement.getResultSet()) {
                if (!touchedRows(rs, rows)) {
                    return new Changes(end, true, List.of(), null);
                }
            }
            if (!statement.getMoreResults()) {
                return new Changes(end, false, rows, null);
            }
            try (ResultSet rs = statement.getResultSet()) {
                history = historyRows(rs);
            }
        } catch (SQLException e) {
            // the log table is gone (a revision dropped it): read everything, and install it again
            return undo(connection, held, position);
        }
        return new Changes(end, false, rows, history);
    }

    private static final String SAVEPOINT = "migrate_verify_since";

    /**
     * {@code sql} as sent: in a transaction the caller holds, behind a savepoint set and released in
     * the same round trip, so that a failure can be undone without aborting that transaction.
     */
    private static String behindSavepoint(boolean held, String sql) {
        return held ? "SAVEPOINT " + SAVEPOINT + ";\n" + sql + ";\nRELEASE SAVEPOINT " + SAVEPOINT : sql;
    }

    /**
     * The rows of {@link #TOUCHED_NOW}'s kind into {@code rows}; false when a snapshot must read
     * everything (a schema, an extension or a built-in object is among them).
     */
    private static boolean touchedRows(ResultSet rs, List<long[]> rows) throws SQLException {
        while (rs.next()) {
            long classId = rs.getLong(1);
            long objectId = rs.getLong(2);
            if (classId == 0 || objectId < FIRST_NORMAL_OBJECT_ID || classId == PostgresSnapshotReader.PG_NAMESPACE
                    || classId == PostgresSnapshotReader.PG_EXTENSION) {
                return false;
            }
            rows.add(new long[] {classId, objectId, rs.getLong(3), rs.getLong(4), rs.getLong(5),
                (rs.getBoolean(6) ? 1 : 0) | (rs.getBoolean(7) ? 2 : 0) | (rs.getBoolean(8) ? 4 : 0)});
        }
        return true;
    }

    /**
     * What the catalog objects {@code named} (class id, object id each) and everything depending on
     * them belong to, in the rows {@link #since} gives; null when a snapshot must read everything.
     * Needs no log: for a database where it cannot be installed (see {@link PostgresCatalogListing}).
     */
    static List<long[]> resolve(Connection connection, List<long[]> named) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(NAMED_NOW)) {
            statement.setString(1, named.stream().map(pair -> String.valueOf(pair[0]))
                    .collect(java.util.stream.Collectors.joining(",", "{", "}")));
            statement.setString(2, named.stream().map(pair -> String.valueOf(pair[1]))
                    .collect(java.util.stream.Collectors.joining(",", "{", "}")));
            try (ResultSet rs = statement.executeQuery()) {
                return touchedRows(rs, rows) ? rows : null;
            }
        }
    }

    /**
     * What {@link #resolve} gives, and the history log's rows after {@code position} as
     * {@link #historyOnlySince} gives them, in one round trip.
     *
     * @param rows null when a snapshot must read everything
     */
    record Resolved(List<long[]> rows, List<String[]> history) {
    }

    /**
     * The query {@link #resolveWithHistory} sends for the history table {@code history} (built once
     * by the caller: the driver then finds it prepared by the same text, without building it again).
     */
    static String resolveWithHistorySql(String history) {
        return NAMED_NOW + ";\n" + historySinceSql(history);
    }

    /**
     * {@link #resolve} with the history log's new rows riding along; null where the log cannot be read
     * (a revision dropped it): then nothing was read, and the caller asks the two apart. {@code sql}
     * is {@link #resolveWithHistorySql} of the history table.
     */
    static Resolved resolveWithHistory(Connection connection, List<long[]> named, String sql, long position)
            throws SQLException {
        boolean held = !connection.getAutoCommit();
        String text = behindSavepoint(held, sql);
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            statement.setString(1, named.stream().map(pair -> String.valueOf(pair[0]))
                    .collect(java.util.stream.Collectors.joining(",", "{", "}")));
            statement.setString(2, named.stream().map(pair -> String.valueOf(pair[1]))
                    .collect(java.util.stream.Collectors.joining(",", "{", "}")));
            statement.setLong(3, position);
            statement.execute();
            if (held) {
                // past the savepoint's update count
                statement.getMoreResults();
            }
            List<long[]> rows = new ArrayList<>();
            boolean whole;
            try (ResultSet rs = statement.getResultSet()) {
                whole = !touchedRows(rs, rows);
            }
            statement.getMoreResults();
            List<String[]> log;
            try (ResultSet rs = statement.getResultSet()) {
                log = historyRows(rs);
            }
            return new Resolved(whole ? null : rows, log);
        } catch (SQLException e) {
            undo(connection, held, 0);
            return null;
        }
    }

    /**
     * After a failed query: read everything; in a held transaction, first back to the savepoint
     * (the failure aborted the transaction, and the savepoint was not released).
     */
    private static Changes undo(Connection connection, boolean held, long position) throws SQLException {
        if (held) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT + "; RELEASE SAVEPOINT " + SAVEPOINT);
            }
        }
        return new Changes(position, true, List.of(), null);
    }
}
