package dev.migrate.common;

/**
 * Root of every error the plugin reports to its users. Each subclass stands for one condition
 * the user acts on, and its message says what to do about it.
 */
public abstract class MigrateException extends RuntimeException {

    protected MigrateException(String message) {
        super(message);
    }

    protected MigrateException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the problem lies in the user's files or configuration (a build failure) rather than in
     * the environment, such as an unreachable database (a build error).
     */
    public boolean isUserError() {
        return true;
    }
}
