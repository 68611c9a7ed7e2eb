package dev.migrate.database;

import dev.migrate.common.MigrateException;

/** Verify compares schemas through the catalog, which it can read on PostgreSQL and H2 only. */
public final class UnsupportedVerifyDatabaseException extends MigrateException {

    public UnsupportedVerifyDatabaseException() {
        super("migrate:verify reads schemas on PostgreSQL and H2 only: point migrate.url (or migrate.verifyUrl)"
                + " at a PostgreSQL server or an H2 database");
    }
}
