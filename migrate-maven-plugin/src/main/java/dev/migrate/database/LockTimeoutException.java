package dev.migrate.database;

import dev.migrate.common.MigrateException;

/** Another run held the migration lock for longer than the configured wait. */
public final class LockTimeoutException extends MigrateException {

    public LockTimeoutException(String message) {
        super(message);
    }

    @Override
    public boolean isUserError() {
        return false;
    }
}
