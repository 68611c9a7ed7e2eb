package dev.migrate.verify;

import dev.migrate.common.Log;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A progress line for a long phase, every interval ({@code stairway 250/1000 revisions, 12 s, about
 * 36 s left}). A timer thread writes it, so a line comes even while one slow revision runs.
 */
final class Progress implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(10);

    private final String phase;
    private final int total;
    private final Log log;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final ScheduledExecutorService timer;

    Progress(String phase, int total, Log log, Duration interval) {
        this.phase = phase;
        this.total = total;
        this.log = log;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "migrate-verify-progress");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleAtFixedRate(this::report, millis, millis, TimeUnit.MILLISECONDS);
    }

    static Progress start(String phase, int total, Log log) {
        return new Progress(phase, total, log, INTERVAL);
    }

    /** One more unit done. */
    void advance() {
        done.incrementAndGet();
    }

    /** The line as it is logged now. */
    String line() {
        int finished = done.get();
        long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        String line = phase + " " + finished + "/" + total + " revisions, " + elapsed + " s";
        if (finished > 0 && finished < total) {
            long left = Math.round((double) (System.nanoTime() - started) / finished * (total - finished) / 1e9);
            line += ", about " + left + " s left";
        }
        return line;
    }

    private void report() {
        log.info(line());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
