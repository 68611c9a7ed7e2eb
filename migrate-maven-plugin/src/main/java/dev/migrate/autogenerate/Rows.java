package dev.migrate.autogenerate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A table's rows as sorted text, for comparing the data a squash leaves with the chain's. */
final class Rows {

    private Rows() {
    }

    /** The rows, sorted; null when the table cannot be read (it does not exist). */
    static List<String> read(Connection connection, String table) {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder("(");
                for (int c = 1; c <= columns; c++) {
                    row.append(c > 1 ? ", " : "").append(result.getString(c));
                }
                rows.add(row.append(')').toString());
            }
        } catch (SQLException e) {
            return null;
        }
        Collections.sort(rows);
        return rows;
    }
}
