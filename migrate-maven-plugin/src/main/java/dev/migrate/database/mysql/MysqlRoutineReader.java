package dev.migrate.database.mysql;

import dev.migrate.schema.DbObject.Kind;
import dev.migrate.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a MySQL/MariaDB snapshot that are code rather than tables: views, triggers, stored
 * functions and procedures, and MariaDB's sequences. Their text names the database they live in,
 * which is taken out so that the scratch database and the configured one compare equal.
 */
final class MysqlRoutineReader {

    private static final String VIEWS = "SELECT table_name, view_definition, check_option, security_type"
            + " FROM information_schema.views WHERE table_schema = ?%s";

    private static final String TRIGGERS = "SELECT event_object_table, trigger_name, action_timing,"
            + " event_manipulation, action_order, action_statement FROM information_schema.triggers"
            + " WHERE trigger_schema = ?%s";

    private static final String ROUTINES = "SELECT specific_name, routine_type, dtd_identifier, routine_definition,"
            + " is_deterministic, sql_data_access, security_type, routine_comment FROM information_schema.routines"
            + " WHERE routine_schema = ?";

    private static final String PARAMETERS = "SELECT specific_name, parameter_mode, parameter_name, dtd_identifier"
            + " FROM information_schema.parameters WHERE specific_schema = ? AND ordinal_position > 0"
            + " ORDER BY specific_name, ordinal_position";

    private final Connection connection;
    private final String database;

    MysqlRoutineReader(Connection connection, String database) {
        this.connection = connection;
        this.database = database;
    }

    void views(MysqlQueries.Filter filter, MysqlUnits into) throws SQLException {
        for (String[] row : filter.rows(connection, VIEWS, "table_name", 4)) {
            into.of(row[0]).put(Kind.VIEW, null, null, row[0], local(row[1], database)
                    + ("NONE".equals(row[2]) ? "" : " WITH " + row[2] + " CHECK OPTION")
                    + ("DEFINER".equals(row[3]) ? "" : " SQL SECURITY " + row[3]));
        }
    }

    /** Each trigger in the unit of its table, which dropping or renaming the table takes along. */
    void triggers(MysqlQueries.Filter filter, MysqlUnits into) throws SQLException {
        for (String[] row : filter.rows(connection, TRIGGERS, "event_object_table", 6)) {
            // action_order follows creation order among triggers of one event: it matters to what runs first
            into.of(row[0]).put(Kind.TRIGGER, null, "table " + row[0], row[1], row[2] + " " + row[3] + " FOR EACH ROW"
                    + (row[4] == null || "1".equals(row[4]) ? "" : " ORDER " + row[4]) + " " + local(row[5], database));
            into.owns(row[0], row[1]);
            into.holds(row[0], MysqlUnits.Part.TRIGGERS);
        }
    }

    void routines(SchemaSnapshot.Builder snapshot) throws SQLException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String[] row : MysqlQueries.rows(connection, PARAMETERS, database, 4)) {
            parameters.computeIfAbsent(row[0], k -> new ArrayList<>())
                    .add((row[1] == null ? "" : row[1] + " ") + row[2] + " " + row[3]);
        }
        for (String[] row : MysqlQueries.rows(connection, ROUTINES, database, 8)) {
            boolean procedure = "PROCEDURE".equals(row[1]);
            List<String> arguments = parameters.getOrDefault(row[0], List.of());
            String signature = row[0] + "(" + String.join(", ", arguments.stream()
                    .map(a -> a.substring(a.lastIndexOf(' ') + 1)).toList()) + ")";
            snapshot.put(procedure ? Kind.PROCEDURE : Kind.FUNCTION, null, null, signature,
                    "(" + String.join(", ", arguments) + ")" + (procedure ? "" : " RETURNS " + row[2])
                    + ("YES".equals(row[4]) ? " DETERMINISTIC" : "") + " " + row[5] + " SQL SECURITY " + row[6]
                    + " " + local(row[3], database));
            snapshot.comment(null, (procedure ? "procedure " : "function ") + signature, row[7]);
        }
    }

    void sequences(List<String> names, MysqlUnits into) throws SQLException {
        for (String name : names) {
            into.of(name).put(Kind.SEQUENCE, null, null, name, sequence(name));
        }
    }

    /** The options of a MariaDB sequence as SHOW CREATE SEQUENCE writes them (no current value there). */
    private String sequence(String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW CREATE SEQUENCE `" + name.replace("`", "``") + "`")) {
            rs.next();
            String create = rs.getString(2);
            int options = create.indexOf(" start with ");
            return options < 0 ? create : create.substring(options + 1);
        }
    }

    static String currentDatabase(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT DATABASE()");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** {@code text} without the qualifier naming {@code database}, which differs between scratch and real databases. */
    static String local(String text, String database) {
        if (text == null) {
            return null;
        }
        return text.replace("`" + database.replace("`", "``") + "`.", "");
    }
}
