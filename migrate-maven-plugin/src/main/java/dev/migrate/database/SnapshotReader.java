package dev.migrate.database;

import dev.migrate.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads a {@link SchemaSnapshot} from a database's catalog in a handful of queries, leaving out
 * the system schemas and the plugin's own history table.
 */
public interface SnapshotReader {

    /**
     * @param connection an open connection to the database to read
     * @param historySchema the schema of the history table as the catalog stores it
     * @param historyTable the history table's name as the catalog stores it
     */
    SchemaSnapshot read(Connection connection, String historySchema, String historyTable) throws SQLException;
}
