package dev.migrate.verify;

import java.util.Objects;

/**
 * One thing verify found.
 *
 * @param severity errors fail the build; warnings and notes are only logged
 * @param phase the check it belongs to
 * @param revisionId the revision it concerns, or null for the graph and the full cycle
 * @param message what is wrong (or was skipped), in words
 */
public record Finding(Severity severity, Phase phase, String revisionId, String message) {

    public enum Severity { ERROR, WARNING, NOTE }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
