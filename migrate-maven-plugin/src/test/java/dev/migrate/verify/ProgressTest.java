package dev.migrate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.common.Log;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProgressTest {

    final List<String> lines = new CopyOnWriteArrayList<>();
    final Log log = new Log() {
        @Override
        public void info(String message) {
            lines.add(message);
        }
    };

    @Test
    void logsEveryIntervalEvenWhileNothingAdvances() throws InterruptedException {
        try (Progress progress = new Progress("stairway", 1000, log, Duration.ofMillis(30))) {
            Thread.sleep(200);
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line).matches("stairway 0/1000 revisions, \\d+ s"));
    }

    @Test
    void estimatesTheTimeLeftFromTheRevisionsDone() throws InterruptedException {
        try (Progress progress = new Progress("stairway", 4, log, Duration.ofHours(1))) {
            progress.advance();
            Thread.sleep(1100);
            assertThat(progress.line()).matches("stairway 1/4 revisions, 1 s, about [34] s left");
            progress.advance();
            progress.advance();
            progress.advance();
            assertThat(progress.line()).matches("stairway 4/4 revisions, 1 s");
        }
    }

    @Test
    void stopsLoggingWhenClosed() throws InterruptedException {
        new Progress("stairway", 10, log, Duration.ofMillis(20)).close();
        Thread.sleep(100);
        assertThat(lines).isEmpty();
    }
}
