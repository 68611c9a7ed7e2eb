package dev.migrate.run;

import dev.migrate.common.Finding;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.sql.Statement;
import dev.migrate.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.List;

/** What refuses a plan while planning, before any statement of it runs. */
public final class PlanChecks {

    private PlanChecks() {
    }

    /**
     * Refuses transactional revisions that contain their own transaction control.
     *
     * @throws TransactionControlException naming every such statement with its file and line
     */
    public static void check(Plan plan) {
        List<Finding> problems = new ArrayList<>();
        for (Revision revision : plan.steps()) {
            if (!revision.transactional()) {
                continue;
            }
            List<Statement> statements = (plan.direction() == Direction.UP ? revision.upgrade() : revision.downgrade())
                    .statements();
            for (Statement statement : statements) {
                if (StatementSplitter.isTransactionControl(statement)) {
                    problems.add(Finding.problem(revision.file(), statement.line(), "'" + firstLine(statement.sql())
                            + "' in a transactional revision would end the plugin's own transaction"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new TransactionControlException(problems);
        }
    }

    private static String firstLine(String sql) {
        int newline = sql.indexOf('\n');
        return newline < 0 ? sql : sql.substring(0, newline) + " ...";
    }
}
