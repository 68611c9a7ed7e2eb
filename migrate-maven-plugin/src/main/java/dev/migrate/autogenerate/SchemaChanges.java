package dev.migrate.autogenerate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ordered changes between two schemas, and the two revision sections they make: every
 * statement in its step, TODOs as comments naming the object and the reason.
 */
public record SchemaChanges(List<Change> changes) {

    public SchemaChanges {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public List<Change> todos() {
        return changes.stream().filter(Change::isTodo).toList();
    }

    /** One statement of a section and the change it belongs to. */
    public record Placed(Change change, String sql) {
    }

    /** The upgrade statements in run order (TODOs left out). */
    public List<Placed> upgrade() {
        return placed(true);
    }

    /** The downgrade statements in run order (TODOs left out). */
    public List<Placed> downgrade() {
        return placed(false);
    }

    private List<Placed> placed(boolean up) {
        Comparator<Change> order = up ? Comparator.comparing(Change::upStep).thenComparingInt(Change::upRank)
                : Comparator.comparing(Change::downStep).thenComparingInt(Change::downRank);
        List<Placed> statements = new ArrayList<>();
        changes.stream().filter(c -> !c.isTodo()).sorted(order)
                .forEach(c -> c.statements(up).forEach(sql -> statements.add(new Placed(c, sql))));
        return statements;
    }

    /** The text below {@code -- upgrade}. */
    public String upgradeText() {
        return text(upgrade(), true);
    }

    /** The text below {@code -- downgrade}. */
    public String downgradeText() {
        return text(downgrade(), false);
    }

    private String text(List<Placed> statements, boolean up) {
        StringBuilder out = new StringBuilder();
        for (Change todo : todos()) {
            out.append("-- TODO ").append(todo.summary()).append(": ").append(oneLine(todo.todo())).append('\n');
            for (String sql : up ? todo.up() : todo.down()) {
                sql.lines().forEach(line -> out.append("--   ").append(line).append('\n'));
            }
        }
        if (!todos().isEmpty() && !statements.isEmpty()) {
            out.append('\n');
        }
        for (Placed statement : statements) {
            out.append(statement.sql().strip()).append(";\n");
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
