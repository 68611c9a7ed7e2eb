package dev.migrate.verify;

import dev.migrate.scratch.ScratchDatabase;
import dev.migrate.common.Finding;
import dev.migrate.common.Log;
import dev.migrate.common.Severity;
import dev.migrate.database.DatabaseTarget;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.lint.LintConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One {@code migrate:verify}: lint (on a thread of its own) beside every check in a scratch database, then the report. */
public final class Verification {

    private Verification() {
    }

    /**
     * Proves that every revision of {@code graph} can be undone, in a scratch database made next to
     * {@code target} (or the one the options name), never in the configured one. With {@code lint},
     * lint errors and warnings become findings of the lint phase. Writes the JUnit report when the
     * options name a directory.
     */
    public static VerifyResult run(RevisionGraph graph, DatabaseTarget target, VerifyOptions options, LintConfig lint,
            Log log) {
        // lint needs no database: it runs on a thread of its own while the scratch database is busy, with
        // every rule on, once: the lint phase leaves out the rules the project switched off, and the lock
        // report, which lints with every rule on too, takes the same findings where its settings agree,
        // each revision's as soon as lint has passed it
        LintConfig every = lint == null ? null : new LintConfig(Set.of(), lint.postgresVersion(), lint.product());
        SharedLint shared = every == null ? null : SharedLint.start(graph, every, "migrate-verify-lint");
        VerifyResult result;
        try (ScratchDatabase scratch = ScratchDatabase.open(target, options.verifyUrl())) {
            scratch.dropStale(log);
            result = Verifier.verify(graph, scratch, target.history().schema(), target.history().table(), options, log,
                    shared);
        }
        List<Finding> lintFindings = (shared == null ? List.<Finding>of() : shared.findings()).stream()
                .filter(finding -> !lint.disabled().contains(finding.source()))
                .filter(finding -> finding.severity() != Severity.INFO)
                .map(finding -> Finding.check(finding.severity(), Phase.LINT.label(),
                        finding.file().getFileName().toString().substring(0, 14), finding.toString()))
                .toList();
        if (!lintFindings.isEmpty()) {
            List<Finding> all = new ArrayList<>(lintFindings);
            all.addAll(result.findings());
            result = new VerifyResult(result.database(), all, result.rows(), result.took(), result.report(),
                    result.costs());
        }
        if (options.reportDirectory() != null) {
            result = result.withReport(JUnitXmlReport.write(result, options.reportDirectory()));
        }
        return result;
    }
}
