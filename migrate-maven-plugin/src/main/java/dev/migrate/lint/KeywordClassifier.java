package dev.migrate.lint;

import dev.migrate.lint.Facts.Action;
import dev.migrate.lint.Facts.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a statement's kind and objects from its leading keywords, for what JSqlParser cannot parse. */
final class KeywordClassifier {

    private static final Set<String> CREATE_MODIFIERS = Set.of("or", "replace", "unique", "temp", "temporary",
            "unlogged", "global", "local", "materialized", "recursive", "trusted", "procedural", "constraint");
    private static final Set<String> CONSTRAINT_WORDS = Set.of("constraint", "foreign", "check", "primary", "unique",
            "exclude");
    private static final Set<String> ALTER_COLUMN_WORDS = Set.of("set", "drop", "reset", "add", "restart", "options");

    private final Tokens t;
    private int i;

    private KeywordClassifier(Tokens tokens) {
        this.t = tokens;
    }

    static Facts classify(Tokens tokens) {
        return new KeywordClassifier(tokens).run();
    }

    private Facts run() {
        switch (t.at(0)) {
            case "create":
                return create();
            case "drop":
                return drop();
            case "truncate":
                i = 1;
                skip("table");
                skip("only");
                return facts(Kind.TRUNCATE, nameList(), null, false, List.of());
            case "reindex":
                boolean outside = t.contains(0, t.size(), "concurrently")
                        || t.contains(0, t.size(), "database") || t.contains(0, t.size(), "system")
                        || t.contains(0, t.size(), "schema");
                return facts(Kind.REINDEX, List.of(), null, outside, List.of());
            case "vacuum":
                return facts(Kind.VACUUM, List.of(), null, false, List.of());
            case "alter":
                return alter();
            default:
                return facts(Kind.OTHER, List.of(), null, false, List.of());
        }
    }

    private Facts create() {
        i = 1;
        while (CREATE_MODIFIERS.contains(t.at(i))) {
            i++;
        }
        String what = t.at(i++);
        switch (what) {
            case "index": {
                boolean concurrently = skip("concurrently");
                skip("if", "not", "exists");
                List<String> names = t.at(i).equals("on") ? List.of() : listOf(qualifiedName());
                skip("on");
                skip("only");
                return facts(Kind.CREATE_INDEX, names, qualifiedName(), concurrently, List.of());
            }
            case "table":
                skip("if", "not", "exists");
                return facts(Kind.CREATE_TABLE, listOf(qualifiedName()), null, false, List.of());
            case "database":
                return facts(Kind.CREATE_DATABASE, List.of(), null, false, List.of());
            case "tablespace":
                return facts(Kind.TABLESPACE, List.of(), null, false, List.of());
            default:
                skip("if", "not", "exists");
                String name = qualifiedName();
                return facts(Kind.CREATE_OTHER, name == null ? List.of() : List.of(name), null, false, List.of());
        }
    }

    private Facts drop() {
        i = 1;
        String what = t.at(i++);
        if (what.equals("materialized")) {
            skip("view");
        }
        boolean concurrently = skip("concurrently");
        skip("if", "exists");
        switch (what) {
            case "table":
                return facts(Kind.DROP_TABLE, nameList(), null, false, List.of());
            case "index":
                return facts(Kind.DROP_INDEX, nameList(), null, concurrently, List.of());
            case "database":
                return facts(Kind.DROP_DATABASE, List.of(), null, false, List.of());
            case "tablespace":
                return facts(Kind.TABLESPACE, List.of(), null, false, List.of());
            default:
                return facts(Kind.DROP_OTHER, nameList(), null, false, List.of());
        }
    }

    private Facts alter() {
        if (t.matches(1, "system")) {
            return facts(Kind.ALTER_SYSTEM, List.of(), null, false, List.of());
        }
        if (t.matches(1, "type") && t.contains(2, t.size(), "add", "value")) {
            return facts(Kind.ALTER_TYPE_ADD_VALUE, List.of(), null, false, List.of());
        }
        if (!t.matches(1, "table")) {
            return facts(Kind.OTHER, List.of(), null, false, List.of());
        }
        i = 2;
        skip("if", "exists");
        skip("only");
        String table = qualifiedName();
        skip("*");
        List<Action> actions = new ArrayList<>();
        List<Integer> parts = t.topLevelParts(i, t.size());
        for (int p = 0; p + 1 < parts.size(); p++) {
            actions.add(action(parts.get(p), parts.get(p + 1)));
        }
        return facts(Kind.ALTER_TABLE, table == null ? List.of() : List.of(table), null, false, actions);
    }

    private Action action(int from, int to) {
        i = from;
        String verb = t.at(i++);
        switch (verb) {
            case "add":
                if (CONSTRAINT_WORDS.contains(t.at(i))) {
                    boolean foreignKey = t.contains(from, to, "foreign", "key") || t.contains(from, to, "references");
                    String kind = foreignKey ? "FOREIGN KEY" : t.contains(from, to, "check") ? "CHECK" : "OTHER";
                    return new Facts.AddConstraint(kind, t.contains(from, to, "not", "valid"));
                }
                skip("column");
                skip("if", "not", "exists");
                String column = t.at(i);
                return new Facts.AddColumn(column, t.contains(i, to, "not", "null") || t.contains(i, to, "primary", "key"),
                        t.contains(i, to, "default") || t.contains(i, to, "generated"));
            case "drop":
                if (t.at(i).equals("constraint")) {
                    return new Facts.OtherAction();
                }
                skip("column");
                skip("if", "exists");
                return new Facts.DropColumn(t.at(i));
            case "rename":
                if (skip("to")) {
                    return new Facts.RenameTable(t.at(i));
                }
                if (t.at(i).equals("constraint")) {
                    return new Facts.OtherAction();
                }
                skip("column");
                String old = t.at(i++);
                skip("to");
                return new Facts.RenameColumn(old, t.at(i));
            case "alter":
                skip("column");
                String name = t.at(i++);
                if (t.at(i).equals("type") || t.matches(i, "set", "data", "type")) {
                    return new Facts.ColumnType(name);
                }
                return ALTER_COLUMN_WORDS.contains(t.at(i)) || i >= to ? new Facts.OtherAction()
                        : new Facts.ColumnType(name);
            default:
                return new Facts.OtherAction();
        }
    }

    /** A possibly qualified name at the cursor, unqualified; null when there is no word. */
    private String qualifiedName() {
        if (!t.isWord(i)) {
            return null;
        }
        String name = t.at(i++);
        while (t.at(i).equals(".") && t.isWord(i + 1)) {
            name = t.at(i + 1);
            i += 2;
        }
        return name;
    }

    private List<String> nameList() {
        List<String> names = new ArrayList<>();
        String name = qualifiedName();
        while (name != null) {
            names.add(name);
            if (!skip(",")) {
                break;
            }
            name = qualifiedName();
        }
        return names;
    }

    /** {@code name} alone, or nothing when the statement names nothing there ({@code CREATE TABLE (id int)}). */
    private static List<String> listOf(String name) {
        return name == null ? List.of() : List.of(name);
    }

    /** Moves past {@code words} when they come next. */
    private boolean skip(String... words) {
        if (t.matches(i, words)) {
            i += words.length;
            return true;
        }
        return false;
    }

    private static Facts facts(Kind kind, List<String> names, String onTable, boolean concurrently,
            List<Action> actions) {
        return new Facts(kind, names, onTable, concurrently, actions, false);
    }
}
