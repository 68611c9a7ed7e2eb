package dev.migrate.autogenerate;

import dev.migrate.common.MigrateException;

/** A squash cannot be written as asked: no such range, a range already squashed, or not proven. */
public final class SquashException extends MigrateException {

    public SquashException(String message) {
        super(message);
    }
}
