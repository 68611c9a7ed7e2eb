package dev.migrate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The history's count is of the revision files; a recorded revision without a file is named apart. */
class HistoryCountTest {

    @Test
    void aRecordedRevisionWithoutAFileIsNotCountedAmongTheFiles() {
        List<String> lines = Reports.history(HistoryGraphTest.status("ABZ", "A", "B:A", "C:B"));

        assertThat(lines.get(lines.size() - 1)).endsWith("; 2 of 3 applied; the database also records "
                + HistoryGraphTest.id('Z') + ", which no file defines");
    }
}
