package dev.migrate.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migrator;
import dev.migrate.common.Finding;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.lint.LintConfig;
import dev.migrate.lint.Linter;
import dev.migrate.revision.Revision;
import dev.migrate.testing.Configs;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verify's lint, on a thread of its own: a revision's findings are there as soon as lint has passed
 * it, the whole list at the end, and what lint throws reaches whoever waits. The timeouts only keep a
 * broken build from hanging: lint that blocked its readers until the end would never let go here.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedLintTest {

    @TempDir
    Path dir;

    RevisionGraph graph;
    Revision first;
    Revision second;
    Revision third;

    @BeforeEach
    void history() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add("20260101000000_orders", "base", "CREATE TABLE orders (id BIGINT);", "DROP TABLE orders;");
        files.add("20260102000000_index", "20260101000000", "CREATE INDEX ix_orders ON orders (id);",
                "DROP INDEX ix_orders;");
        files.add("20260103000000_sku", "20260102000000", "ALTER TABLE orders ADD COLUMN sku TEXT NOT NULL;",
                "ALTER TABLE orders DROP COLUMN sku;");
        graph = new Migrator(Configs.config("jdbc:postgresql://127.0.0.1:1/unused", dir), new RecordingListener())
                .load();
        first = graph.ordered().get(0);
        second = graph.ordered().get(1);
        third = graph.ordered().get(2);
    }

    @Test
    void givesARevisionsFindingsWhileLaterRevisionsAreNotYetLinted() throws InterruptedException {
        CountDownLatch goOn = new CountDownLatch(1);
        SharedLint lint = SharedLint.start(LintConfig.defaults(), "migrate-verify-lint", each ->
                Linter.lint(graph, LintConfig.defaults(), (revision, findings) -> {
                    each.accept(revision, findings);
                    if (revision == second) {
                        await(goOn); // lint holds here until the second revision's findings were read
                    }
                }));

        List<Finding> ofSecond = lint.findings(second);
        goOn.countDown();

        assertThat(ofSecond).extracting(Finding::ruleId).containsExactly("index-without-concurrently");
        assertThat(lint.findings(third)).extracting(Finding::ruleId).containsExactly("not-null-without-default");
        assertThat(lint.findings()).isEqualTo(Linter.lint(graph, LintConfig.defaults()));
    }

    @Test
    void runsOnADaemonThreadOfTheGivenName() {
        SharedLint lint = SharedLint.start(LintConfig.defaults(), "migrate-verify-lint", each -> {
            Thread thread = Thread.currentThread();
            return List.of(Finding.lint(first.file(), 1, thread.getName(), dev.migrate.common.Severity.INFO,
                    "daemon " + thread.isDaemon(), ""));
        });

        assertThat(lint.findings()).extracting(Finding::ruleId, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("migrate-verify-lint", "daemon true"));
    }

    @Test
    void aWaiterGetsWhatLintThrewMidway() throws InterruptedException {
        IllegalStateException broke = new IllegalStateException("lint broke on the second revision");
        CountDownLatch waiting = new CountDownLatch(1);
        SharedLint lint = SharedLint.start(LintConfig.defaults(), "migrate-verify-lint", each ->
                Linter.lint(graph, LintConfig.defaults(), (revision, findings) -> {
                    if (revision == second) {
                        await(waiting);
                        throw broke;
                    }
                    each.accept(revision, findings);
                }));

        assertThat(lint.findings(first)).isEmpty();
        waiting.countDown();
        assertThatThrownBy(() -> lint.findings(third)).isSameAs(broke);
        assertThatThrownBy(() -> lint.findings(second)).isSameAs(broke);
        assertThatThrownBy(lint::findings).isSameAs(broke);
        // what lint passed before it broke stays readable
        assertThat(lint.findings(first)).isEmpty();
    }

    @Test
    void anErrorReachesTheWaiterAsItself() {
        StackOverflowError deep = new StackOverflowError("too deep");
        SharedLint lint = SharedLint.start(LintConfig.defaults(), "migrate-verify-lint", each -> {
            throw deep;
        });

        assertThatThrownBy(() -> lint.findings(first)).isSameAs(deep);
        assertThatThrownBy(lint::findings).isSameAs(deep);
    }

    @Test
    void aRevisionLintDoesNotKnowHasNoFindings() {
        SharedLint lint = SharedLint.start(graph, LintConfig.defaults(), "migrate-verify-lint");

        assertThat(lint.findings()).extracting(Finding::ruleId)
                .containsExactly("index-without-concurrently", "not-null-without-default");
        RevisionFiles.in(dir.resolve("other")).add("20270101000000_other", "base", "CREATE INDEX ix ON orders (id);",
                "DROP INDEX ix;");
        Revision unknown = new Migrator(Configs.config("jdbc:postgresql://127.0.0.1:1/unused", dir.resolve("other")),
                new RecordingListener()).load().ordered().get(0);
        assertThat(lint.findings(unknown)).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
