package dev.migrate.database;

import dev.migrate.common.MigrateException;

/**
 * A scratch database could not be made (for verify, check, autogenerate or squash): typically the
 * user may not create databases on the server. The message names the right to grant, and
 * {@code migrate.verifyUrl} as the way out for verify alone, the one goal that accepts it.
 */
public final class ScratchDatabaseException extends MigrateException {

    /** What every product's message says before its own advice for verify. */
    public static final String WAY_OUT = "The plugin proves revisions only in databases of its own, never in the"
            + " configured one: grant that right (check, autogenerate and squash make several scratch databases"
            + " at once, so they need it), or, for migrate:verify alone,";

    public ScratchDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isUserError() {
        return false;
    }
}
