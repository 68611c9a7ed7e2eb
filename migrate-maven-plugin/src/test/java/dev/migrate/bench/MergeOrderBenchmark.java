package dev.migrate.bench;

import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.testing.Configs;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import java.nio.file.Path;

/**
 * Verifies one folder of revisions on PostgreSQL with rows and locks off, so that the merge-order
 * check is most of what differs between two builds; run with bench/merge-order.sh. Prints the verify
 * time and the merge order's share; fails when verify finds an error (the generated history has none).
 */
public final class MergeOrderBenchmark {

    private static final String PG_URL = System.getenv().getOrDefault("MIGRATE_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private MergeOrderBenchmark() {
    }

    public static void main(String[] args) {
        Migrator migrator = new Migrator(Configs.config(PG_URL, Path.of(args[0])), MigrationListener.SILENT);
        long started = System.nanoTime();
        VerifyResult result = migrator.verify(VerifyOptions.defaults().withRows(0).withLocks(false));
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (result.hasErrors()) {
            throw new IllegalStateException("the generated history should pass: " + result.errors().get(0));
        }
        long merges = result.findings().stream().filter(f -> f.message().startsWith("merge order")).count();
        System.out.println("verify " + millis + " ms; " + String.join(", ", result.costs().stream()
                .map(cost -> cost.check() + " " + cost.millis() + " ms").toList()) + "; merge-order findings " + merges);
    }
}
