package dev.migrate.autogenerate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code migrate:check} found.
 *
 * @param findings every difference, each naming its object
 * @param checked which comparisons ran ("the revisions against the desired schema", ...)
 * @param took how long it took
 * @param report the JUnit XML report, or null
 */
public record CheckResult(List<Finding> findings, List<Comparison> checked, Duration took, Path report) {

    /** One of the two comparisons check makes. */
    public enum Comparison {
        DESIRED("the head of the revisions matches the desired schema"),
        LIVE("the database matches the revisions applied to it");

        private final String testName;

        Comparison(String testName) {
            this.testName = testName;
        }

        public String testName() {
            return testName;
        }
    }

    /** One difference; errors fail the goal, warnings (column order) do not. */
    public record Finding(Comparison comparison, boolean error, String message) {
        public Finding {
            Objects.requireNonNull(comparison, "comparison");
            Objects.requireNonNull(message, "message");
        }
    }

    public CheckResult {
        findings = List.copyOf(findings);
        checked = List.copyOf(checked);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::error);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::error).toList();
    }

    /** The differences that do not fail the goal (column order). */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.error()).toList();
    }

    /**
     * The counts of the summary line, {@code 2 comparison(s), 0 difference(s), 1 warning(s)}: the
     * warnings are counted apart, so that "0 difference(s)" never hides a column-order difference.
     */
    public String counts() {
        return checked.size() + " comparison(s), " + errors().size() + " difference(s), " + warnings().size()
                + " warning(s)";
    }

    CheckResult withReport(Path path) {
        return new CheckResult(findings, checked, took, path);
    }
}
