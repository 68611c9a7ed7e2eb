package dev.migrate.graph;

import dev.migrate.common.MigrateException;

/** A target that cannot be used here: malformed, or meaningless for the direction asked. */
public final class InvalidTargetException extends MigrateException {

    public InvalidTargetException(String message) {
        super(message);
    }
}
