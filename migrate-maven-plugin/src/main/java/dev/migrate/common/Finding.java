package dev.migrate.common;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing the plugin found in the revisions: a problem in a file, a lint rule's finding or a
 * verify check's result. Every report (console, JUnit XML) reads this one type.
 *
 * @param severity how much it matters
 * @param source what found it: {@link #FILES} for a problem in a revision file, a lint rule's id,
 *     or a verify phase
 * @param revisionId the revision it concerns, or null
 * @param file the file it concerns, or null
 * @param line 1-based line, or 0 when it concerns a whole file or no file
 * @param message what is wrong, in words
 * @param fix what to do about it, or null when the message already says so
 */
public record Finding(Severity severity, String source, String revisionId, Path file, int line, String message,
        String fix) implements Comparable<Finding> {

    /** The source of problems in the revision files themselves. */
    public static final String FILES = "files";

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.file() == null ? null : f.file().getFileName().toString(), NULLS_FIRST)
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }

    /** A problem in a revision file, which stops every goal: {@code file:line: message}. */
    public static Finding problem(Path file, int line, String message) {
        Objects.requireNonNull(file, "file");
        return new Finding(Severity.ERROR, FILES, null, file, line, message, null);
    }

    /** A lint rule's finding in {@code file} at {@code line}. */
    public static Finding lint(Path file, int line, String ruleId, Severity severity, String message, String fix) {
        Objects.requireNonNull(file, "file");
        return new Finding(severity, ruleId, null, file, line, message, fix);
    }

    /** A check's finding about revision {@code revisionId} (or about no single revision, when null). */
    public static Finding check(Severity severity, String source, String revisionId, String message) {
        return new Finding(severity, source, revisionId, null, 0, message, null);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The lint rule that found it: its source. */
    public String ruleId() {
        return source;
    }

    /**
     * The shape compilers use, so IDEs and terminals link it: {@code file:line: message} for a file
     * problem, {@code file:line: warning [rule] message; fix: ...} for a lint finding, the message
     * alone for a check.
     */
    @Override
    public String toString() {
        if (file == null) {
            return message;
        }
        String where = line > 0 ? file + ":" + line + ": " : file + ": ";
        if (fix == null) {
            return where + message;
        }
        return where + severity.name().toLowerCase(Locale.ROOT) + " [" + source + "] " + message + "; fix: " + fix;
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
