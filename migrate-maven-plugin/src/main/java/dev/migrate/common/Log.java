package dev.migrate.common;

/** Where the core's lower layers say what they are doing; the facade's listener is one. */
public interface Log {

    /** Nothing is reported. */
    Log SILENT = new Log() {
    };

    default void info(String message) {
    }

    default void warn(String message) {
    }
}
