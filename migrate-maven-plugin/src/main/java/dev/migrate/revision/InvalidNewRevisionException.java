package dev.migrate.revision;

import dev.migrate.common.MigrateException;

/** A new revision cannot be written as asked: a bad label, too few heads to merge, and the like. */
public final class InvalidNewRevisionException extends MigrateException {

    public InvalidNewRevisionException(String message) {
        super(message);
    }
}
