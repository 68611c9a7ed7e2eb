package dev.migrate.database.mysql;

import dev.migrate.database.SnapshotSeries;
import dev.migrate.database.mysql.MysqlUnits.Part;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.sql.SqlToken;
import dev.migrate.sql.StatementSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MySQL/MariaDB snapshots of verify's scratch database that cost what changed. The server keeps
 * no log of DDL, and a table's DDL cannot be rolled back, but every statement that changes a
 * relation names it: so after a full read each snapshot
 * <ol>
 * <li>lists the relations of the database by name (a directory listing for the server: no table
 * is opened), which shows those created and dropped, whatever named them;</li>
 * <li>reads again, in one query per {@code information_schema} view, the relations the statements
 * since the previous snapshot reach: every relation named by a word of theirs (before or after they
 * ran), the table of every trigger they name (an index or a constraint is named only with its
 * table), and every table whose foreign keys reference one of those (a renamed column or table changes what those keys say); every
 * routine when a statement says {@code PROCEDURE} or {@code FUNCTION};</li>
 * <li>reads everything instead when a statement can change what it does not name: {@code CALL}
 * (a procedure may run DDL), dynamic SQL ({@code PREPARE}, {@code EXECUTE}), events, databases,
 * accounts and rights, and any statement whose first word this series does not know.</li>
 * </ol>
 * Functions and triggers cannot run DDL on this server (it would commit inside a statement), so
 * data changes never change the schema; {@code AUTO_INCREMENT} counters and a sequence's next value
 * are not in the snapshot.
 */
final class MysqlSnapshotSeries implements SnapshotSeries {

    /** Tests set it to read everything at every step, the answer incremental snapshots must equal. */
    static volatile boolean readEverything;

    /** First words of statements that change nothing but what they name. */
    private static final Set<String> NAMING = Set.of("create", "alter", "drop", "rename", "truncate", "insert",
            "update", "delete", "replace", "select", "with", "values", "do", "set", "analyze", "optimize", "repair",
            "check", "checksum", "lock", "unlock", "begin", "start", "commit", "rollback", "savepoint", "release",
            "flush", "show", "describe", "desc", "explain", "comment");

    /** Words after which the next snapshot reads everything. */
    private static final Set<String> READ_ALL = Set.of("call", "prepare", "execute", "event", "database", "schema",
            "user", "role", "grant", "revoke", "server", "tablespace", "logfile", "install", "uninstall", "handler",
            "load", "import", "discard");

    /** Words after which every routine is read again. */
    private static final Set<String> ROUTINE_WORDS = Set.of("procedure", "function", "aggregate");

    /** Words that may add a part to a table, and the part. */
    private static final Map<String, Set<Part>> PART_WORDS = Map.of("trigger", EnumSet.of(Part.TRIGGERS),
            "check", EnumSet.of(Part.CHECKS), "foreign", EnumSet.of(Part.FOREIGN_KEYS),
            "references", EnumSet.of(Part.FOREIGN_KEYS), "like", EnumSet.allOf(Part.class));

    private static final String LIST = "SELECT table_name FROM information_schema.tables WHERE table_schema = ?";

    private final MysqlSnapshotReader reader;
    private final String historyTable;

    private SchemaSnapshot current;
    private MysqlUnits known;
    private boolean readAll = true;
    private boolean readRoutines;
    private int fullReads;
    private Set<String> relationsReadLast = Set.of();
    /** The words, lower-cased, of the statements run since the last snapshot. */
    private final Set<String> words = new HashSet<>();

    private Connection on;
    private String database;
    private MysqlServer server;

    MysqlSnapshotSeries(MysqlSnapshotReader reader, String historyTable) {
        this.reader = reader;
        this.historyTable = historyTable;
    }

    @Override
    public void ran(String sql) {
        if (readAll) {
            return;
        }
        boolean first = true;
        for (SqlToken token : StatementSplitter.tokens(sql, MysqlSyntax.INSTANCE)) {
            if (!token.word()) {
                first = false;
                continue;
            }
            String word = token.text().toLowerCase(Locale.ROOT);
            if (first && !NAMING.contains(word) || READ_ALL.contains(word)) {
                readAll = true;
                return;
            }
            first = false;
            readRoutines |= ROUTINE_WORDS.contains(word);
            words.add(word);
        }
    }

    @Override
    public void unknownChanges() {
        readAll = true;
    }

    @Override
    public SchemaSnapshot next(Connection connection, boolean full) throws SQLException {
        try {
            if (connection != on) {
                on = connection;
                database = MysqlRoutineReader.currentDatabase(connection);
                server = MysqlServer.of(connection);
            }
            if (full || readAll || current == null || readEverything) {
                return readAll(connection);
            }
            return readChanged(connection);
        } finally {
            words.clear();
            readRoutines = false;
        }
    }

    /** How many snapshots read the whole catalog (for tests). */
    int fullReads() {
        return fullReads;
    }

    /** The relations the last snapshot read again, when it read only some (for tests). */
    Set<String> relationsReadLast() {
        return relationsReadLast;
    }

    private SchemaSnapshot readAll(Connection connection) throws SQLException {
        fullReads++;
        MysqlUnits read = new MysqlUnits();
        reader.read(connection, database, server, historyTable, null, EnumSet.allOf(Part.class), true, read);
        known = read;
        current = read.snapshot();
        readAll = false;
        return current;
    }

    private SchemaSnapshot readChanged(Connection connection) throws SQLException {
        Reach reach = reach(connection);
        relationsReadLast = Set.copyOf(reach.present());
        if (reach.present().isEmpty() && reach.gone().isEmpty() && !readRoutines) {
            return current;
        }
        // a part no statement mentions and no reached relation held cannot be there now
        Set<Part> parts = EnumSet.noneOf(Part.class);
        for (String word : words) {
            parts.addAll(PART_WORDS.getOrDefault(word, Set.of()));
        }
        for (Set<String> relations : List.of(reach.present(), reach.gone())) {
            for (String relation : relations) {
                parts.addAll(known.parts.getOrDefault(relation, Set.of()));
            }
        }
        MysqlUnits read = new MysqlUnits();
        reader.read(connection, database, server, historyTable, reach.present(), parts, readRoutines, read);
        Set<String> changed = new HashSet<>(reach.present());
        changed.addAll(reach.gone());
        if (readRoutines) {
            changed.add(MysqlUnits.ROUTINES);
        }
        return apply(changed, read);
    }

    /** The relations to read again (as the catalog names them now), and those known that are gone. */
    private record Reach(Set<String> present, Set<String> gone) {
    }

    /** The relations the statements since the last snapshot may have changed. */
    private Reach reach(Connection connection) throws SQLException {
        Map<String, List<String>> listed = new HashMap<>();
        Reach reach = new Reach(new HashSet<>(), new HashSet<>());
        for (String[] row : MysqlQueries.rows(connection, LIST, database, 1)) {
            String relation = row[0];
            if (relation.equals(historyTable)) {
                continue;
            }
            listed.computeIfAbsent(relation.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(relation);
            if (!known.units.containsKey(relation)) {
                reach.present().add(relation); // new, whatever named it
            }
        }
        Set<String> reachedNames = new HashSet<>();
        for (String word : words) {
            if (listed.containsKey(word)) {
                reach.present().addAll(listed.get(word));
                reachedNames.add(word);
            }
        }
        for (String relation : known.units.keySet()) {
            if (relation.equals(MysqlUnits.ROUTINES)) {
                continue;
            }
            String lower = relation.toLowerCase(Locale.ROOT);
            if (!listed.getOrDefault(lower, List.of()).contains(relation)) {
                reach.gone().add(relation);
                reachedNames.add(lower);
            } else if (words.contains(lower) || !disjoint(known.owned.get(relation), words)) {
                reach.present().add(relation);
                reachedNames.add(lower);
            }
        }
        // a key that references a reached table says what that table is called now, and its columns
        known.references.forEach((relation, referenced) -> {
            if (!disjoint(referenced, reachedNames) && !reach.gone().contains(relation)) {
                reach.present().add(relation);
            }
        });
        return reach;
    }

    private static boolean disjoint(Set<String> names, Set<String> others) {
        if (names == null) {
            return true;
        }
        for (String name : names) {
            if (others.contains(name)) {
                return false;
            }
        }
        return true;
    }

    /** Replaces what the {@code changed} units held with what was read of them (nothing for those gone). */
    private SchemaSnapshot apply(Set<String> changed, MysqlUnits read) {
        Map<DbObject, String> objectChanges = new HashMap<>();
        Map<DbObject, List<String>> orderChanges = new HashMap<>();
        Set<String> units = changed;
        // what the units held goes first, then what they hold now, so an object that moved stays
        for (String unit : units) {
            SchemaSnapshot.Builder before = known.units.get(unit);
            if (before != null) {
                before.collectedObjects().keySet().forEach(object -> objectChanges.put(object, null));
                before.collectedOrder().keySet().forEach(table -> orderChanges.put(table, null));
            }
        }
        for (String unit : units) {
            SchemaSnapshot.Builder now = read.units.get(unit);
            if (now != null) {
                objectChanges.putAll(now.collectedObjects());
                orderChanges.putAll(now.collectedOrder());
                known.units.put(unit, now);
            } else {
                known.units.remove(unit);
            }
            known.owned.remove(unit);
            known.references.remove(unit);
            known.parts.remove(unit);
        }
        known.owned.putAll(read.owned);
        known.references.putAll(read.references);
        known.parts.putAll(read.parts);
        current = current.patched(objectChanges, orderChanges);
        return current;
    }
}
