package dev.migrate.lint;

import dev.migrate.revision.Section;
import dev.migrate.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The rules whose advice holds on MySQL and MariaDB only (declared so in {@link Rule}): an ALTER
 * that may copy an existing table, data changes beside DDL that commits on its own, and the
 * three-byte {@code utf8}. Read from the statements' words, as the product's syntax splits them.
 */
final class MysqlRules {

    /** ALTER TABLE actions the server carries out by copying the table (or rebuilding it) whatever it is asked. */
    private static final Set<String> COPYING = Set.of("modify", "change", "convert", "engine", "force", "order");

    /** Statements that change rows and do not commit on their own. */
    private static final Set<String> DATA = Set.of("insert", "update", "delete", "replace");

    /** Statements after which the server commits: DDL. */
    private static final Set<String> DDL = Set.of("create", "alter", "drop", "rename", "truncate");

    private MysqlRules() {
    }

    /** Rules for one statement of the upgrade, on a table {@code createdHere} does not hold. */
    static void upgradeStatement(Linter.RevisionFindings out, int line, Tokens t, Facts f, Set<String> createdHere) {
        if (f.kind() != Facts.Kind.ALTER_TABLE || f.table() == null || createdHere.contains(f.table())
                || t.contains(0, t.size(), "algorithm")) {
            return;
        }
        List<Integer> parts = t.topLevelParts(start(t), t.size());
        for (int k = 0; k + 1 < parts.size(); k++) {
            int at = parts.get(k);
            String word = t.at(at);
            boolean copies = COPYING.contains(word) || (word.equals("add") || word.equals("drop"))
                    && t.matches(at + 1, "primary", "key");
            if (copies) {
                out.add(Rule.ALTER_MAY_COPY, line, "ALTER TABLE " + f.table() + " (" + word + " ...) may copy the whole"
                        + " table, blocking writes to it until the copy is done: the server picks the algorithm"
                        + " itself", "add ALGORITHM=INPLACE, LOCK=NONE (or ALGORITHM=INSTANT) to the statement, so"
                                + " the server refuses it instead of copying; run a change it refuses with an online"
                                + " schema change tool or when writes may wait, then acknowledge it with"
                                + " '-- lint-ignore: " + Rule.ALTER_MAY_COPY.id() + "'");
                return;
            }
        }
    }

    /** The first token after {@code ALTER [ONLINE|IGNORE] TABLE name}. */
    private static int start(Tokens t) {
        int i = 1;
        while (t.at(i).equals("online") || t.at(i).equals("ignore")) {
            i++;
        }
        i += 2; // TABLE and the name
        while (t.at(i).equals(".")) {
            i += 2;
        }
        return i;
    }

    /** Rules for a whole section: data changes beside DDL, and utf8. */
    static void section(Linter.RevisionFindings out, Section section, String name) {
        List<Statement> statements = section.statements();
        int firstData = -1;
        int firstDdl = -1;
        for (Statement statement : statements) {
            Tokens t = Tokens.of(statement.sql(), section.syntax());
            String first = t.at(0);
            if (firstData < 0 && DATA.contains(first)) {
                firstData = statement.line();
            } else if (firstDdl < 0 && DDL.contains(first) && !t.matches(1, "temporary")) {
                firstDdl = statement.line();
            }
            utf8(out, statement.line(), t);
        }
        if (firstData >= 0 && firstDdl >= 0) {
            out.add(Rule.IMPLICIT_COMMIT, firstData, "the " + name + " changes data (line " + firstData + ") and runs DDL"
                    + " (line " + firstDdl + "), which MySQL and MariaDB commit on their own: the " + name + " is not"
                    + " one transaction, and one that fails halfway leaves what ran before the failure in place",
                    "move the data changes to a revision of their own (which runs in one transaction with its history"
                            + " row), or make each statement safe to run again; then acknowledge it with"
                            + " '-- lint-ignore: " + Rule.IMPLICIT_COMMIT.id() + "'");
        }
    }

    private static void utf8(Linter.RevisionFindings out, int line, Tokens t) {
        for (int i = 0; i < t.size(); i++) {
            String word = t.at(i);
            if (t.isWord(i) && (word.equals("utf8") || word.equals("utf8mb3") || word.startsWith("utf8_")
                    || word.startsWith("utf8mb3_"))) {
                out.add(Rule.UTF8_THREE_BYTE, line, word + " is the three-byte utf8 (utf8mb3): characters outside"
                        + " the Basic Multilingual Plane, such as emoji, are refused or cut off",
                        "write utf8mb4 (and a utf8mb4_ collation) instead");
                return;
            }
        }
    }
}
