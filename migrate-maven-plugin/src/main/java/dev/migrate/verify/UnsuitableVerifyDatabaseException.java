package dev.migrate.verify;

import dev.migrate.common.MigrateException;

/** The database named by {@code verifyUrl} already holds objects, so verify would mix them with the revisions'. */
public final class UnsuitableVerifyDatabaseException extends MigrateException {

    UnsuitableVerifyDatabaseException(String message) {
        super(message);
    }
}
