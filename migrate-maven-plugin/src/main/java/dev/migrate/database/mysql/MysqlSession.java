package dev.migrate.database.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Brings a MariaDB connection back to what a new one would be, so that verify reuses it between
 * plans instead of logging in again. The server's {@code COM_RESET_CONNECTION} (sent by MariaDB
 * Connector/J's {@code reset()} when {@code useResetConnection} is set) drops user variables,
 * temporary tables, prepared statements, user locks and an open transaction, and sets every session
 * variable back to its global value. It keeps the current database, and it also undoes what the
 * login had set on top of the globals: both are put back here, so the next plan cannot tell the
 * reused connection from a new one (a test compares every session variable of the two).
 */
final class MysqlSession {

    /** The property that lets {@code reset()} send {@code COM_RESET_CONNECTION}. */
    static final String RESET_PROPERTY = "useResetConnection";

    private MysqlSession() {
    }

    /**
     * Resets {@code connection} and answers true; false where it cannot be done (a MySQL server,
     * whose reset the driver does not send, MariaDB before 10.3.13, a URL without a database, another
     * driver), and the caller opens a new connection instead.
     */
    static boolean reset(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(org.mariadb.jdbc.Connection.class)) {
            return false;
        }
        org.mariadb.jdbc.Connection mariadb = connection.unwrap(org.mariadb.jdbc.Connection.class);
        org.mariadb.jdbc.client.Context context = mariadb.getContext();
        String database = context.getConf().database();
        if (!context.getConf().useResetConnection() || !context.getVersion().isMariaDBServer()
                || !context.getVersion().versionGreaterOrEqual(10, 3, 13) || database == null || database.isEmpty()
                || !(mariadb.getClient() instanceof org.mariadb.jdbc.client.impl.StandardClient client)) {
            return false;
        }
        // reset() puts back the driver's read limit of the login, which the plugin lifted once logged in
        int readLimit = connection.getNetworkTimeout();
        mariadb.reset();
        connection.setNetworkTimeout(Runnable::run, readLimit);
        try (Statement statement = connection.createStatement()) {
            // the driver asks for IGNORE_SPACE when it logs in, which the server adds to the session's sql_mode
            statement.execute("SET sql_mode = CONCAT_WS(',', NULLIF(@@global.sql_mode, ''), 'IGNORE_SPACE')");
            // what the driver sets after logging in: character set, session tracking, the URL's sessionVariables
            String login = client.createSessionVariableQuery(context);
            if (login != null && !login.isEmpty()) {
                statement.execute(login);
            }
            // a revision's USE outlives the reset
            statement.execute("USE `" + database.replace("`", "``") + "`");
        }
        return true;
    }
}
