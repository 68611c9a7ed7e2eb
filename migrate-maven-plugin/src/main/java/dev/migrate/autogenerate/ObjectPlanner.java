package dev.migrate.autogenerate;

import dev.migrate.database.DdlWriter;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import dev.migrate.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Schemas, extensions, sequences, functions and procedures, and triggers. */
final class ObjectPlanner {

    private final Context c;
    private final DdlWriter w;

    ObjectPlanner(Context context) {
        this.c = context;
        this.w = context.writer;
    }

    void schemasAndExtensions() {
        for (DbObject schema : c.keys(Kind.SCHEMA)) {
            String name = w.quote(schema.name());
            if (c.added(schema)) {
                c.add(Change.of(schema, "create schema " + name, Step.CREATE_SCHEMA, List.of(w.createSchema(schema.name())),
                        Step.DROP_SCHEMA, List.of(w.dropSchema(schema.name()))));
            } else if (c.removed(schema)) {
                c.add(Change.of(schema, "drop schema " + name, Step.DROP_SCHEMA, List.of(w.dropSchema(schema.name())),
                        Step.CREATE_SCHEMA, List.of(w.createSchema(schema.name()))));
            }
        }
        for (DbObject extension : c.keys(Kind.EXTENSION)) {
            String name = w.quote(extension.name());
            String create = c.after(extension) != null ? w.createExtension(extension.name(), c.after(extension)) : null;
            String recreate = c.before(extension) != null ? w.createExtension(extension.name(), c.before(extension))
                    : null;
            String drop = w.dropExtension(extension.name());
            if (c.added(extension)) {
                c.add(create == null ? Change.todo(extension, "create extension " + name, "this database has no extensions")
                        : Change.of(extension, "create extension " + name, Step.CREATE_EXTENSION, List.of(create),
                                Step.DROP_EXTENSION, List.of(drop)));
            } else if (c.removed(extension)) {
                c.add(recreate == null ? Change.todo(extension, "drop extension " + name, "this database has no extensions")
                        : Change.of(extension, "drop extension " + name, Step.DROP_EXTENSION, List.of(drop),
                                Step.CREATE_EXTENSION, List.of(recreate)));
            } else if (c.changed(extension)) {
                c.add(Change.todo(extension, "extension " + name, "its version or schema changes (" + c.before(extension)
                        + " -> " + c.after(extension) + "); write ALTER EXTENSION " + name + " UPDATE or SET SCHEMA"));
            }
        }
    }

    void sequences() {
        for (DbObject sequence : c.keys(Kind.SEQUENCE)) {
            if (c.headOwners.isIdentity(sequence) || c.desiredOwners.isIdentity(sequence)) {
                continue; // an identity column's sequence comes and goes with the column
            }
            String name = c.name(sequence);
            if (c.added(sequence)) {
                List<String> up = new ArrayList<>(List.of(w.createSequence(name, c.after(sequence))));
                c.add(Change.of(sequence, "create sequence " + name, Step.SEQUENCE, up, Step.DROP_SEQUENCE,
                        droppedWithOwner(sequence, c.desiredOwners, c.head) ? List.of()
                                : List.of(w.dropSequence(name))));
                owner(sequence, c.desiredOwners);
            } else if (c.removed(sequence)) {
                c.add(Change.of(sequence, "drop sequence " + name, Step.DROP_SEQUENCE,
                        droppedWithOwner(sequence, c.headOwners, c.desired) ? List.of() : List.of(w.dropSequence(name)),
                        Step.SEQUENCE, List.of(w.createSequence(name, c.before(sequence)))));
                ownerOnDowngrade(sequence);
            } else if (c.changed(sequence)) {
                c.add(Change.of(sequence, "alter sequence " + name, Step.SEQUENCE,
                        List.of(w.alterSequence(name, c.after(sequence))), Step.SEQUENCE,
                        List.of(w.alterSequence(name, c.before(sequence)))));
            }
        }
    }

    /** Whether the column owning {@code sequence} is gone in {@code other}, taking the sequence with it. */
    private static boolean droppedWithOwner(DbObject sequence, SequenceOwners owners, SchemaSnapshot other) {
        SequenceOwners.Owner owner = owners.of(sequence);
        return owner != null && !other.objects().containsKey(new DbObject(Kind.COLUMN, owner.table().schema(),
                owner.table().name(), owner.column()));
    }

    private void owner(DbObject sequence, SequenceOwners owners) {
        SequenceOwners.Owner owner = owners.of(sequence);
        if (owner != null) {
            String sql = w.sequenceOwner(c.name(sequence), c.name(owner.table()), owner.column());
            if (sql != null) {
                c.add(Change.of(sequence, "sequence " + c.name(sequence) + " owned by its column", Step.SEQUENCE_OWNER,
                        List.of(sql), Step.SEQUENCE_OWNER, List.of()));
            }
        }
    }

    private void ownerOnDowngrade(DbObject sequence) {
        SequenceOwners.Owner owner = c.headOwners.of(sequence);
        if (owner != null) {
            String sql = w.sequenceOwner(c.name(sequence), c.name(owner.table()), owner.column());
            if (sql != null) {
                c.add(Change.of(sequence, "sequence " + c.name(sequence) + " owned by its column", Step.SEQUENCE_OWNER,
                        List.of(), Step.SEQUENCE_OWNER, List.of(sql)));
            }
        }
    }

    void routines() {
        for (Kind kind : List.of(Kind.FUNCTION, Kind.PROCEDURE)) {
            for (DbObject routine : c.keys(kind)) {
                routine(routine, kind == Kind.PROCEDURE);
            }
        }
    }

    private void routine(DbObject routine, boolean procedure) {
        String before = c.before(routine);
        String after = c.after(routine);
        if (Objects.equals(before, after)) {
            return;
        }
        String signature = signature(routine);
        String label = (procedure ? "procedure " : "function ") + signature;
        String definition = after != null ? after : before;
        if (!definition.startsWith("CREATE")) {
            c.add(Change.todo(routine, label, "aggregates and window functions are not written by autogenerate;"
                    + " write CREATE AGGREGATE by hand"));
            return;
        }
        String drop = w.dropRoutine(signature, procedure);
        if (drop == null) {
            c.add(Change.todo(routine, label, "this database's routines are not written by autogenerate"));
            return;
        }
        // one a column default calls must be there before its table, and stay until the table is gone
        boolean sqlBefore = before != null && isSqlBody(before) && !calledByDefault(c.head, routine);
        boolean sqlAfter = after != null && isSqlBody(after) && !calledByDefault(c.desired, routine);
        Step createAfter = sqlAfter ? Step.CREATE_SQL_ROUTINE : Step.CREATE_ROUTINE;
        Step createBefore = sqlBefore ? Step.CREATE_SQL_ROUTINE : Step.CREATE_ROUTINE;
        Step dropBefore = sqlBefore ? Step.DROP_SQL_ROUTINE : Step.DROP_ROUTINE;
        Step dropAfter = sqlAfter ? Step.DROP_SQL_ROUTINE : Step.DROP_ROUTINE;
        if (before == null) {
            c.add(Change.of(routine, "create " + label, createAfter, List.of(w.createRoutine(after)), dropAfter,
                    List.of(drop)));
        } else if (after == null) {
            c.add(Change.of(routine, "drop " + label, dropBefore, List.of(drop), createBefore,
                    List.of(w.createRoutine(before))));
        } else if (returns(before).equals(returns(after))) {
            // CREATE OR REPLACE keeps the routine's identity, so triggers and views on it stay
            c.add(Change.of(routine, "replace " + label, createAfter, List.of(w.createRoutine(after)), createBefore,
                    List.of(w.createRoutine(before))));
        } else {
            c.recreatedUp.add(routine);
            c.recreatedDown.add(routine);
            c.add(Change.of(routine, "drop " + label + " (created again below)", dropBefore, List.of(drop),
                    createBefore, List.of(w.createRoutine(before))));
            c.add(Change.of(routine, "create " + label + " again", createAfter, List.of(w.createRoutine(after)),
                    dropAfter, List.of(drop)));
        }
    }

    private String signature(DbObject routine) {
        int paren = routine.name().indexOf('(');
        return w.name(routine.schema(), routine.name().substring(0, paren)) + routine.name().substring(paren);
    }

    /**
     * Whether a column default in {@code snapshot} calls {@code routine} (by its name, maybe with its
     * schema): such a routine is created before the tables and dropped after them, as a routine
     * whose body is not checked against the tables is, for a table's default cannot be written
     * without it (a SQL body that names a table created later then fails the proof, and says so).
     */
    private static boolean calledByDefault(SchemaSnapshot snapshot, DbObject routine) {
        String name = routine.name().substring(0, routine.name().indexOf('('));
        Pattern call = Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(name) + "\"?\\s*\\(",
                Pattern.CASE_INSENSITIVE);
        boolean[] called = {false};
        snapshot.forEachObject((object, definition) -> {
            if (object.kind() == Kind.DEFAULT && definition != null && call.matcher(definition).find()) {
                called[0] = true;
            }
        });
        return called[0];
    }

    /** SQL-language bodies are checked against the tables when created, so they wait for the tables. */
    private static boolean isSqlBody(String definition) {
        return definition.contains("LANGUAGE sql") || definition.contains("BEGIN ATOMIC");
    }

    private static String returns(String definition) {
        int at = definition.indexOf("RETURNS ");
        return at < 0 ? "" : definition.substring(at, definition.indexOf('\n', at) < 0 ? definition.length()
                : definition.indexOf('\n', at));
    }

    void triggers() {
        for (DbObject trigger : c.keys(Kind.TRIGGER)) {
            String before = c.before(trigger);
            String after = c.after(trigger);
            DbObject table = Context.table(trigger);
            // a trigger on UPDATE OF a column blocks changing that column's type: it goes and comes back
            boolean blocks = before != null && before.contains(" UPDATE OF ") && c.reshapedTables.contains(table);
            if (Objects.equals(before, after) && !blocks) {
                continue;
            }
            String tableName = c.name(table);
            String label = "trigger " + w.quote(trigger.name()) + " on " + tableName;
            String drop = w.dropTrigger(tableName, trigger.name());
            List<String> create = after == null ? null : w.createTrigger(tableName, trigger.name(), after);
            List<String> recreate = before == null ? null : w.createTrigger(tableName, trigger.name(), before);
            if (drop == null || (after != null && create == null) || (before != null && recreate == null)) {
                c.add(Change.todo(trigger, label, "this database's triggers are not written by autogenerate"));
            } else if (before == null) {
                c.add(Change.of(trigger, "create " + label, Step.CREATE_TRIGGER, create, Step.DROP_TRIGGER,
                        Context.ownerIn(c.head, trigger) ? List.of(drop) : List.of()));
            } else if (after == null) {
                c.add(Change.of(trigger, "drop " + label, Step.DROP_TRIGGER, Context.ownerIn(c.desired, trigger)
                        ? List.of(drop) : List.of(), Step.CREATE_TRIGGER, recreate));
            } else {
                c.recreatedUp.add(trigger);
                c.recreatedDown.add(trigger);
                c.add(Change.of(trigger, "replace " + label, Step.DROP_TRIGGER, List.of(drop), Step.CREATE_TRIGGER,
                        recreate));
                c.add(Change.of(trigger, "replace " + label, Step.CREATE_TRIGGER, create, Step.DROP_TRIGGER,
                        List.of(drop)));
            }
        }
    }

    /** Extended statistics: created after their table and columns, dropped before them; a change replaces them. */
    void statistics() {
        for (DbObject statistics : c.keys(Kind.STATISTICS)) {
            String before = c.before(statistics);
            String after = c.after(statistics);
            if (Objects.equals(before, after)) {
                continue;
            }
            String name = c.name(statistics);
            String label = "statistics " + name + " on " + c.name(Context.table(statistics));
            String drop = w.dropStatistics(name);
            List<String> create = after == null ? null : w.createStatistics(after);
            List<String> recreate = before == null ? null : w.createStatistics(before);
            if (drop == null || (after != null && create == null) || (before != null && recreate == null)) {
                c.add(Change.todo(statistics, label, "this database's extended statistics are not written by autogenerate"));
            } else if (before == null) {
                c.add(Change.of(statistics, "create " + label, Step.CREATE_STATISTICS, create, Step.DROP_STATISTICS,
                        Context.ownerIn(c.head, statistics) ? List.of(drop) : List.of()));
            } else if (after == null) {
                c.add(Change.of(statistics, "drop " + label, Step.DROP_STATISTICS, Context.ownerIn(c.desired, statistics)
                        ? List.of(drop) : List.of(), Step.CREATE_STATISTICS, recreate));
            } else {
                c.add(Change.of(statistics, "replace " + label, Step.DROP_STATISTICS, List.of(drop),
                        Step.CREATE_STATISTICS, recreate));
                c.add(Change.of(statistics, "replace " + label, Step.CREATE_STATISTICS, create, Step.DROP_STATISTICS,
                        List.of(drop)));
            }
        }
    }
}
