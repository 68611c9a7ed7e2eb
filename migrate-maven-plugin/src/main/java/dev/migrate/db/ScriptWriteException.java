package dev.migrate.db;

import dev.migrate.MigrateException;

/** An offline script cannot be written (permissions, a full disk). */
public final class ScriptWriteException extends MigrateException {

    public ScriptWriteException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isUserError() {
        return false;
    }
}
