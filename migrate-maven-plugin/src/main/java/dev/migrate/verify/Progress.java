package dev.migrate.verify;

import dev.migrate.common.Log;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A progress line for a long phase, every interval ({@code stairway 250/1000 revisions, 12 s, about
 * 36 s left}). A timer thread writes it, so a line comes even while one slow revision runs.
 */
final class Progress implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(10);

    /** Runs a task every interval until the returned handle is closed. */
    interface Ticker {
        AutoCloseable every(Duration interval, Runnable task);
    }

    /** The real one: a daemon timer thread. */
    static final Ticker TIMER = (interval, task) -> {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "migrate-verify-progress");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleAtFixedRate(task, millis, millis, TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    };

    private final String phase;
    private final int total;
    private final Log log;
    private final LongSupplier clock;
    private final long started;
    private final AtomicInteger done = new AtomicInteger();
    private final AutoCloseable ticking;

    /** A progress line every {@code interval} by {@code ticker}, its times read from {@code clock} (nanoseconds). */
    Progress(String phase, int total, Log log, Duration interval, LongSupplier clock, Ticker ticker) {
        this.phase = phase;
        this.total = total;
        this.log = log;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.ticking = ticker.every(interval, this::report);
    }

    static Progress start(String phase, int total, Log log) {
        return new Progress(phase, total, log, INTERVAL, System::nanoTime, TIMER);
    }

    /** One more unit done. */
    void advance() {
        done.incrementAndGet();
    }

    /** The line as it is logged now. */
    String line() {
        int finished = done.get();
        long now = clock.getAsLong();
        long elapsed = TimeUnit.NANOSECONDS.toSeconds(now - started);
        String line = phase + " " + finished + "/" + total + " revisions, " + elapsed + " s";
        if (finished > 0 && finished < total) {
            long left = Math.round((double) (now - started) / finished * (total - finished) / 1e9);
            line += ", about " + left + " s left";
        }
        return line;
    }

    private void report() {
        log.info(line());
    }

    @Override
    public void close() {
        try {
            ticking.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the progress timer", e);
        }
    }
}
