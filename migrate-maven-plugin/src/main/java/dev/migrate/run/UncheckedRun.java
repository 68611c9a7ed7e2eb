package dev.migrate.run;

import dev.migrate.database.Database;
import dev.migrate.database.Identifier;
import dev.migrate.graph.Plan;
import dev.migrate.history.AppliedRevision;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Plans run in a database nobody else uses (verify's and autogenerate's scratch databases): no
 * lock, no checks against the files, and a journal that is not strict about rows a revision
 * removed. The history table is written by the same {@link HistoryJournal} a real run uses.
 */
public final class UncheckedRun {

    private UncheckedRun() {
    }

    /** The rows of the history table in {@code database}, or empty when it has none. */
    public static Optional<List<AppliedRevision>> readHistoryIfExists(Database database, Identifier schema,
            Identifier table) throws SQLException {
        HistoryTable history = new HistoryTable(database, schema, table);
        return history.exists() ? Optional.of(history.read()) : Optional.empty();
    }

    /** The history table's name as the plugin writes it into SQL. */
    public static String historyTableName(Identifier schema, Identifier table) {
        return HistoryTable.qualifiedName(schema, table);
    }

    /** Creates the history table in {@code database} unless it exists (verify's scratch database). */
    public static void createHistoryTable(Database database, Identifier schema, Identifier table) throws SQLException {
        new HistoryTable(database, schema, table).createIfMissing();
    }

    /**
     * Runs {@code plan} in {@code database} with no lock and no checks.
     *
     * @throws StatementFailedException when a statement fails
     */
    public static void run(Database database, Identifier schema, Identifier table, Plan plan) throws SQLException {
        run(database, schema, table, plan, StatementObserver.NONE);
    }

    /** As {@link #run(Database, Identifier, Identifier, Plan)}, telling {@code observer} about each statement. */
    public static void run(Database database, Identifier schema, Identifier table, Plan plan,
            StatementObserver observer) throws SQLException {
        run(database, schema, table, plan, observer, List.of());
    }

    /**
     * As {@link #run(Database, Identifier, Identifier, Plan, StatementObserver)}, and then {@code after}
     * (statements that return no rows, such as {@link dev.migrate.database.Dialect#resetTexts}) in the
     * round trip of the last revision's commit, where that revision's statements, history write and
     * commit go in one batch, in a transaction of their own.
     *
     * @return whether {@code after} ran and was committed; false where it did not go or failed
     */
    public static boolean run(Database database, Identifier schema, Identifier table, Plan plan,
            StatementObserver observer, List<String> after) throws SQLException {
        HistoryTable history = new HistoryTable(database, schema, table);
        PlanRunner runner = new PlanRunner(database, HistoryJournal.forScratch(history), RunListener.SILENT, observer)
                .afterLastCommit(after);
        runner.run(plan);
        return runner.sentAfterLastCommit();
    }

    /**
     * As {@link #run(Database, Identifier, Identifier, Plan, StatementObserver)}, in the transaction
     * the caller opened on {@code database} (its auto-commit off) and keeps open: nothing is
     * committed, and a failed statement rolls the whole transaction back. Transactional revisions
     * only, on a database whose DDL is transactional.
     */
    public static void runHeld(Database database, Identifier schema, Identifier table, Plan plan,
            StatementObserver observer) throws SQLException {
        HistoryTable history = new HistoryTable(database, schema, table);
        new PlanRunner(database, HistoryJournal.forScratch(history), RunListener.SILENT, observer, true,
                PlanRunner.Checkpoints.NONE).run(plan);
    }
}
