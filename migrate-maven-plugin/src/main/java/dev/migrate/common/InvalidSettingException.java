package dev.migrate.common;

/** A configured value is out of range; the message names the parameter and what it accepts. */
public final class InvalidSettingException extends MigrateException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
