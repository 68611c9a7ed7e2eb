package dev.migrate.database;

import dev.migrate.common.MigrateException;

/** The database cannot be reached or used: no driver, connection refused, wrong credentials. */
public final class DatabaseUnavailableException extends MigrateException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isUserError() {
        return false;
    }
}
