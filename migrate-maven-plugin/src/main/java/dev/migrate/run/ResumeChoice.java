package dev.migrate.run;

import java.util.Locale;

/**
 * What the user said about revisions that stopped halfway ({@code migrate.resume}): leave a failed
 * one alone, resume it, or, for a statement that was started outside a transaction and whose outcome
 * the database cannot show, count it as done or run it again.
 */
public enum ResumeChoice {
    /** {@code false}: a failed revision stops the run; an interrupted one is finished when it is safe. */
    NO,
    /** {@code true}: a failed revision resumes at its failed statement. */
    YES,
    /** {@code assume-done}: as {@link #YES}, and an in-doubt statement the database cannot check counts as done. */
    ASSUME_DONE,
    /** {@code rerun}: as {@link #YES}, and an in-doubt statement the database cannot check runs again. */
    RERUN;

    /**
     * The choice {@code value} names: {@code false}, {@code true}, {@code assume-done} or
     * {@code rerun} (case and blanks do not matter; empty is {@code false}).
     *
     * @throws InvalidResumeChoiceException for anything else
     */
    public static ResumeChoice parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "false" -> NO;
            case "true" -> YES;
            case "assume-done" -> ASSUME_DONE;
            case "rerun" -> RERUN;
            default -> throw new InvalidResumeChoiceException(value);
        };
    }

    /** Whether a failed revision may resume. */
    public boolean resumesFailures() {
        return this != NO;
    }
}
