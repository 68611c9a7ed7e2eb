package dev.migrate.verify;

import dev.migrate.common.Finding;
import dev.migrate.common.Severity;
import dev.migrate.revision.Revision;
import dev.migrate.schema.SnapshotDiff;
import dev.migrate.verify.Messages.Comparison;
import dev.migrate.verify.ScratchSession.Observation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one verify run has found so far, in the order found: the findings and the report's rows.
 * The stairway, the full cycle and the checks beside them all write here, so their findings keep
 * one order and one count of errors.
 */
final class Ledger implements FindingSink {

    private final boolean strict;
    private final List<Finding> findings = new ArrayList<>();
    private final List<VerifyResult.Row> rows = new ArrayList<>();
    /**
     * Counted as findings come and go, so that the stairway's questions after each phase cost the same
     * at the last revision as at the first: errors, and per revision id its warnings and the phases
     * of its errors.
     */
    private int errors;
    private final Map<String, Integer> warnings = new HashMap<>();
    private final Map<String, Integer> errorPhases = new HashMap<>();

    Ledger(boolean strict) {
        this.strict = strict;
    }

    @Override
    public void add(Severity severity, Phase phase, String revisionId, String message) {
        Finding finding = Finding.check(severity, phase.label(), revisionId, message);
        findings.add(finding);
        count(finding, 1);
    }

    private void count(Finding finding, int by) {
        if (finding.isError()) {
            errors += by;
            Phase phase = Phase.of(finding);
            if (finding.revisionId() != null && phase != null) {
                errorPhases.merge(finding.revisionId() + "\u0000" + phase.name(), by, (a, b) -> a + b == 0 ? null : a + b);
            }
        } else if (finding.severity() == Severity.WARNING && finding.revisionId() != null) {
            warnings.merge(finding.revisionId(), by, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    void row(VerifyResult.Row row) {
        rows.add(row);
    }

    /** The row of {@code revision}: FAILED when errors were found since {@code errorsBefore}, else warning or ok. */
    VerifyResult.Row row(Revision revision, long up, long down, long reup, int errorsBefore) {
        boolean failed = errorCount() > errorsBefore;
        boolean warned = warnings.containsKey(revision.id());
        return new VerifyResult.Row(Messages.name(revision), revision.id(), up, down, reup,
                failed ? "FAILED" : warned ? "warning" : "ok");
    }

    /** How much was recorded so far, to {@link #rollBackTo} it. */
    record Mark(int findings, int rows) {
    }

    Mark mark() {
        return new Mark(findings.size(), rows.size());
    }

    /** Forgets what was recorded since {@code mark}, for a step that is checked again. */
    void rollBackTo(Mark mark) {
        List<Finding> forgotten = findings.subList(mark.findings(), findings.size());
        forgotten.forEach(finding -> count(finding, -1));
        forgotten.clear();
        rows.subList(mark.rows(), rows.size()).clear();
    }

    void compare(String revisionId, Phase phase, String subject, Comparison comparison, Observation expected,
            Observation actual) {
        for (SnapshotDiff.Difference difference : SnapshotDiff.between(expected.snapshot(), actual.snapshot())) {
            Severity severity = difference.positionOnly() && !strict ? Severity.WARNING : Severity.ERROR;
            add(severity, phase, revisionId, Messages.difference(subject, comparison, difference));
        }
    }

    void historyAgrees(Phase phase, String subject, List<String> expected, Observation observed, String revisionId) {
        String problem = Messages.history(subject, expected, observed.history());
        if (problem != null) {
            add(Severity.ERROR, phase, revisionId, problem);
        }
    }

    boolean isError(String revisionId, Phase phase) {
        return errorPhases.containsKey(revisionId + "\u0000" + phase.name());
    }

    int errorCount() {
        return errors;
    }

    List<Finding> findings() {
        return findings;
    }

    List<VerifyResult.Row> rows() {
        return rows;
    }
}
