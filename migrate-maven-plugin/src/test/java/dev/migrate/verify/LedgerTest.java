package dev.migrate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.common.Severity;
import dev.migrate.database.postgres.PostgresSyntax;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionFileParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The ledger's counts of errors and warnings, which the stairway asks after every phase. */
class LedgerTest {

    private static final String ID = "20260101000000";

    private static Revision revision() {
        String text = "-- parents: base\n\n-- upgrade\nCREATE TABLE t (id INT);\n-- downgrade\nDROP TABLE t;\n";
        return RevisionFileParser.parse(Path.of(ID + "_r.sql"), text.getBytes(StandardCharsets.UTF_8),
                PostgresSyntax.INSTANCE).revision();
    }

    @Test
    void errorsAndWarningsAreCountedPerRevisionAndPhase() {
        Ledger ledger = new Ledger(false);
        Revision revision = revision();
        ledger.add(Severity.WARNING, Phase.UPGRADE, ID, "a lock");
        ledger.add(Severity.ERROR, Phase.DOWNGRADE, ID, "a difference");
        ledger.add(Severity.ERROR, Phase.DOWNGRADE, "20260101000100", "another revision's");

        assertThat(ledger.errorCount()).isEqualTo(2);
        assertThat(ledger.isError(ID, Phase.DOWNGRADE)).isTrue();
        assertThat(ledger.isError(ID, Phase.UPGRADE)).isFalse();
        assertThat(ledger.isError("20260101000200", Phase.DOWNGRADE)).isFalse();
        assertThat(ledger.row(revision, 1, 1, 1, 1).result()).isEqualTo("FAILED");
        assertThat(ledger.row(revision, 1, 1, 1, 2).result()).isEqualTo("warning");
    }

    @Test
    void rollingBackForgetsTheCountsOfWhatWasRecordedSince() {
        Ledger ledger = new Ledger(false);
        Revision revision = revision();
        ledger.add(Severity.INFO, Phase.UPGRADE, ID, "told");
        Ledger.Mark mark = ledger.mark();
        ledger.add(Severity.ERROR, Phase.REUPGRADE, ID, "fails in the held transaction");
        ledger.add(Severity.WARNING, Phase.REUPGRADE, ID, "a warning with it");
        ledger.rollBackTo(mark);

        assertThat(ledger.errorCount()).isZero();
        assertThat(ledger.isError(ID, Phase.REUPGRADE)).isFalse();
        assertThat(ledger.row(revision, 1, 1, 1, 0).result()).isEqualTo("ok");
        assertThat(ledger.findings()).hasSize(1);

        ledger.add(Severity.ERROR, Phase.REUPGRADE, ID, "fails on its own too");
        assertThat(ledger.errorCount()).isEqualTo(1);
        assertThat(ledger.isError(ID, Phase.REUPGRADE)).isTrue();
    }
}
