package dev.migrate.autogenerate;

import dev.migrate.common.MigrateException;

/**
 * The desired schema cannot be built or read: its folder is missing, or one of its statements
 * fails. The message names the file and line.
 */
public final class DesiredSchemaException extends MigrateException {

    DesiredSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
