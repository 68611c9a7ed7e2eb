package dev.migrate.revision;

import dev.migrate.MigrateException;

/** The revisions folder cannot be written to (permissions, a full disk). */
public final class RevisionWriteException extends MigrateException {

    public RevisionWriteException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isUserError() {
        return false;
    }
}
