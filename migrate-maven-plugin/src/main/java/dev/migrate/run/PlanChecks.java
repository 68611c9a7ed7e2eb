package dev.migrate.run;

import dev.migrate.common.Finding;
import dev.migrate.database.Dialect;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.lint.NewEnumValues;
import dev.migrate.lint.NoTransactionStatements;
import dev.migrate.revision.Section;
import dev.migrate.revision.Revision;
import dev.migrate.sql.Statement;
import dev.migrate.sql.NoTransactionStatement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** What refuses a plan while planning, before any statement of it runs. */
public final class PlanChecks {

    private PlanChecks() {
    }

    /**
     * Refuses transactional revisions that contain their own transaction control, or a statement
     * the database refuses inside a transaction ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM},
     * ...), which would fail only once the revisions before it were committed.
     *
     * @param dialect the database the plan is for
     * @param serverMajorVersion its server's major version, 0 when not known (no connection yet)
     * @throws TransactionControlException naming every transaction-control statement with its file and line
     * @throws RefusedInTransactionException naming every statement the database refuses in a transaction
     */
    public static void check(Plan plan, Dialect dialect, int serverMajorVersion) {
        List<Finding> control = new ArrayList<>();
        List<Finding> refused = new ArrayList<>();
        for (Revision revision : plan.steps()) {
            if (!revision.transactional()) {
                continue;
            }
            Section section = plan.direction() == Direction.UP ? revision.upgrade() : revision.downgrade();
            List<Statement> statements = section.statements();
            Map<Statement, NewEnumValues.Use> enumUses = new IdentityHashMap<>();
            if (dialect.newEnumValueNeedsCommit()) {
                NewEnumValues.usedBeforeCommit(statements).forEach(use -> enumUses.put(use.statement(), use));
            }
            for (Statement statement : statements) {
                if (section.syntax().isTransactionControl(statement)) {
                    control.add(Finding.problem(revision.file(), statement.line(), "'" + firstLine(statement.sql())
                            + "' in a transactional revision would end the plugin's own transaction"));
                    continue;
                }
                NewEnumValues.Use use = enumUses.get(statement);
                if (use != null) {
                    refused.add(Finding.problem(revision.file(), statement.line(), use.problem(revision.id()) + "; "
                            + NewEnumValues.FIX));
                }
                NoTransactionStatement kind = NoTransactionStatements.of(statement.sql(), section.syntax()).orElse(null);
                if (kind != null && dialect.refusesInTransaction(kind, serverMajorVersion)) {
                    refused.add(Finding.problem(revision.file(), statement.line(), dialect.displayName() + " refuses "
                            + kind.label() + " inside a transaction, and revision " + revision.id() + " runs in one;"
                            + " add '-- transactional: false' to its header"));
                }
            }
        }
        if (!control.isEmpty()) {
            // the other refusals of the same plan are named too, so one run shows every problem
            throw new TransactionControlException(control, refused);
        }
        if (!refused.isEmpty()) {
            throw new RefusedInTransactionException(refused);
        }
    }

    private static String firstLine(String sql) {
        int newline = sql.indexOf('\n');
        return newline < 0 ? sql : sql.substring(0, newline) + " ...";
    }
}
