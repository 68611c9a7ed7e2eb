package dev.migrate.lint;

import dev.migrate.lint.Facts.Kind;
import dev.migrate.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code downgrade-forgets-object} rule: every table, index, other object or column the upgrade
 * creates should be named by the downgrade, or go with a table the downgrade drops. One the upgrade
 * drops again itself (a helper procedure it calls, a scratch table) is not left behind.
 */
final class ForgottenObjects {

    private ForgottenObjects() {
    }

    static void check(Linter.RevisionFindings out, List<Statement> up, List<Facts> upFacts, List<Statement> down,
            List<Facts> downFacts) {
        Set<String> mentioned = new HashSet<>();
        Set<String> droppedTables = new HashSet<>();
        for (int k = 0; k < down.size(); k++) {
            mentioned.addAll(Tokens.of(down.get(k).sql(), out.revision().downgrade().syntax()).words());
            // an index goes with the relation it is on, a table or a materialized view alike
            if (downFacts.get(k).kind() == Kind.DROP_TABLE || downFacts.get(k).kind() == Kind.DROP_OTHER) {
                droppedTables.addAll(downFacts.get(k).names());
            }
        }
        Map<String, Integer> lastDrop = new HashMap<>();
        Map<String, Integer> lastColumnDrop = new HashMap<>();
        for (int k = 0; k < up.size(); k++) {
            Facts f = upFacts.get(k);
            if (f.kind() == Kind.DROP_TABLE || f.kind() == Kind.DROP_INDEX || f.kind() == Kind.DROP_OTHER) {
                for (String name : f.names()) {
                    lastDrop.put(name, k);
                }
            } else if (f.kind() == Kind.ALTER_TABLE) {
                for (Facts.Action action : f.actions()) {
                    if (action instanceof Facts.DropColumn drop) {
                        lastColumnDrop.put(f.table() + "." + drop.column(), k);
                    }
                }
            }
        }
        for (int k = 0; k < up.size(); k++) {
            Facts f = upFacts.get(k);
            int line = up.get(k).line();
            switch (f.kind()) {
                case CREATE_TABLE:
                case CREATE_OTHER:
                    for (String name : f.names()) {
                        report(out, line, kindName(f), name, mentioned.contains(name)
                                || droppedAfter(lastDrop, name, k));
                    }
                    break;
                case CREATE_INDEX:
                    for (String name : f.names()) {
                        report(out, line, "index", name, mentioned.contains(name) || droppedTables.contains(f.onTable())
                                || droppedAfter(lastDrop, name, k) || droppedAfter(lastDrop, f.onTable(), k));
                    }
                    break;
                case ALTER_TABLE:
                    for (Facts.Action action : f.actions()) {
                        if (action instanceof Facts.AddColumn add) {
                            report(out, line, "column " + f.table() + ".", add.column(),
                                    mentioned.contains(add.column()) || droppedTables.contains(f.table())
                                            || droppedAfter(lastColumnDrop, f.table() + "." + add.column(), k)
                                            || droppedAfter(lastDrop, f.table(), k));
                        }
                    }
                    break;
                default:
                    break;
            }
        }
    }

    /** Whether a statement of the upgrade after the {@code k}th drops {@code name} again. */
    private static boolean droppedAfter(Map<String, Integer> lastDrop, String name, int k) {
        return name != null && lastDrop.getOrDefault(name, -1) > k;
    }

    private static String kindName(Facts f) {
        return f.kind() == Kind.CREATE_TABLE ? "table" : "object";
    }

    private static void report(Linter.RevisionFindings out, int line, String what, String name, boolean mentioned) {
        if (mentioned || name == null) {
            return;
        }
        String label = what.endsWith(".") ? what + name : what + " " + name;
        out.add(Rule.DOWNGRADE_FORGETS_OBJECT, line, "the upgrade creates " + label + " but the downgrade never"
                + " mentions it, so downgrading leaves it behind", "drop it in the downgrade section");
    }
}
