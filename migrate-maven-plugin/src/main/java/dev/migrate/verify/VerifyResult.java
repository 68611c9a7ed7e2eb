package dev.migrate.verify;

import dev.migrate.common.Finding;
import dev.migrate.common.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What verify found, with the time of each phase.
 *
 * @param database the scratch database it ran in, as the log names it
 * @param findings every error, warning and note, in the order found
 * @param rows one row per revision and a last one for the full cycle
 * @param took wall time of the whole run
 * @param report the JUnit XML report written, or null
 * @param costs the time each check beside the stairway added
 */
public record VerifyResult(String database, List<Finding> findings, List<Row> rows, Duration took, Path report,
        List<Cost> costs) {

    public VerifyResult {
        findings = List.copyOf(findings);
        rows = List.copyOf(rows);
        costs = List.copyOf(costs);
    }

    public VerifyResult(String database, List<Finding> findings, List<Row> rows, Duration took, Path report) {
        this(database, findings, rows, took, report, List.of());
    }

    /**
     * The time one of the checks beside the stairway added to the run.
     *
     * @param check what it checks: "synthetic rows", "lock sampling", "merge order"
     * @param millis its milliseconds
     */
    public record Cost(String check, long millis) {
    }

    /**
     * The timings of one revision (or of the full cycle): milliseconds per phase, -1 when the phase did not run.
     *
     * @param name the revision's file name without {@code .sql}, or "full cycle"
     * @param revisionId the revision id, or null for the full cycle
     * @param upMillis the upgrade (for the full cycle: none, the stairway did it)
     * @param downMillis the downgrade (for the full cycle: to base)
     * @param reupMillis the re-upgrade (for the full cycle: to head)
     * @param result ok, FAILED, warning, irreversible or skipped
     */
    public record Row(String name, String revisionId, long upMillis, long downMillis, long reupMillis, String result) {
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    public VerifyResult withReport(Path path) {
        return new VerifyResult(database, findings, rows, took, path, costs);
    }
}
