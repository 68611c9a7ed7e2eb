package dev.migrate.run;

import dev.migrate.common.MigrateException;

/** {@code migrate.resume} holds a value the plugin does not know. */
public final class InvalidResumeChoiceException extends MigrateException {

    public InvalidResumeChoiceException(String value) {
        super("migrate.resume is '" + value + "'; use true (resume a failed revision), false (the default),"
                + " assume-done or rerun (what to do with a statement whose run was interrupted and whose outcome the"
                + " database cannot show)");
    }
}
