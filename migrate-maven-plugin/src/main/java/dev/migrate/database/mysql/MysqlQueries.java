package dev.migrate.database.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Rows of {@code information_schema} queries as strings, for the snapshot readers. */
final class MysqlQueries {

    private MysqlQueries() {
    }

    /** The database's rows of a query, narrowed to some relations by their names. */
    record Filter(String database, java.util.Collection<String> relations) {

        /** Every row of {@code sql}, its {@code %s} narrowing {@code column} to the relations, as {@code width} strings. */
        List<String[]> rows(Connection connection, String sql, String column, int width) throws SQLException {
            List<Object> parameters = new ArrayList<>();
            parameters.add(database);
            String narrowed = "";
            if (relations != null) {
                narrowed = " AND " + column + " IN (" + String.join(", ", java.util.Collections.nCopies(relations.size(), "?"))
                        + ")";
                parameters.addAll(relations);
            }
            return MysqlQueries.rows(connection, String.format(java.util.Locale.ROOT, sql, narrowed), parameters,
                    width);
        }
    }

    /** Every row of {@code sql}, whose one parameter is the database, as {@code width} strings. */
    static List<String[]> rows(Connection connection, String sql, String database, int width) throws SQLException {
        return rows(connection, sql, List.of(database), width);
    }

    /** Every row of {@code sql} given {@code parameters}, as {@code width} strings. */
    static List<String[]> rows(Connection connection, String sql, List<Object> parameters, int width)
            throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
