package dev.migrate.autogenerate;

import java.nio.file.Path;

/**
 * How {@code migrate:check} runs.
 *
 * @param desired the desired schema (JDBC URL, or folder or file of SQL); a path that does not exist
 *     means there is none and that half of the check is left out
 * @param reportDirectory where {@code TEST-migrate-check.xml} goes, or null for none
 * @param filter what is left out of the comparisons ({@code migrate.ignore}; with entities, what they cannot describe)
 */
public record CheckOptions(String desired, Path reportDirectory, SnapshotFilter filter) {

    public CheckOptions {
        desired = desired == null || desired.isBlank() ? "src/main/schema" : desired.strip();
        filter = filter == null ? SnapshotFilter.NONE : filter;
    }

    public CheckOptions(String desired, Path reportDirectory) {
        this(desired, reportDirectory, SnapshotFilter.NONE);
    }
}
