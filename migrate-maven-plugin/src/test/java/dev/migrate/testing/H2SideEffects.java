package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.Trigger;

/** Java code H2 runs inside statements, to change objects those statements do not name. */
public final class H2SideEffects {

    private H2SideEffects() {
    }

    /**
     * A function alias that adds a column to {@code prices} (on a connection of its own: H2 runs no
     * DDL inside the statement that called it).
     */
    public static int widenPrices(Connection connection) throws SQLException {
        ddl(connection, "ALTER TABLE prices ADD COLUMN IF NOT EXISTS discount INT");
        return 1;
    }

    private static void ddl(Connection caller, String sql) throws SQLException {
        // inside a trigger or function the caller's URL is jdbc:default:connection: ask its database
        String name = ((org.h2.engine.SessionLocal) caller.unwrap(org.h2.jdbc.JdbcConnection.class).getSession())
                .getDatabase().getName();
        try (Connection own = DriverManager.getConnection("jdbc:h2:" + name);
                Statement statement = own.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A row trigger that creates {@code audit_log} the first time it fires. */
    public static final class AuditTrigger implements Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            ddl(connection, "CREATE TABLE IF NOT EXISTS audit_log (event_id INT)");
        }
    }
}
