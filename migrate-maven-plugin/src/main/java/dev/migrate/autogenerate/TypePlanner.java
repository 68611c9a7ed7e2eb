package dev.migrate.autogenerate;

import dev.migrate.database.ColumnSpec;
import dev.migrate.database.DdlWriter;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import dev.migrate.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Enum, composite and range types, and domains. An enum that only gains values gets
 * {@code ADD VALUE}; one that loses or reorders values is rebuilt: renamed, created anew, its
 * columns converted through text, the old type dropped.
 */
final class TypePlanner {

    private final Context c;
    private final DdlWriter w;

    TypePlanner(Context context) {
        this.c = context;
        this.w = context.writer;
    }

    void plan() {
        for (DbObject type : c.keys(Kind.TYPE)) {
            String before = c.before(type);
            String after = c.after(type);
            String label = "type " + c.name(type);
            if (before == null) {
                c.add(checked(type, "create " + label, Step.TYPE, create(c.desired, type, after), Step.DROP_TYPE,
                        w.dropType(c.name(type))));
            } else if (after == null) {
                c.add(checked(type, "drop " + label, Step.DROP_TYPE, w.dropType(c.name(type)), Step.TYPE,
                        create(c.head, type, before)));
            } else if (before.startsWith("ENUM") && after.startsWith("ENUM") && !before.equals(after)) {
                enumChange(type, labels(before), labels(after));
            } else if (!before.equals(after) || attributesDiffer(type)) {
                c.add(Change.todo(type, label, "its definition changes (" + before + " -> " + after
                        + "); types used by columns cannot be replaced in place, write the change by hand"));
            }
        }
        for (DbObject domain : c.keys(Kind.DOMAIN)) {
            domain(domain);
        }
    }

    private Change checked(DbObject object, String summary, Step upStep, String up, Step downStep, String down) {
        if (up == null || down == null) {
            return Change.todo(object, summary, "this database has no such type");
        }
        return Change.of(object, summary, upStep, List.of(up), downStep, List.of(down));
    }

    private boolean attributesDiffer(DbObject type) {
        return !Context.columns(c.head, type).equals(Context.columns(c.desired, type));
    }

    private String create(SchemaSnapshot snapshot, DbObject type, String definition) {
        if (definition.startsWith("ENUM")) {
            return w.createEnum(c.name(type), labels(definition));
        }
        if (definition.startsWith("RANGE")) {
            return w.createRange(c.name(type), definition);
        }
        List<String> attributes = new ArrayList<>();
        Context.columns(snapshot, type).forEach((name, column) -> attributes.add(w.column(name,
                ColumnSpec.parse(column), null)));
        return w.createComposite(c.name(type), attributes);
    }

    /** The quoted labels of "ENUM ('a', 'b, c')", each still a literal. */
    static List<String> labels(String definition) {
        String inner = definition.substring(definition.indexOf('(') + 1, definition.lastIndexOf(')'));
        List<String> labels = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < inner.length(); i++) {
            char ch = inner.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            }
            if (ch == ',' && !quoted) {
                labels.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        if (!current.toString().isBlank()) {
            labels.add(current.toString().strip());
        }
        return labels;
    }

    private void enumChange(DbObject type, List<String> before, List<String> after) {
        String name = c.name(type);
        List<String> up;
        if (after.containsAll(before) && after.stream().filter(before::contains).toList().equals(before)) {
            up = new ArrayList<>();
            for (int i = 0; i < after.size(); i++) {
                if (!before.contains(after.get(i))) {
                    String next = after.subList(i + 1, after.size()).stream().filter(before::contains).findFirst()
                            .orElse(null);
                    up.add(w.addEnumValue(name, after.get(i), next));
                }
            }
        } else {
            up = rebuild(type, c.head, after);
            c.recreatedUp.add(type);
        }
        List<String> down = rebuild(type, c.desired, before);
        c.recreatedDown.add(type);
        Change change = Change.of(type, "change enum " + name, Step.TYPE, up, Step.TYPE, down);
        String warning = lostValues(name, before, after, "upgrade", c.head);
        String downWarning = lostValues(name, after, before, "downgrade", c.desired);
        if (warning != null || downWarning != null) {
            change = change.withWarning(warning == null ? downWarning : downWarning == null ? warning : warning + "; "
                    + downWarning);
        }
        c.add(change);
    }

    /**
     * The warning for values an enum loses going {@code from} to {@code to}: a row that holds one
     * fails the cast of its column, so the step fails where the rows check of verify would, or null.
     */
    private String lostValues(String name, List<String> from, List<String> to, String step, SchemaSnapshot current) {
        List<String> lost = from.stream().filter(label -> !to.contains(label)).toList();
        if (lost.isEmpty()) {
            return null;
        }
        List<String> columns = current.objects().entrySet().stream()
                .filter(e -> e.getKey().kind() == Kind.COLUMN && current.objects().containsKey(Context.table(e.getKey())))
                .filter(e -> ColumnSpec.parse(e.getValue()).type().replace("[]", "").equals(name))
                .map(e -> c.name(Context.table(e.getKey())) + "." + w.quote(e.getKey().name())).sorted().toList();
        return "the " + step + " removes " + String.join(", ", lost) + " from enum " + name + ": a row that holds "
                + (lost.size() == 1 ? "it" : "one of them") + (columns.isEmpty() ? "" : " (in " + String.join(", ",
                columns) + ")") + " makes the " + step + " fail, as verify's rows check would; add an UPDATE or"
                + " DELETE of those rows before the change in the " + step + " section";
    }

    /**
     * Rebuilds enum {@code type} with {@code labels} while the columns of {@code current} use it:
     * values an enum loses cannot be removed in place.
     */
    private List<String> rebuild(DbObject type, SchemaSnapshot current, List<String> labels) {
        String name = c.name(type);
        String old = type.name() + "_old";
        List<String> sql = new ArrayList<>();
        sql.add(w.renameType(name, old));
        sql.add(w.createEnum(name, labels));
        for (Map.Entry<DbObject, String> entry : current.objects().entrySet()) {
            DbObject column = entry.getKey();
            if (column.kind() != Kind.COLUMN || !current.objects().containsKey(Context.table(column))) {
                continue;
            }
            String columnType = ColumnSpec.parse(entry.getValue()).type();
            boolean array = columnType.equals(name + "[]");
            if (!columnType.equals(name) && !array) {
                continue;
            }
            c.reshapedTables.add(Context.table(column));
            String table = c.name(Context.table(column));
            String defaultValue = current.objects().get(new DbObject(Kind.DEFAULT, column.schema(), column.owner(),
                    column.name()));
            if (defaultValue != null) {
                sql.add(w.dropDefault(table, column.name()));
            }
            sql.add("ALTER TABLE " + table + " ALTER COLUMN " + w.quote(column.name()) + " TYPE " + columnType
                    + " USING " + w.quote(column.name()) + "::text" + (array ? "[]" : "") + "::" + columnType);
            if (defaultValue != null) {
                sql.add(w.setDefault(table, column.name(), defaultValue));
            }
        }
        sql.add(w.dropType(w.name(type.schema(), old)));
        return sql;
    }

    private void domain(DbObject domain) {
        String before = c.before(domain);
        String after = c.after(domain);
        String name = c.name(domain);
        if (before == null) {
            c.add(checked(domain, "create domain " + name, Step.DOMAIN, w.createDomain(name, after,
                    constraints(c.desired, domain)), Step.DROP_DOMAIN, w.dropDomain(name)));
            return;
        }
        if (after == null) {
            c.add(checked(domain, "drop domain " + name, Step.DROP_DOMAIN, w.dropDomain(name), Step.DOMAIN,
                    w.createDomain(name, before, constraints(c.head, domain))));
            return;
        }
        if (!before.equals(after)) {
            c.add(Change.todo(domain, "domain " + name, "its definition changes (" + before + " -> " + after
                    + "); write ALTER DOMAIN by hand"));
        }
        for (DbObject constraint : c.keys(Kind.CONSTRAINT)) {
            DbObject owner = constraint.parent();
            if (owner == null || !owner.equals(domain)) {
                continue;
            }
            String from = c.before(constraint);
            String to = c.after(constraint);
            if (Objects.equals(from, to)) {
                continue;
            }
            List<String> up = new ArrayList<>();
            List<String> down = new ArrayList<>();
            if (from != null) {
                up.add(w.dropDomainConstraint(name, constraint.name()));
                down.add(0, w.addDomainConstraint(name, constraint.name(), from));
            }
            if (to != null) {
                up.add(w.addDomainConstraint(name, constraint.name(), to));
                down.add(0, w.dropDomainConstraint(name, constraint.name()));
            }
            c.add(Change.of(constraint, "change constraint " + constraint.name() + " on domain " + name,
                    Step.DOMAIN, up, Step.DOMAIN, down));
        }
    }

    private List<String> constraints(SchemaSnapshot snapshot, DbObject domain) {
        List<String> clauses = new ArrayList<>();
        snapshot.objects().forEach((object, definition) -> {
            if (object.kind() == Kind.CONSTRAINT && domain.equals(object.parent()) && !definition.startsWith("NOT NULL")) {
                clauses.add(w.constraintClause(object.name(), definition));
            }
        });
        return clauses;
    }
}
