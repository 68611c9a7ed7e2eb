package dev.migrate.run;

import dev.migrate.lint.NoTransactionStatements;
import dev.migrate.sql.NoTransactionStatement;
import dev.migrate.sql.SqlSyntax;
import dev.migrate.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What each statement of a run is, when some database refuses it in a transaction, and whether it
 * may go in a batch: read once per statement and kept, so the runner (which transaction a
 * statement shares) and the resumption (how to tell whether a started statement completed) go by
 * the same answer, and a revision that runs again reads nothing again.
 */
final class StatementKinds {

    private final SqlSyntax syntax;
    private final Predicate<Statement> batches;
    private final Map<Statement, Optional<NoTransactionStatement>> kinds = new HashMap<>();
    private final Map<Statement, Boolean> batchable = new HashMap<>();

    StatementKinds(SqlSyntax syntax) {
        this(syntax, statement -> false);
    }

    /** {@code batches}: the database's answer to whether a statement may go in a batch. */
    StatementKinds(SqlSyntax syntax, Predicate<Statement> batches) {
        this.syntax = syntax;
        this.batches = batches;
    }

    /** The kind of {@code statement}, if it is one a database refuses in a transaction. */
    Optional<NoTransactionStatement> of(Statement statement) {
        return kinds.computeIfAbsent(statement, s -> NoTransactionStatements.of(s.sql(), syntax));
    }

    /** Whether {@code statement} may go in a batch with the other statements of its revision. */
    boolean batches(Statement statement) {
        return batchable.computeIfAbsent(statement, batches::test);
    }
}
