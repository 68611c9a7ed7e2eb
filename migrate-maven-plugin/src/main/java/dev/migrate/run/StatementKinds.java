package dev.migrate.run;

import dev.migrate.lint.NoTransactionStatements;
import dev.migrate.sql.NoTransactionStatement;
import dev.migrate.sql.SqlSyntax;
import dev.migrate.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each statement of a run is, when some database refuses it in a transaction: read once per
 * statement and kept, so the runner (which transaction a statement shares) and the resumption
 * (how to tell whether a started statement completed) go by the same answer.
 */
final class StatementKinds {

    private final SqlSyntax syntax;
    private final Map<Statement, Optional<NoTransactionStatement>> kinds = new HashMap<>();

    StatementKinds(SqlSyntax syntax) {
        this.syntax = syntax;
    }

    /** The kind of {@code statement}, if it is one a database refuses in a transaction. */
    Optional<NoTransactionStatement> of(Statement statement) {
        return kinds.computeIfAbsent(statement, s -> NoTransactionStatements.of(s.sql(), syntax));
    }
}
