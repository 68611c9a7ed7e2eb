package dev.migrate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.common.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress line, on a clock and a timer the test moves by hand. */
class ProgressTest {

    final List<String> lines = new ArrayList<>();
    final Log log = new Log() {
        @Override
        public void info(String message) {
            lines.add(message);
        }
    };
    long now = 5_000_000_000L;
    final ManualTicker ticker = new ManualTicker();

    /** Remembers the task and the interval; runs the task when told to. */
    static final class ManualTicker implements Progress.Ticker {
        Duration interval;
        Runnable task;
        boolean stopped;

        @Override
        public AutoCloseable every(Duration every, Runnable job) {
            interval = every;
            task = job;
            return () -> stopped = true;
        }

        void tick() {
            if (!stopped) {
                task.run();
            }
        }
    }

    Progress progress(int total, Duration interval) {
        return new Progress("stairway", total, log, interval, () -> now, ticker);
    }

    @Test
    void logsEveryIntervalEvenWhileNothingAdvances() {
        try (Progress progress = progress(1000, Duration.ofSeconds(10))) {
            now += 10_000_000_000L;
            ticker.tick();
            now += 10_000_000_000L;
            ticker.tick();
        }
        assertThat(ticker.interval).isEqualTo(Duration.ofSeconds(10));
        assertThat(lines).containsExactly("stairway 0/1000 revisions, 10 s", "stairway 0/1000 revisions, 20 s");
    }

    @Test
    void estimatesTheTimeLeftFromTheRevisionsDone() {
        try (Progress progress = progress(4, Duration.ofHours(1))) {
            progress.advance();
            now += 1_100_000_000L;
            assertThat(progress.line()).isEqualTo("stairway 1/4 revisions, 1 s, about 3 s left");
            progress.advance();
            progress.advance();
            progress.advance();
            assertThat(progress.line()).isEqualTo("stairway 4/4 revisions, 1 s");
        }
    }

    @Test
    void stopsLoggingWhenClosed() {
        progress(10, Duration.ofSeconds(10)).close();
        ticker.tick();
        assertThat(ticker.stopped).isTrue();
        assertThat(lines).isEmpty();
    }
}
