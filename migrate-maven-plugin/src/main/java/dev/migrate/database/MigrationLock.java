package dev.migrate.database;

/**
 * One migrating run at a time per history table. Held on a connection of its own, never the one
 * running revisions, and released by the database itself when the holder's connection dies; each
 * dialect takes it its own way ({@link Dialect#lock}).
 */
public interface MigrationLock extends AutoCloseable {

    @Override
    void close();
}
