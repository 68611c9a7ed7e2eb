package dev.migrate.database.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * InnoDB's table ids, the closest MySQL and MariaDB come to PostgreSQL's OID. {@code RENAME TABLE}
 * (and {@code ALTER TABLE ... RENAME}, and an instant or in-place change) keeps a table's id; a
 * rebuild ({@code ALGORITHM=COPY}, or an in-place change that rebuilds) gives it a new one. So the
 * id follows a table through a rename, and a changed id under the same name says the table was
 * rebuilt. {@code information_schema.tables.CREATE_TIME} was no help: MariaDB reports it for the
 * table's definition file, and it changes with many ALTERs. The id is read from MariaDB's
 * {@code INNODB_SYS_TABLES} or MySQL 8's {@code INNODB_TABLES}; both need the PROCESS privilege,
 * and without it every table is known by its name only (ids 0).
 */
final class MysqlTableIds {

    /** MariaDB's view first, then MySQL 8's. */
    private static final List<String> VIEWS = List.of("information_schema.innodb_sys_tables",
            "information_schema.innodb_tables");

    private MysqlTableIds() {
    }

    static String currentDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT DATABASE()")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * The id of each InnoDB table of {@code database}, by table name; empty when the server does
     * not show them to this user. Names InnoDB stores encoded (characters outside letters, digits
     * and {@code _}) are left out, and those tables are known by name.
     */
    static Map<String, Long> read(Connection connection, String database) {
        return read(connection, database, "name LIKE ?",
                List.<Object>of(database.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%"));
    }

    /**
     * As {@link #read(Connection, String)}, only the tables of {@code database} named {@code tables}
     * or holding one of {@code ids} now (a renamed table keeps its id): a lookup, where reading every
     * id walks the server's whole dictionary.
     */
    static Map<String, Long> read(Connection connection, String database, Collection<String> tables,
            Collection<Long> ids) {
        if (tables.isEmpty() && ids.isEmpty()) {
            return new HashMap<>();
        }
        List<Object> parameters = new ArrayList<>();
        tables.forEach(table -> parameters.add(database + "/" + table));
        parameters.addAll(ids);
        String where = (tables.isEmpty() ? "" : "name IN (" + marks(tables.size()) + ")")
                + (tables.isEmpty() || ids.isEmpty() ? "" : " OR ")
                + (ids.isEmpty() ? "" : "table_id IN (" + marks(ids.size()) + ")");
        return read(connection, database, where, parameters);
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static Map<String, Long> read(Connection connection, String database, String where,
            List<Object> parameters) {
        Map<String, Long> ids = new HashMap<>();
        String prefix = database + "/";
        for (String view : VIEWS) {
            try (PreparedStatement query = connection.prepareStatement("SELECT name, table_id FROM " + view
                    + " WHERE " + where)) {
                for (int i = 0; i < parameters.size(); i++) {
                    query.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        if (name.startsWith(prefix) && name.indexOf('#') < 0) {
                            ids.put(name.substring(prefix.length()), rs.getLong(2));
                        }
                    }
                }
                return ids;
            } catch (SQLException e) {
                // not this server's view, or not this user's: try the other, else names only
                ids.clear();
            }
        }
        return ids;
    }
}
