package dev.migrate.database;

import dev.migrate.sql.Statement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers for an in-doubt DDL statement from the JDBC catalog alone: a table, column or index that a
 * statement creates exists (or one it drops is gone: a table, or an index named with its table). For products whose DDL commits on its own, so
 * that every DDL statement of a non-transactional revision may be in doubt after a crash. Anything
 * else is left to the user.
 */
public final class CatalogInDoubt {

    private static final String NAME = "((?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)(?:\\.(?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*))?)";
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?is)CREATE\\s+(?:(?:GLOBAL\\s+|LOCAL\\s+)?(?:TEMPORARY|TEMP)\\s+|CACHED\\s+|MEMORY\\s+)?TABLE\\s+"
                    + "(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + ".*");
    private static final Pattern DROP_TABLE = Pattern.compile("(?is)DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + NAME
            + "\\s*(?:CASCADE|RESTRICT)?\\s*");
    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+"
            + "(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+ON\\s+(?:ONLY\\s+)?" + NAME + ".*");
    /** The form that names its table ({@code DROP INDEX ix ON t}, MySQL's): the catalog lists indexes by table. */
    private static final Pattern DROP_INDEX_ON = Pattern.compile("(?is)DROP\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?" + NAME
            + "\\s+ON\\s+" + NAME + "\\s*");
    private static final Pattern ADD_COLUMN = Pattern.compile("(?is)ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + NAME
            + "\\s+ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+[^,]*");

    private CatalogInDoubt() {
    }

    /** What the catalog of {@code connection}'s database says about {@code statement}. */
    public static InDoubtCheck check(Connection connection, Statement statement) throws SQLException {
        String sql = statement.sql().strip();
        DatabaseMetaData meta = connection.getMetaData();
        Matcher m;
        if ((m = CREATE_TABLE.matcher(sql)).matches()) {
            Name table = Name.of(m.group(1), meta, connection);
            return tableExists(meta, table) ? InDoubtCheck.done("table " + table + " exists")
                    : InDoubtCheck.run("table " + table + " does not exist");
        }
        if ((m = DROP_TABLE.matcher(sql)).matches()) {
            Name table = Name.of(m.group(1), meta, connection);
            return tableExists(meta, table) ? InDoubtCheck.run("table " + table + " still exists")
                    : InDoubtCheck.done("table " + table + " no longer exists");
        }
        if ((m = CREATE_INDEX.matcher(sql)).matches()) {
            Name index = Name.of(m.group(1), meta, connection);
            Name table = Name.of(m.group(2), meta, connection);
            return indexExists(meta, table, index.name()) ? InDoubtCheck.done("index " + index + " exists")
                    : InDoubtCheck.run("index " + index + " does not exist");
        }
        if ((m = DROP_INDEX_ON.matcher(sql)).matches()) {
            Name index = Name.of(m.group(1), meta, connection);
            Name table = Name.of(m.group(2), meta, connection);
            return indexExists(meta, table, index.name()) ? InDoubtCheck.run("index " + index + " still exists")
                    : InDoubtCheck.done("index " + index + " no longer exists");
        }
        if ((m = ADD_COLUMN.matcher(sql)).matches() && !m.group(2).contains(".")) {
            Name table = Name.of(m.group(1), meta, connection);
            String column = Name.of(m.group(2), meta, connection).name();
            try (ResultSet rs = meta.getColumns(null, table.schema(), table.name(), column)) {
                return rs.next() ? InDoubtCheck.done("column " + table + "." + column + " exists")
                        : InDoubtCheck.run("column " + table + "." + column + " does not exist");
            }
        }
        return InDoubtCheck.ask("the plugin cannot tell from the catalog whether it completed");
    }

    private static boolean tableExists(DatabaseMetaData meta, Name table) throws SQLException {
        try (ResultSet rs = meta.getTables(null, table.schema(), table.name(), null)) {
            return rs.next();
        }
    }

    private static boolean indexExists(DatabaseMetaData meta, Name table, String index) throws SQLException {
        try (ResultSet rs = meta.getIndexInfo(null, table.schema(), table.name(), false, true)) {
            while (rs.next()) {
                if (index.equals(rs.getString("INDEX_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A possibly schema-qualified name as the catalog stores it. */
    private record Name(String schema, String name) {

        static Name of(String written, DatabaseMetaData meta, Connection connection) throws SQLException {
            String[] parts = written.split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            String schema = parts.length == 2 ? fold(parts[0], meta) : connection.getSchema();
            return new Name(schema, fold(parts[parts.length - 1], meta));
        }

        private static String fold(String part, DatabaseMetaData meta) throws SQLException {
            if (part.startsWith("\"")) {
                return part.substring(1, part.length() - 1);
            }
            return meta.storesUpperCaseIdentifiers() ? part.toUpperCase(Locale.ROOT) : part.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return schema == null ? name : schema + "." + name;
        }
    }
}
