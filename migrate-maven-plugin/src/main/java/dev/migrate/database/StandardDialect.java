package dev.migrate.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** What the dialects share: the history table's shape and the way a schema is found or made. */
public abstract class StandardDialect implements Dialect {

    /** The type of the history table's free-text columns. */
    protected abstract String textType();

    /** The type of its timestamp column. */
    protected abstract String timestampType();

    /** {@code IF NOT EXISTS } where the database knows it. */
    protected String ifNotExists() {
        return "IF NOT EXISTS ";
    }

    /** The SQL standard folds unquoted names to upper case; PostgreSQL folds them to lower case. */
    @Override
    public String fold(Identifier identifier) {
        return identifier.name().toUpperCase(Locale.ROOT);
    }

    /** By default the schema is made before the lock, which may be a table in it. */
    @Override
    public boolean createsSchemaUnderLock() {
        return false;
    }

    @Override
    public String createHistoryTableSql(String qualifiedName) {
        return "CREATE TABLE " + ifNotExists() + qualifiedName + " ("
                + "revision VARCHAR(14) NOT NULL PRIMARY KEY, "
                + "parents VARCHAR(1000) NOT NULL, "
                + "message " + textType() + " NOT NULL, "
                + "upgrade_checksum VARCHAR(64) NOT NULL, "
                + "downgrade_checksum VARCHAR(64) NOT NULL, "
                + "applied_at " + timestampType() + " NOT NULL, "
                + "applied_by VARCHAR(255) NOT NULL, "
                + "duration_ms BIGINT NOT NULL, "
                + "state VARCHAR(16) NOT NULL, "
                + "statements_done INT DEFAULT 0 NOT NULL, "
                + "error " + textType() + ", "
                + "done_checksums " + textType() + ")";
    }

    /** The one column added since the first release; older tables get it on first use. */
    @Override
    public String addHistoryColumnSql(String qualifiedName, String column) {
        if (!column.equals("done_checksums")) {
            throw new IllegalArgumentException("no history column " + column + " was added after the first release");
        }
        return "ALTER TABLE " + qualifiedName + " ADD COLUMN " + column + " " + textType();
    }

    /**
     * Looks the schema up first and creates it only when it is missing, so a user who owns the
     * schema but may not create schemas in the database can still migrate it.
     */
    @Override
    public void useSchema(Connection connection, String shownUrl, Identifier schema, boolean create)
            throws SQLException {
        String name = fold(schema);
        if (!schemaExists(connection, name)) {
            if (!create) {
                return;
            }
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + ifNotExists() + schema.name());
            } catch (SQLException e) {
                throw new DatabaseUnavailableException("cannot create schema " + schema + " on "
                        + shownUrl + ": " + e.getMessage() + " (SQL state " + e.getSQLState() + ")."
                        + " The schema does not exist and the user may not create it: create it once as its owner"
                        + " (CREATE SCHEMA " + schema + " AUTHORIZATION <user>), or grant the user CREATE on the"
                        + " database", e);
            }
        }
        connection.setSchema(name);
    }

    protected static boolean schemaExists(Connection connection, String name) throws SQLException {
        try (ResultSet schemas = connection.getMetaData().getSchemas(null, name)) {
            while (schemas.next()) {
                // getSchemas takes a pattern: '_' matches any character, so compare exactly
                if (name.equals(schemas.getString(1))) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public String toString() {
        return displayName();
    }
}
