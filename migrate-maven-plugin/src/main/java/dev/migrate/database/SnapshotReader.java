package dev.migrate.database;

import dev.migrate.schema.DbObject;
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

    /**
     * A series of snapshots of one database. With {@code track}, the reader may keep what it needs
     * to tell changes apart in that database (verify's own scratch database); the default reads
     * the whole catalog each time.
     */
    default SnapshotSeries series(String historySchema, String historyTable, boolean track) {
        return new FullReadSeries(connection -> read(connection, historySchema, historyTable));
    }

    /**
     * Whether the database chose {@code object}'s name because its definition gave none (a primary
     * key or check declared without {@code CONSTRAINT name}). Such a name depends on what else the
     * database made before, so autogenerate and check match the object by its definition instead;
     * by default no name is the database's.
     */
    default boolean namedByDatabase(DbObject object) {
        return false;
    }
}
