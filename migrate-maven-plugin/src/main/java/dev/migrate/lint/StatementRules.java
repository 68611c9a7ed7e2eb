package dev.migrate.lint;

import dev.migrate.sql.NoTransactionStatement;
import java.util.Set;

/** The per-statement rules: what one statement does, judged on its own and against what earlier revisions created. */
final class StatementRules {

    private static final String NO_TRANSACTION_FIX = "mark the revision '-- transactional: false' (and keep such"
            + " statements in a revision of their own)";

    private StatementRules() {
    }

    /** Rules for a statement of the upgrade section. */
    static void upgrade(Linter.RevisionFindings out, int line, Facts f, Set<String> createdHere,
            Set<String> createdEarlier, LintConfig config) {
        anySection(out, line, f, config);
        switch (f.kind()) {
            case DROP_TABLE:
                out.add(Rule.DESTRUCTIVE_UPGRADE, line, "DROP TABLE " + String.join(", ", f.names())
                        + " deletes the table and its data for good", acknowledge(Rule.DESTRUCTIVE_UPGRADE,
                                "make sure the data is no longer needed (or copied elsewhere)"));
                break;
            case TRUNCATE:
                out.add(Rule.DESTRUCTIVE_UPGRADE, line, "TRUNCATE " + String.join(", ", f.names())
                        + " deletes every row for good", acknowledge(Rule.DESTRUCTIVE_UPGRADE,
                                "make sure the rows are no longer needed"));
                break;
            case CREATE_INDEX:
                if (!f.concurrently() && f.onTable() != null && createdEarlier.contains(f.onTable())
                        && !createdHere.contains(f.onTable())) {
                    out.add(Rule.INDEX_WITHOUT_CONCURRENTLY, line, "CREATE INDEX on " + f.onTable() + " (created by an"
                            + " earlier revision, so it may be large and in use) blocks writes to it while the index"
                            + " builds", "write CREATE INDEX CONCURRENTLY in a revision marked"
                                    + " '-- transactional: false'");
                }
                break;
            case ALTER_TABLE:
                alterTable(out, line, f, createdHere);
                break;
            default:
                break;
        }
    }

    private static void alterTable(Linter.RevisionFindings out, int line, Facts f, Set<String> createdHere) {
        String table = f.table();
        boolean existing = table == null || !createdHere.contains(table);
        for (Facts.Action action : f.actions()) {
            if (action instanceof Facts.DropColumn drop) {
                out.add(Rule.DESTRUCTIVE_UPGRADE, line, "DROP COLUMN " + drop.column() + " on " + table
                        + " deletes the column's data for good", acknowledge(Rule.DESTRUCTIVE_UPGRADE,
                                "stop reading the column in a release before, and make sure its data is not needed"));
            } else if (action instanceof Facts.AddColumn add && existing && add.notNull() && !add.hasDefault()) {
                out.add(Rule.NOT_NULL_WITHOUT_DEFAULT, line, "adding NOT NULL column " + add.column() + " without a"
                        + " default to existing table " + table + " fails as soon as the table has a row",
                        "give it a DEFAULT, or add it nullable, fill it, and SET NOT NULL in a later revision");
            } else if (action instanceof Facts.AddConstraint constraint && existing && !constraint.notValid()
                    && !constraint.kind().equals("OTHER")) {
                out.add(Rule.CONSTRAINT_WITHOUT_NOT_VALID, line, "adding a " + constraint.kind() + " constraint to"
                        + " existing table " + table + " checks every row while holding a lock that blocks writes",
                        "add it with NOT VALID, then ALTER TABLE " + table + " VALIDATE CONSTRAINT <name> in a later"
                                + " revision");
            } else if (action instanceof Facts.RenameColumn rename) {
                out.add(Rule.RENAME, line, "renaming column " + rename.from() + " of " + table + " to " + rename.to()
                        + " breaks every running client that still uses the old name",
                        acknowledge(Rule.RENAME, "add the new column (or a view) first and switch the code over"));
            } else if (action instanceof Facts.RenameTable rename) {
                out.add(Rule.RENAME, line, "renaming table " + table + " to " + rename.to() + " breaks every running"
                        + " client that still uses the old name", acknowledge(Rule.RENAME,
                                "create the new table (or a view with the old name) and switch the code over"));
            } else if (action instanceof Facts.ColumnType type && existing) {
                out.add(Rule.COLUMN_TYPE_CHANGE, line, "changing the type of " + table + "." + type.column()
                        + " may rewrite the whole table under an exclusive lock", acknowledge(Rule.COLUMN_TYPE_CHANGE,
                                "add a new column of the new type, fill it, and switch over"));
            }
        }
    }

    /** Rules for a statement of either section: statements PostgreSQL refuses in a transaction. */
    static void anySection(Linter.RevisionFindings out, int line, Facts f, LintConfig config) {
        if (!f.parsed()) {
            out.add(Rule.UNPARSED_STATEMENT, line, "JSqlParser cannot parse this statement, so lint read only its"
                    + " keywords", "nothing to do; add '-- lint-ignore: unparsed-statement' to silence it");
        }
        String what = refusedInTransaction(f, config);
        if (what != null && out.revision().transactional()) {
            out.add(Rule.CONCURRENTLY_IN_TRANSACTION, line, "PostgreSQL refuses " + what + " inside a transaction"
                    + " block, and this revision runs in one", NO_TRANSACTION_FIX);
        }
    }

    /** What the statement is, when PostgreSQL refuses to run it in a transaction block; else null. */
    static String refusedInTransaction(Facts f, LintConfig config) {
        NoTransactionStatement statement = NoTransactionStatements.of(f).orElse(null);
        if (statement == null) {
            return null;
        }
        if (!statement.refusedOn(config.postgresVersion())) {
            return null;
        }
        return statement.acceptedFrom() == 0 ? statement.label() : statement.label() + " before version "
                + statement.acceptedFrom() + " (migrate.lint.postgresVersion is " + config.postgresVersion() + ")";
    }

    private static String acknowledge(Rule rule, String advice) {
        return advice + "; then acknowledge it with '-- lint-ignore: " + rule.id() + "'";
    }
}
