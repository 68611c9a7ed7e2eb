package dev.migrate.autogenerate;

import dev.migrate.database.DdlWriter;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import dev.migrate.schema.SchemaSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Two snapshots in, the ordered changes between them out: for each difference the SQL that makes it
 * and the SQL that undoes it, or a TODO saying why it cannot be written. One small planner per
 * kind of object; {@link Step} puts their statements in dependency order.
 */
public final class ChangePlanner {

    private ChangePlanner() {
    }

    /** The changes that turn {@code head} into {@code desired}, and back. */
    public static SchemaChanges plan(SchemaSnapshot head, SchemaSnapshot desired, DdlWriter writer) {
        return plan(head, desired, SequenceOwners.NONE, SequenceOwners.NONE, writer);
    }

    static SchemaChanges plan(SchemaSnapshot head, SchemaSnapshot desired, SequenceOwners headOwners,
            SequenceOwners desiredOwners, DdlWriter writer) {
        Context context = new Context(head, desired, headOwners, desiredOwners, writer);
        ObjectPlanner objects = new ObjectPlanner(context);
        objects.schemasAndExtensions();
        objects.sequences();
        new TypePlanner(context).plan();
        TablePlanner tables = new TablePlanner(context);
        tables.plan();
        new KeyedIdentities(context).combine();
        new IndexSwaps(context).combine();
        new ReferencedKeys(context).readd();
        new ViewPlanner(context, tables).plan();
        objects.routines();
        objects.triggers();
        objects.statistics();
        comments(context);
        positions(context);
        return UniqueIndexesBeforeKeys.of(new SchemaChanges(context.changes));
    }

    private static void comments(Context c) {
        DdlWriter w = c.writer;
        for (DbObject comment : c.keys(Kind.COMMENT)) {
            String before = c.before(comment);
            String after = c.after(comment);
            DbObject upTarget = target(comment, c.desired);
            DbObject downTarget = target(comment, c.head);
            List<String> up = List.of();
            List<String> down = List.of();
            if (upTarget != null) {
                boolean existed = target(comment, c.head) != null;
                if (after != null && (!after.equals(before) || c.recreatedUp.contains(upTarget) || !existed)) {
                    up = List.of(w.comment(comment.name(), after));
                } else if (after == null && before != null && !c.recreatedUp.contains(upTarget)) {
                    up = List.of(w.comment(comment.name(), null));
                }
            }
            if (downTarget != null) {
                boolean exists = target(comment, c.desired) != null;
                if (before != null && (!before.equals(after) || c.recreatedDown.contains(downTarget) || !exists)) {
                    down = List.of(w.comment(comment.name(), before));
                } else if (before == null && after != null && !c.recreatedDown.contains(downTarget)) {
                    down = List.of(w.comment(comment.name(), null));
                }
            }
            if (!up.isEmpty() || !down.isEmpty()) {
                c.add(Change.of(comment, "comment on " + comment.name(), Step.COMMENT, up, Step.COMMENT, down));
            }
        }
    }

    /** The object a comment is on, when {@code snapshot} has it; null when it does not. */
    static DbObject target(DbObject comment, SchemaSnapshot snapshot) {
        String phrase = comment.name();
        String schema = comment.schema();
        for (Kind kind : List.of(Kind.CONSTRAINT, Kind.TRIGGER)) {
            String prefix = kind.label() + " ";
            if (phrase.startsWith(prefix)) {
                String rest = phrase.substring(prefix.length());
                int on = rest.indexOf(" on ");
                DbObject key = new DbObject(kind, schema, rest.substring(on + 4), rest.substring(0, on));
                return snapshot.objects().containsKey(key) ? key : null;
            }
        }
        for (Kind kind : List.of(Kind.MATERIALIZED_VIEW, Kind.TABLE, Kind.VIEW, Kind.SEQUENCE, Kind.TYPE, Kind.DOMAIN,
                Kind.FUNCTION, Kind.PROCEDURE, Kind.INDEX, Kind.SCHEMA, Kind.COLUMN)) {
            String prefix = kind.label() + " ";
            if (!phrase.startsWith(prefix)) {
                continue;
            }
            String rest = local(phrase.substring(prefix.length()), schema, kind);
            DbObject key = switch (kind) {
                case SCHEMA -> new DbObject(kind, null, null, rest);
                case COLUMN -> new DbObject(kind, schema, rest.substring(0, rest.lastIndexOf('.')),
                        rest.substring(rest.lastIndexOf('.') + 1));
                case INDEX -> snapshot.objects().keySet().stream().filter(o -> o.kind() == Kind.INDEX
                        && Objects.equals(o.schema(), schema) && o.name().equals(rest)).findFirst().orElse(null);
                default -> new DbObject(kind, schema, null, rest);
            };
            return key != null && snapshot.objects().containsKey(key) ? key : null;
        }
        return null;
    }

    private static String local(String name, String schema, Kind kind) {
        if (kind != Kind.SCHEMA && schema != null && !DbObject.isDefaultSchema(schema) && name.startsWith(schema + ".")) {
            return name.substring(schema.length() + 1);
        }
        return name;
    }

    /** Whether {@code change} is only the TODO about the order of existing columns. */
    static boolean isColumnOrder(Change change) {
        return change.isTodo() && change.up().isEmpty() && change.summary().startsWith(COLUMN_ORDER);
    }

    private static final String COLUMN_ORDER = "column order of ";

    /** Columns that stay but come in another order cannot be moved without rebuilding the table. */
    private static void positions(Context c) {
        for (DbObject table : c.keys(Kind.TABLE)) {
            List<String> before = c.head.columnOrder().get(table);
            List<String> after = c.desired.columnOrder().get(table);
            if (before == null || after == null) {
                continue;
            }
            Set<String> shared = new java.util.HashSet<>(before);
            shared.retainAll(after);
            if (!before.stream().filter(shared::contains).toList().equals(after.stream().filter(shared::contains)
                    .toList())) {
                c.add(Change.todo(table, COLUMN_ORDER + c.name(table), "the columns (" + String.join(", ", after)
                        + ") come in another order than the revisions make them (" + String.join(", ", before)
                        + "); " + c.writer.columnOrderAdvice()));
            }
        }
    }
}
