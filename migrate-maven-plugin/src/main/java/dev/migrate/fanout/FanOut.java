package dev.migrate.fanout;

import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.common.MigrateException;
import dev.migrate.history.Status;
import dev.migrate.revision.Revision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs one goal on many databases or schemas, at most {@code parallel} at a time, each on its own
 * connection with its own lock and history table. A failure stops only its own member, unless the
 * run is to stop at the first failure: then members not yet started are skipped (those running
 * finish, since stopping one mid-revision would leave it halfway). Knows nothing of Maven: the
 * task says what a goal does on one member.
 */
public final class FanOut {

    /**
     * What each member's configuration is refused for ({@code name: message}, a reserved or invalid
     * schema name, ...), all of them, so that a run refuses before any member starts rather than
     * failing some members after others have moved. Connects to nothing.
     */
    public static List<String> refusals(List<Member> members) {
        List<String> refused = new ArrayList<>();
        for (Member member : members) {
            try {
                new Migrator(member.config(), MigrationListener.SILENT);
            } catch (MigrateException e) {
                refused.add(member.name() + ": " + e.getMessage());
            }
        }
        return refused;
    }

    /** What a goal does on one member; it notes where the member stood and how far it moved. */
    public interface Task {
        /** Runs the goal on {@code member}; an exception fails this member alone. */
        void run(Member member, Tally tally) throws Exception;
    }

    /** Where one member stood, where it stands and how many revisions ran, noted as the task goes. */
    public static final class Tally {
        private volatile String from = "?";
        private volatile String to = "?";
        private volatile int revisions;

        /** Where the member stood before the goal. */
        public void from(Status status) {
            from = position(status);
        }

        /** Where the member stands now. */
        public void to(Status status) {
            to = position(status);
        }

        /** How many revisions ran (or were recorded) on the member. */
        public void revisions(int count) {
            revisions = count;
        }

        /**
         * Where the member stood when this run began to move it: when it finished having moved
         * nothing, where it stands, since another run (waited for on the lock) moved it after
         * {@link #from} was read, and "from X to Y, 0 revisions" would credit this run with that.
         */
        String start(boolean failed) {
            return !failed && revisions == 0 && !"?".equals(to) ? to : from;
        }
    }

    private final int parallel;
    private final boolean failFast;

    /**
     * A loop over members with a bound on parallelism.
     *
     * @param parallel the most members run at once; 0 or less means one per processor
     * @param failFast skip the members not yet started once one has failed
     */
    public FanOut(int parallel, boolean failFast) {
        this.parallel = parallel > 0 ? parallel : Runtime.getRuntime().availableProcessors();
        this.failFast = failFast;
    }

    /** The most members that run at once. */
    public int parallel() {
        return parallel;
    }

    /** Runs {@code task} on every member and returns one result per member, in their order. */
    public Summary run(List<Member> members, Task task) {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, members.size())),
                runnable -> new Thread(runnable, "migrate-" + threadNumber.incrementAndGet()));
        try {
            List<Future<MemberResult>> futures = new ArrayList<>();
            for (Member member : members) {
                futures.add(pool.submit(() -> runOne(member, task, stop)));
            }
            List<MemberResult> results = new ArrayList<>();
            for (Future<MemberResult> future : futures) {
                results.add(await(future));
            }
            return new Summary(results);
        } finally {
            pool.shutdownNow();
        }
    }

    private MemberResult runOne(Member member, Task task, AtomicBoolean stop) {
        if (stop.get()) {
            return new MemberResult(member.name(), "?", "?", 0, Duration.ZERO, MemberResult.State.SKIPPED, null);
        }
        Tally tally = new Tally();
        long started = System.nanoTime();
        Exception failure = null;
        try {
            task.run(member, tally);
        } catch (Exception e) {
            failure = e;
            if (failFast) {
                stop.set(true);
            }
        }
        return new MemberResult(member.name(), tally.start(failure != null), tally.to, tally.revisions,
                Duration.ofNanos(System.nanoTime() - started),
                failure == null ? MemberResult.State.OK : MemberResult.State.FAILED, failure);
    }

    private static MemberResult await(Future<MemberResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the databases' runs", e);
        } catch (ExecutionException e) {
            // runOne catches every Exception: only an Error gets here
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Where a database stands, for the table: {@code base}, or its current revision ids. */
    public static String position(Status status) {
        if (status == null) {
            return "?";
        }
        return status.current().isEmpty() ? "base"
                : status.current().stream().map(Revision::id).collect(Collectors.joining(","));
    }
}
