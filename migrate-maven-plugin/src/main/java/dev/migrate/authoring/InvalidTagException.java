package dev.migrate.authoring;

import dev.migrate.common.MigrateException;

/** A release tag cannot be added as asked: malformed, already on another revision, or no single head. */
public final class InvalidTagException extends MigrateException {

    public InvalidTagException(String message) {
        super(message);
    }
}
