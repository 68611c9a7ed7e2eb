package dev.migrate.autogenerate.jpa;

import dev.migrate.common.MigrateException;

/**
 * The project's entities cannot become a desired schema: there are no compiled classes, no entity
 * in them, or Hibernate refuses their mapping. The message says what to do.
 */
public final class JpaModelException extends MigrateException {

    JpaModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
