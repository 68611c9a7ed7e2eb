package dev.migrate.autogenerate.jpa;

import dev.migrate.common.MigrateException;

/**
 * The project's runtime dependencies bring no ORM the plugin reads entities through (Hibernate ORM
 * 6 or 7 with {@code jakarta.persistence}); the message names what was found instead.
 */
public final class UnsupportedOrmException extends MigrateException {

    UnsupportedOrmException(String message) {
        super(message);
    }
}
