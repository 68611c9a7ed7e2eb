package dev.migrate.autogenerate;

import java.nio.file.Path;

/**
 * How {@code migrate:check} runs.
 *
 * @param desired the desired schema (JDBC URL, or folder or file of SQL); a path that does not exist
 *     means there is none and that half of the check is left out
 * @param reportDirectory where {@code TEST-migrate-check.xml} goes, or null for none
 */
public record CheckOptions(String desired, Path reportDirectory) {

    public CheckOptions {
        desired = desired == null || desired.isBlank() ? "src/main/schema" : desired.strip();
    }
}
