package dev.migrate.graph;

import dev.migrate.common.MigrateException;

/** A target or reference names a revision no file defines. */
public final class UnknownRevisionException extends MigrateException {

    public UnknownRevisionException(String message) {
        super(message);
    }
}
