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

    CheckResult withReport(Path path) {
        return new CheckResult(findings, checked, took, path);
    }
}
