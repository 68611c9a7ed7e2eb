package dev.migrate.database.postgres;

import dev.migrate.database.CatalogInDoubt;
import dev.migrate.database.InDoubtCheck;
import dev.migrate.sql.NoTransactionStatement;
import dev.migrate.sql.Statement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a resume can tell of a PostgreSQL statement that ran outside a transaction and was never
 * recorded as done. Only statements PostgreSQL refuses in a transaction get here: an index built
 * concurrently is done when it exists and is valid (an interrupted build leaves an invalid one,
 * which must be dropped before the statement can run again); an index dropped concurrently is done
 * when it is gone; VACUUM and REINDEX change nothing when repeated.
 */
final class PostgresInDoubt {

    private static final String NAME = "((?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)(?:\\.(?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*))?)";
    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+ON\\s.*");
    private static final Pattern DROP_INDEX = Pattern.compile("(?is)DROP\\s+INDEX\\s+CONCURRENTLY\\s+"
            + "(?:IF\\s+EXISTS\\s+)?" + NAME + "\\s*(?:CASCADE|RESTRICT)?\\s*");

    private PostgresInDoubt() {
    }

    static InDoubtCheck check(Connection connection, Statement statement, Optional<NoTransactionStatement> kind)
            throws SQLException {
        String sql = statement.sql().strip();
        Matcher m;
        if ((m = CREATE_INDEX.matcher(sql)).matches()) {
            String index = m.group(1);
            Optional<Boolean> valid = indexValid(connection, index);
            if (valid.isEmpty()) {
                return InDoubtCheck.run("index " + index + " does not exist");
            }
            return valid.get() ? InDoubtCheck.done("index " + index + " exists and is valid")
                    : InDoubtCheck.ask("index " + index + " exists but is invalid (its build was interrupted): drop it"
                            + " with DROP INDEX CONCURRENTLY " + index + " and run again with -Dmigrate.resume=rerun");
        }
        if ((m = DROP_INDEX.matcher(sql)).matches()) {
            String index = m.group(1);
            return indexValid(connection, index).isEmpty() ? InDoubtCheck.done("index " + index + " no longer exists")
                    : InDoubtCheck.run("index " + index + " still exists");
        }
        if (kind.isPresent() && (kind.get() == NoTransactionStatement.VACUUM
                || kind.get() == NoTransactionStatement.REINDEX_CONCURRENTLY)) {
            return InDoubtCheck.run(kind.get().label() + " changes nothing when it runs again");
        }
        return CatalogInDoubt.check(connection, statement);
    }

    /** Whether the index {@code name} (as written in SQL) is valid; empty when there is none. */
    private static Optional<Boolean> indexValid(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT i.indisvalid FROM pg_catalog.pg_index i WHERE i.indexrelid = pg_catalog.to_regclass(?)")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
            }
        }
    }
}
