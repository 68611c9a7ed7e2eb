package dev.migrate.database;

import dev.migrate.common.MigrateException;

/**
 * Verify could not make its scratch database: typically the user may not create databases on the
 * server. The message names {@code migrate.verifyUrl} as the way out.
 */
public final class ScratchDatabaseException extends MigrateException {

    public ScratchDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isUserError() {
        return false;
    }
}
