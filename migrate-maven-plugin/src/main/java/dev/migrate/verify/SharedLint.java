package dev.migrate.verify;

import dev.migrate.common.Finding;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.lint.LintConfig;
import dev.migrate.lint.Linter;
import dev.migrate.revision.Revision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Lint's findings for the whole history with {@code config}'s settings, made once on a daemon thread of
 * its own while verify works, and published revision by revision in run order as lint passes them: the
 * lock report asks for the revision it reports on and waits only until lint has passed it; the lint
 * phase, at the end, takes the whole list. What lint throws reaches every waiter, even one that waits
 * for a revision lint never got to.
 */
final class SharedLint {

    /** The linting itself: hands each revision's findings to {@code each} as it goes, returns them all. */
    @FunctionalInterface
    interface Work {
        List<Finding> run(BiConsumer<Revision, List<Finding>> each);
    }

    private final LintConfig config;
    /** Revision id -> its findings, for the revisions lint has passed. Guarded by this. */
    private final Map<String, List<Finding>> byRevision = new HashMap<>();
    /** Every finding, in lint's order, once lint is over. Guarded by this. */
    private List<Finding> all;
    /** What lint threw, once it has. Guarded by this. */
    private Throwable failure;

    private SharedLint(LintConfig config) {
        this.config = config;
    }

    /** Starts linting {@code graph} with {@code config} on a daemon thread named {@code threadName}. */
    static SharedLint start(RevisionGraph graph, LintConfig config, String threadName) {
        return start(config, threadName, each -> Linter.lint(graph, config, each));
    }

    /** Starts {@code work}, the lint of {@code config}'s settings, on a daemon thread named {@code threadName}. */
    static SharedLint start(LintConfig config, String threadName, Work work) {
        SharedLint lint = new SharedLint(config);
        Thread thread = new Thread(() -> lint.run(work), threadName);
        thread.setDaemon(true);
        thread.start();
        return lint;
    }

    private void run(Work work) {
        try {
            List<Finding> findings = work.run(this::passed);
            synchronized (this) {
                all = List.copyOf(findings);
                notifyAll();
            }
        } catch (Throwable e) { // a waiter gets whatever lint threw, as a future would hand it over
            synchronized (this) {
                failure = e;
                notifyAll();
            }
        }
    }

    private synchronized void passed(Revision revision, List<Finding> findings) {
        byRevision.put(revision.id(), List.copyOf(findings));
        notifyAll();
    }

    /** The settings lint runs with. */
    LintConfig config() {
        return config;
    }

    /** Every finding, in lint's order (file, line, rule); waits until lint is over. */
    synchronized List<Finding> findings() {
        while (all == null) {
            waitForLint();
        }
        return all;
    }

    /**
     * The findings of {@code revision}, in line order; waits only until lint has passed it (or is over,
     * for a revision lint does not know: none).
     */
    synchronized List<Finding> findings(Revision revision) {
        List<Finding> found;
        while ((found = byRevision.get(revision.id())) == null) {
            if (all != null) {
                return List.of();
            }
            waitForLint();
        }
        return found;
    }

    /** Waits for lint's next news; throws what lint threw, as it threw it (unchecked), once it has. */
    private void waitForLint() {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for lint", e);
        }
    }
}
