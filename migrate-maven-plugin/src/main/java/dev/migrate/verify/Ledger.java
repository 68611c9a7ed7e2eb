package dev.migrate.verify;

import dev.migrate.common.Finding;
import dev.migrate.common.Severity;
import dev.migrate.revision.Revision;
import dev.migrate.schema.SnapshotDiff;
import dev.migrate.verify.Messages.Comparison;
import dev.migrate.verify.ScratchSession.Observation;
import java.util.ArrayList;
import java.util.List;

/**
 * What one verify run has found so far, in the order found: the findings and the report's rows.
 * The stairway, the full cycle and the checks beside them all write here, so their findings keep
 * one order and one count of errors.
 */
final class Ledger implements FindingSink {

    private final boolean strict;
    private final List<Finding> findings = new ArrayList<>();
    private final List<VerifyResult.Row> rows = new ArrayList<>();

    Ledger(boolean strict) {
        this.strict = strict;
    }

    @Override
    public void add(Severity severity, Phase phase, String revisionId, String message) {
        findings.add(Finding.check(severity, phase.label(), revisionId, message));
    }

    void row(VerifyResult.Row row) {
        rows.add(row);
    }

    /** The row of {@code revision}: FAILED when errors were found since {@code errorsBefore}, else warning or ok. */
    VerifyResult.Row row(Revision revision, long up, long down, long reup, int errorsBefore) {
        boolean failed = errorCount() > errorsBefore;
        boolean warned = findings.stream().anyMatch(f -> revision.id().equals(f.revisionId())
                && f.severity() == Severity.WARNING);
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
        findings.subList(mark.findings(), findings.size()).clear();
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
        return findings.stream().anyMatch(f -> f.isError() && Phase.of(f) == phase && revisionId.equals(f.revisionId()));
    }

    int errorCount() {
        return (int) findings.stream().filter(Finding::isError).count();
    }

    List<Finding> findings() {
        return findings;
    }

    List<VerifyResult.Row> rows() {
        return rows;
    }
}
