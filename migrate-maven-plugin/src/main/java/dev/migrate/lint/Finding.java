package dev.migrate.lint;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing lint found in a revision file.
 *
 * @param file the revision file
 * @param line 1-based line of the statement (or of the header line concerned)
 * @param ruleId the rule's stable id, as used in {@code lint-ignore:} and {@code migrate.lint.disabled}
 * @param severity how much it matters
 * @param message what is wrong, in one line
 * @param fix what to do about it, in one line
 */
public record Finding(Path file, int line, String ruleId, Severity severity, String message, String fix) {

    public Finding {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
    }

    /** {@code file:line: warning [rule] message; fix: ...}, the shape compilers use. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + " [" + ruleId + "] "
                + message + "; fix: " + fix;
    }
}
