package dev.migrate.sql;

import java.util.List;

/**
 * Splits SQL text into statements following PostgreSQL's (psql's) lexical rules.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    /**
     * Splits {@code text}, whose first line is file line {@code firstLine}.
     *
     * @throws UnterminatedSqlException when a string, quoted identifier, dollar quote or block
     *     comment is still open at the end of the text (carries the line where it was opened)
     */
    public static List<Statement> split(String text, int firstLine) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Whether the statement is top-level transaction control (BEGIN, START TRANSACTION, COMMIT,
     * END, ROLLBACK, ABORT, PREPARE TRANSACTION ...), which would end the plugin's own transaction.
     * {@code ROLLBACK TO SAVEPOINT}, {@code SAVEPOINT} and {@code RELEASE} are not.
     */
    public static boolean isTransactionControl(Statement statement) {
        throw new UnsupportedOperationException("TODO");
    }
}
