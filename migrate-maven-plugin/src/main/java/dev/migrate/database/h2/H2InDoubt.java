package dev.migrate.database.h2;

import dev.migrate.database.CatalogInDoubt;
import dev.migrate.database.InDoubtCheck;
import dev.migrate.sql.Statement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a resume can tell of an H2 DDL statement that ran outside a transaction (H2 commits DDL on
 * its own) and was never recorded as done: the catalog's tables, columns and indexes, and an index a
 * {@code DROP INDEX} names without its table, looked up in H2's own information schema.
 */
final class H2InDoubt {

    private static final Pattern DROP_INDEX = Pattern.compile(
            "(?is)DROP\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?(?:([A-Za-z_][A-Za-z0-9_]*)\\.)?([A-Za-z_][A-Za-z0-9_]*)\\s*");

    private H2InDoubt() {
    }

    static InDoubtCheck check(Connection connection, Statement statement) throws SQLException {
        Matcher m = DROP_INDEX.matcher(statement.sql().strip());
        if (!m.matches()) {
            return CatalogInDoubt.check(connection, statement);
        }
        String schema = m.group(1) == null ? connection.getSchema() : m.group(1).toUpperCase(Locale.ROOT);
        String index = m.group(2).toUpperCase(Locale.ROOT);
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_SCHEMA = ? AND INDEX_NAME = ?")) {
            query.setString(1, schema);
            query.setString(2, index);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? InDoubtCheck.run("index " + schema + "." + index + " still exists")
                        : InDoubtCheck.done("index " + schema + "." + index + " no longer exists");
            }
        }
    }
}
