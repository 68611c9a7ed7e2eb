package dev.migrate.common;

/**
 * A file the plugin writes (a new revision, an offline script, a report) cannot be written:
 * permissions, a full disk, a path that is a folder. The message names the file and what to check.
 */
public final class FileWriteException extends MigrateException {

    public FileWriteException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isUserError() {
        return false;
    }
}
