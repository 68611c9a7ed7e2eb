package dev.migrate.database.h2;

import dev.migrate.database.FullReadSeries;
import dev.migrate.database.SnapshotSeries;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.sql.SqlToken;
import dev.migrate.sql.StatementSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * H2 snapshots that cost what changed, for an H2 database in this process (in memory or a file
 * opened here). H2 keeps no log of DDL, but it can print any table as the DDL that recreates it,
 * comments, constraints and indexes included. So after a full read each snapshot:
 * <ol>
 * <li>takes the tables and views the statements run since the previous one can reach: every
 * relation named by a word of theirs (before or after they ran), the table of every index or
 * constraint they name, every table whose foreign keys reference one of those, and every view;</li>
 * <li>prints each of them again and compares the text with what it printed when that relation was
 * last read: the same text (or a text seen before, as when a downgrade undid an upgrade) reuses what
 * was read then, a relation gone leaves the snapshot, and only the others are read from
 * INFORMATION_SCHEMA, by name;</li>
 * <li>reads the whole catalog instead whenever a statement can change what it does not name, or
 * what this series does not follow by name: schemas, domains, {@code CASCADE}, Java functions and
 * triggers (a database holding any reads in full each time), {@code CALL}, {@code RUNSCRIPT},
 * synonyms, constants, users and rights; sequences are read again whenever a statement names one.</li>
 * </ol>
 * Where the database is not in this process (a TCP server), or H2's classes are not those this
 * was written for, every snapshot reads the whole catalog, compared by what changed.
 *
 * <p>Longer than most classes: the reach, the prints and the patching share the series' state
 * (units, prints, owners, references), which one class keeps consistent.
 */
final class H2SnapshotSeries implements SnapshotSeries {

    /** Words after which the next snapshot reads everything. */
    private static final Set<String> READ_ALL = Set.of("schema", "schema_search_path", "domain", "cascade", "call",
            "runscript", "script", "alias", "trigger", "constant", "synonym", "aggregate", "user", "role", "grant",
            "revoke", "materialized", "objects", "catalog", "linked", "execute", "shutdown", "checkpoint", "backup");

    /** Words after which the sequences are read again. */
    private static final Set<String> SEQUENCE_WORDS = Set.of("sequence", "sequences");

    private final H2SnapshotReader reader;
    private final String historySchema;
    private final String historyTable;
    private final FullReadSeries fallback;
    private boolean inProcess = true;

    private SchemaSnapshot current;
    private boolean readAll = true;
    private int fullReads;
    private boolean readSequences;
    /** The words of the statements run since the last snapshot, as H2 may store them as names. */
    private final Set<String> names = new HashSet<>();

    /** What each unit contributed to {@link #current}. */
    private final Map<String, SchemaSnapshot.Builder> units = new HashMap<>();
    /** Relation unit -> how H2 printed it when it was last read. */
    private final Map<String, String> printed = new HashMap<>();
    /** Relation unit -> every print seen for it -> what was read then. */
    private final Map<String, Map<String, SchemaSnapshot.Builder>> seen = new HashMap<>();
    /** Table name -> relation units of that name. */
    private final Map<String, Set<String>> relationsNamed = new HashMap<>();
    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, Set<String>> referencedBy = new HashMap<>();
    private final Set<String> views = new HashSet<>();

    private H2SnapshotSeries(H2SnapshotReader reader, String historySchema, String historyTable) {
        this.reader = reader;
        this.historySchema = historySchema;
        this.historyTable = historyTable;
        this.fallback = new FullReadSeries(connection -> reader.read(connection, historySchema, historyTable));
    }

    static SnapshotSeries create(H2SnapshotReader reader, String historySchema, String historyTable) {
        return new H2SnapshotSeries(reader, historySchema, historyTable);
    }

    @Override
    public void ran(String sql) {
        if (readAll) {
            return;
        }
        for (SqlToken token : StatementSplitter.tokens(sql, dev.migrate.database.h2.H2Syntax.INSTANCE)) {
            if (!token.word()) {
                continue;
            }
            String word = token.text();
            String lower = word.toLowerCase(Locale.ROOT);
            if (READ_ALL.contains(lower)) {
                readAll = true;
                return;
            }
            readSequences |= SEQUENCE_WORDS.contains(lower);
            names.add(word);
            names.add(word.toUpperCase(Locale.ROOT));
        }
    }

    @Override
    public void unknownChanges() {
        readAll = true;
    }

    @Override
    public SchemaSnapshot next(Connection connection, boolean full) throws SQLException {
        if (!inProcess) {
            return fallback.next(connection, full);
        }
        try {
            org.h2.engine.SessionLocal session = session(connection);
            if (session == null || full || readAll || current == null || hasCode(session)) {
                return readAll(connection, session);
            }
            return readChanged(connection, session);
        } catch (LinkageError | ClassCastException e) {
            // another H2 than the one this was written for: read everything, every time
            inProcess = false;
            return fallback.next(connection, true);
        } finally {
            names.clear();
            readSequences = false;
        }
    }

    private SchemaSnapshot readAll(Connection connection, org.h2.engine.SessionLocal session) throws SQLException {
        fullReads++;
        H2Units read = new H2Units();
        reader.read(connection, historySchema, historyTable, null, read);
        units.clear();
        printed.clear();
        seen.clear();
        relationsNamed.clear();
        owners.clear();
        referencedBy.clear();
        views.clear();
        remember(read, session);
        current = read.snapshot();
        readAll = session == null;
        if (session == null) {
            inProcess = false;
        }
        return current;
    }

    private SchemaSnapshot readChanged(Connection connection, org.h2.engine.SessionLocal session) throws SQLException {
        Changes changes = compare(session, reach(session));
        H2Units read = readUnknown(connection, changes);
        if (readSequences) {
            rereadSequences(connection, read, changes.changed());
        }
        if (changes.changed().isEmpty()) {
            return current;
        }
        return apply(changes, read);
    }

    /** The relations the statements since the last snapshot may have touched: by name, by owner, by reference, and every view. */
    private Set<String> reach(org.h2.engine.SessionLocal session) {
        Set<String> reach = new HashSet<>(views);
        for (String name : names) {
            reach.addAll(relationsNamed.getOrDefault(name, Set.of()));
            String owner = owners.get(name);
            if (owner != null) {
                reach.add(owner);
            }
            for (org.h2.schema.Schema schema : session.getDatabase().getAllSchemasNoMeta()) {
                org.h2.table.Table table = schema.findTableOrView(session, name);
                if (table != null) {
                    reach.add(H2Units.relation(schema.getName(), table.getName()));
                }
            }
        }
        for (String relation : List.copyOf(reach)) {
            reach.addAll(referencedBy.getOrDefault(relation, Set.of()));
        }
        return reach;
    }

    /**
     * What the reached relations' prints say: the units that changed (null for a relation that is
     * gone, a unit seen before under the same print, or not yet read) with their new prints, and
     * those whose print is new and must be read from the catalog.
     */
    private record Changes(Map<String, SchemaSnapshot.Builder> changed, Map<String, String> prints,
            Map<String, String> toRead) {
    }

    private Changes compare(org.h2.engine.SessionLocal session, Set<String> reach) {
        Changes changes = new Changes(new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (String relation : reach) {
            if (isHistory(relation)) {
                continue;
            }
            String now = print(session, relation);
            String before = printed.get(relation);
            if (now == null ? before == null && !units.containsKey(relation) : now.equals(before)) {
                continue;
            }
            changes.prints().put(relation, now);
            SchemaSnapshot.Builder known = now == null ? null : seen.getOrDefault(relation, Map.of()).get(now);
            if (now == null || known != null) {
                changes.changed().put(relation, known);
            } else {
                changes.toRead().put(relation, now);
            }
        }
        return changes;
    }

    /** Reads the relations whose print is new from the catalog, and counts them as changed. */
    private H2Units readUnknown(Connection connection, Changes changes) throws SQLException {
        H2Units read = new H2Units();
        if (!changes.toRead().isEmpty()) {
            Set<String> tables = new HashSet<>();
            changes.toRead().keySet().forEach(relation -> tables.add(H2Units.names(relation)[1]));
            reader.read(connection, historySchema, historyTable, tables, read);
            for (String relation : changes.toRead().keySet()) {
                // a relation H2 prints but INFORMATION_SCHEMA does not show reads as empty
                changes.changed().put(relation, read.units.getOrDefault(relation, SchemaSnapshot.builder()));
            }
        }
        return read;
    }

    /** Sequences have no print: every one is read again and replaces those known. */
    private void rereadSequences(Connection connection, H2Units read, Map<String, SchemaSnapshot.Builder> changed)
            throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            reader.sequences(statement, read);
        }
        units.keySet().stream().filter(unit -> unit.charAt(0) == H2Units.SEQUENCE).forEach(unit -> changed.put(unit, null));
        read.units.forEach((unit, entries) -> {
            if (unit.charAt(0) == H2Units.SEQUENCE) {
                changed.put(unit, entries);
            }
        });
    }

    /** Patches the current snapshot with the changed units and remembers them under their prints. */
    private SchemaSnapshot apply(Changes changes, H2Units read) {
        Map<String, SchemaSnapshot.Builder> changed = changes.changed();
        Map<DbObject, String> objectChanges = new HashMap<>();
        Map<DbObject, List<String>> orderChanges = new HashMap<>();
        // what the units held goes first, then what they hold now, so an object that moved stays
        for (String unit : changed.keySet()) {
            SchemaSnapshot.Builder before = units.get(unit);
            if (before != null) {
                before.collectedObjects().keySet().forEach(object -> objectChanges.put(object, null));
                before.collectedOrder().keySet().forEach(table -> orderChanges.put(table, null));
            }
        }
        changed.forEach((unit, now) -> {
            if (now != null) {
                objectChanges.putAll(now.collectedObjects());
                orderChanges.putAll(now.collectedOrder());
            }
        });
        changed.forEach((unit, now) -> {
            if (now == null) {
                forget(unit);
            } else {
                units.put(unit, now);
            }
        });
        changed.forEach((unit, now) -> {
            if (now != null && changes.prints().get(unit) != null) {
                learn(unit, changes.prints().get(unit), now);
            }
        });
        read.owners.forEach(owners::put);
        read.referencedBy.forEach((referenced, referencing) ->
                referencedBy.computeIfAbsent(referenced, k -> new HashSet<>()).addAll(referencing));
        current = current.patched(objectChanges, orderChanges);
        return current;
    }

    /** How many snapshots read the whole catalog (for tests). */
    int fullReads() {
        return fullReads;
    }

    /** Keeps what a full read found, with each relation's print. */
    private void remember(H2Units read, org.h2.engine.SessionLocal session) {
        units.putAll(read.units);
        owners.putAll(read.owners);
        read.referencedBy.forEach((referenced, referencing) -> referencedBy.put(referenced, new HashSet<>(referencing)));
        if (session == null) {
            return;
        }
        read.units.forEach((unit, entries) -> {
            if (unit.charAt(0) == H2Units.RELATION) {
                String now = print(session, unit);
                if (now != null) {
                    learn(unit, now, entries);
                }
            }
        });
    }

    private void learn(String relation, String print, SchemaSnapshot.Builder entries) {
        printed.put(relation, print);
        seen.computeIfAbsent(relation, k -> new HashMap<>()).put(print, entries);
        relationsNamed.computeIfAbsent(H2Units.names(relation)[1], k -> new HashSet<>()).add(relation);
        if (print.startsWith("CREATE FORCE VIEW") || print.startsWith("CREATE VIEW")) {
            views.add(relation);
        }
    }

    private void forget(String relation) {
        units.remove(relation);
        printed.remove(relation);
        views.remove(relation);
    }

    private boolean isHistory(String relation) {
        String[] names = H2Units.names(relation);
        return names[0].equals(historySchema) && (names[1].equals(historyTable) || names[1].equals(historyTable + "_LOCK"));
    }

    /** The in-process session behind {@code connection}, or null when the database runs elsewhere. */
    private static org.h2.engine.SessionLocal session(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(org.h2.jdbc.JdbcConnection.class)) {
            return null;
        }
        org.h2.engine.Session session = connection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
        return session instanceof org.h2.engine.SessionLocal local ? local : null;
    }

    /** Whether the database holds Java code (functions, triggers) that may change anything when it runs. */
    private static boolean hasCode(org.h2.engine.SessionLocal session) {
        for (org.h2.schema.Schema schema : session.getDatabase().getAllSchemasNoMeta()) {
            if (!schema.getAllTriggers().isEmpty() || !schema.getAllFunctionsAndAggregates().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The relation as H2 prints it to recreate it: its columns with types, defaults and comments,
     * then its indexes and constraints (those of other tables that reference it included); null
     * when it does not exist.
     */
    private static String print(org.h2.engine.SessionLocal session, String relation) {
        String[] names = H2Units.names(relation);
        org.h2.schema.Schema schema = session.getDatabase().findSchema(names[0]);
        org.h2.table.Table table = schema == null ? null : schema.findTableOrView(session, names[1]);
        if (table == null) {
            return null;
        }
        String create = table.getCreateSQL();
        if (create == null) {
            // H2 cannot print it: a print never seen before makes it read every time
            return table.getClass().getName() + " " + System.nanoTime();
        }
        StringBuilder print = new StringBuilder(create);
        List<String> parts = new ArrayList<>();
        if (table.getIndexes() != null) {
            for (org.h2.index.Index index : table.getIndexes()) {
                String sql = index.getCreateSQL();
                if (sql != null) {
                    parts.add(sql);
                }
            }
        }
        if (table.getConstraints() != null) {
            for (org.h2.constraint.Constraint constraint : table.getConstraints()) {
                parts.add(constraint.getCreateSQL() + " COMMENT " + constraint.getComment());
            }
        }
        parts.sort(null);
        parts.forEach(part -> print.append('\n').append(part));
        return print.toString();
    }
}
