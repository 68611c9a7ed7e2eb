package dev.migrate.bench;

import dev.migrate.MigrateConfig;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.autogenerate.Squasher;
import dev.migrate.database.Dialects;
import dev.migrate.graph.GraphLoader;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.revision.Placeholders;
import dev.migrate.revision.Revision;
import dev.migrate.common.Finding;
import dev.migrate.verify.Phase;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import dev.migrate.schema.SnapshotDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code migrate:squash -Dmigrate.to=head} on a history, then what it buys: a new database upgraded
 * with the squash against one upgraded with the chain. Run with bench/squash.sh.
 *
 * <ul>
 *   <li>{@code prepare HISTORY WORK}: copies HISTORY to WORK/chain and WORK/squashed, squashes
 *       WORK/squashed to head (proven, or the run fails) and verifies it: the squash must be held
 *       equal to the chain with no error of its own (the chain's own findings are counted apart);
 *       {@code SQUASH_BENCH_VERIFY_ROWS} sets verify's rows per table (0: the rows check off);</li>
 *   <li>{@code pairs WORK RUNS}: RUNS pairs, in this one process, of a new database upgraded to head
 *       with the chain, then with the squash; the ratio taken pair by pair;</li>
 *   <li>{@code upgrade FOLDER}: one new database upgraded to head with FOLDER, then dropped (for
 *       timing whole processes);</li>
 *   <li>{@code trace FOLDER}: one upgrade (after one not counted) with every statement in the
 *       server's log, for a breakdown of the run by phase;</li>
 *   <li>{@code floor WORK RUNS}: the floor under both runs, RUNS pairs: the same statements sent by
 *       plain JDBC on one connection, each transactional revision as one batch and one commit,
 *       with no lock, no history table and no checks.</li>
 *   <li>{@code repeat FOLDER RUNS}: RUNS upgrades of new databases with FOLDER (after one not
 *       counted), each run's time and their median: with a one-revision folder, the run's fixed cost;
 *       with a profiler attached, where the run's own time goes.</li>
 * </ul>
 * PostgreSQL at {@code MIGRATE_TEST_PG_URL} (default 127.0.0.1:5432, user postgres); databases
 * named {@code squash_bench_<pid>_<n>}, each dropped after its run.
 */
public final class SquashBenchmark {

    private static final String PG_URL = System.getenv().getOrDefault("MIGRATE_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    private static int created;

    private SquashBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "prepare" -> prepare(Path.of(args[1]), Path.of(args[2]));
            case "pairs" -> pairs(Path.of(args[1]), Integer.parseInt(args[2]));
            case "upgrade" -> System.out.println(upgrade(Path.of(args[1])));
            case "trace" -> trace(Path.of(args[1]));
            case "floor" -> floor(Path.of(args[1]), Integer.parseInt(args[2]));
            case "repeat" -> repeat(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> {
                System.err.println("usage: prepare HISTORY WORK | pairs WORK RUNS | upgrade FOLDER | trace FOLDER"
                        + " | floor WORK RUNS | repeat FOLDER RUNS");
                System.exit(2);
            }
        }
    }

    static void prepare(Path history, Path work) throws IOException {
        Path chain = work.resolve("chain");
        Path squashed = work.resolve("squashed");
        copy(history, chain);
        copy(history, squashed);
        Path pruned = work.resolve("pruned");
        Migrator migrator = new Migrator(new MigrateConfig(PG_URL, null, null, null, squashed, null),
                MigrationListener.SILENT);
        long started = System.nanoTime();
        Squasher.Result result = migrator.squash(new Squasher.Options(null, "head", "squash to head", false), false,
                Map.of());
        long squashMillis = (System.nanoTime() - started) / 1_000_000;
        // the project after -Dmigrate.squash.prune=true: the squash alone
        Files.createDirectories(pruned);
        Files.copy(result.file(), pruned.resolve(result.file().getFileName()));
        System.out.printf(Locale.ROOT, "squash of %d revisions: %s, %d lines, %.1f s, %d warnings%n",
                result.replaced().size(), result.file().getFileName(), Files.readAllLines(result.file()).size(),
                squashMillis / 1000.0, result.warnings().size());
        started = System.nanoTime();
        VerifyOptions options = VerifyOptions.defaults().withAllowIrreversible(true);
        String rows = System.getenv("SQUASH_BENCH_VERIFY_ROWS");
        if (rows != null && !rows.isBlank()) {
            options = options.withRows(Integer.parseInt(rows.strip()));
            System.out.println("verify with migrate.verify.rows=" + rows.strip());
        }
        VerifyResult verified = migrator.verify(options);
        long verifyMillis = (System.nanoTime() - started) / 1_000_000;
        List<Finding> squashErrors = verified.errors().stream().filter(SquashBenchmark::aboutTheSquash).toList();
        System.out.printf(Locale.ROOT, "verify: %.1f s, %d errors (%d about the squash), %d warnings%n",
                verifyMillis / 1000.0, verified.errors().size(), squashErrors.size(), verified.warnings().size());
        verified.rows().stream().filter(row -> row.revisionId() == null)
                .forEach(row -> System.out.println("  " + row.name() + ": " + row.result()));
        squashErrors.stream().limit(5).forEach(f -> System.out.println("  " + f.message()));
        if (!squashErrors.isEmpty() || verified.rows().stream().noneMatch(SquashBenchmark::heldTheSquash)) {
            System.out.println("the squash was not proven equal to the chain; the full cycle's errors:");
            verified.errors().stream().filter(f -> Phase.of(f) == Phase.BASE || Phase.of(f) == Phase.HEAD).limit(8)
                    .forEach(f -> System.out.println("  " + SnapshotDiff.collapse(f.message())));
            System.exit(1);
        }
    }

    /** A finding of the checks that hold the squash against the chain. */
    private static boolean aboutTheSquash(Finding finding) {
        return Phase.of(finding) == Phase.HEAD || finding.message().contains("through the squashes")
                || finding.message().contains("of the squash ");
    }

    /** The report row of a check that ran the squash and compared it with the chain, passed. */
    private static boolean heldTheSquash(VerifyResult.Row row) {
        return (row.name().equals("full cycle") || row.name().equals("squashes on a new database"))
                && row.result().equals("ok");
    }

    static void pairs(Path work, int runs) throws Exception {
        Path chain = work.resolve("chain");
        Path squashed = work.resolve("squashed");
        // one pair not counted: class loading and the JIT's first compilations
        upgrade(chain);
        upgrade(squashed);
        List<Double> chainSeconds = new ArrayList<>();
        List<Double> squashSeconds = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> callRatios = new ArrayList<>();
        System.out.println("| pair | chain: run (s) | squash: run (s) | chain / squash | chain: call (s) | squash: call (s)"
                + " | chain / squash |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 1; i <= runs; i++) {
            long[] chainTimes = timedUpgrade(chain);
            long[] squashTimes = timedUpgrade(squashed);
            double a = chainTimes[0] / 1000.0;
            double b = squashTimes[0] / 1000.0;
            chainSeconds.add(a);
            squashSeconds.add(b);
            ratios.add(a / b);
            double callRatio = (double) chainTimes[1] / squashTimes[1];
            callRatios.add(callRatio);
            System.out.printf(Locale.ROOT, "| %d | %.3f | %.3f | %.1fx | %.3f | %.3f | %.1fx |%n", i, a, b, a / b,
                    chainTimes[1] / 1000.0, squashTimes[1] / 1000.0, callRatio);
        }
        System.out.printf(Locale.ROOT, "median: chain %.3f s (%.3f-%.3f), squash %.3f s (%.3f-%.3f), chain / squash"
                + " %.1fx (%.1f-%.1f) over %d pairs%n", median(chainSeconds), min(chainSeconds), max(chainSeconds),
                median(squashSeconds), min(squashSeconds), max(squashSeconds), median(ratios), min(ratios),
                max(ratios), runs);
        System.out.printf(Locale.ROOT, "median chain / squash of the whole call (files read and checked too): %.1fx"
                + " (%.1f-%.1f)%n", median(callRatios), min(callRatios), max(callRatios));
        System.out.println("run: connecting, the lock, the history table and the plan (the upgrade's Outcome.took);"
                + " call: Migrator.upgrade, the revision files read and checked first");
    }

    /** Upgrades a new database to head with the revisions in {@code folder}; the whole call's milliseconds. */
    static long upgrade(Path folder) throws SQLException {
        return timedUpgrade(folder)[1];
    }

    /**
     * Upgrades a new database to head with the revisions in {@code folder}: the run's milliseconds
     * (connection, lock, history table, plan) and the whole call's (the files read and checked too).
     */
    static long[] timedUpgrade(Path folder) throws SQLException {
        String name = "squash_bench_" + ProcessHandle.current().pid() + "_" + (++created);
        admin("CREATE DATABASE " + name);
        try {
            String url = PG_URL.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
            Migrator migrator = new Migrator(new MigrateConfig(url, null, null, null, folder, null),
                    MigrationListener.SILENT);
            long started = System.nanoTime();
            long run = migrator.upgrade("head").took().toMillis();
            return new long[] {run, (System.nanoTime() - started) / 1_000_000};
        } finally {
            admin("DROP DATABASE " + name);
        }
    }

    /**
     * One upgrade of a new database with every statement and connection written to the server's
     * log (log_min_duration_statement = 0 for that database alone), for a breakdown of the run.
     */
    static void trace(Path folder) throws SQLException {
        upgrade(folder); // not traced: class loading and the JIT's first compilations
        String name = "squash_trace_" + ProcessHandle.current().pid() + "_" + (++created);
        admin("CREATE DATABASE " + name);
        try {
            admin("ALTER DATABASE " + name + " SET log_min_duration_statement = 0");
            String url = PG_URL.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
            Migrator migrator = new Migrator(new MigrateConfig(url, null, null, null, folder, null),
                    MigrationListener.SILENT);
            long started = System.nanoTime();
            long run = migrator.upgrade("head").took().toMillis();
            System.out.println(name + " run " + run + " ms, call " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } finally {
            admin("DROP DATABASE " + name);
        }
    }

    /**
     * RUNS upgrades of new databases with FOLDER, after one not counted: each run's milliseconds and
     * their median (for a profiler attached to this process, or a one-revision folder: the fixed cost).
     */
    static void repeat(Path folder, int runs) throws SQLException {
        upgrade(folder);
        boolean counted = PG_URL.contains("socketFactory=dev.migrate.bench.RoundTripCounter");
        if (counted) {
            RoundTripCounter.reset();
        }
        long server = counted ? RoundTripCounter.serverCpuMillis() : 0;
        long client = counted ? RoundTripCounter.clientCpuMillis() : 0;
        List<Double> took = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            took.add((double) timedUpgrade(folder)[0]);
        }
        System.out.printf(Locale.ROOT, "%d runs of %s: median %.0f ms (%.0f-%.0f), each %s%n", runs, folder,
                median(took), min(took), max(took), took);
        if (counted) {
            // per run: the round trips are printed (divided by bench.perRevision) when the JVM exits
            System.out.printf(Locale.ROOT, "CPU per run: server processes %.1f ms, this JVM %.1f ms%n",
                    (RoundTripCounter.serverCpuMillis() - server) / (double) runs,
                    (RoundTripCounter.clientCpuMillis() - client) / (double) runs);
        }
    }

    static void floor(Path work, int runs) throws SQLException {
        List<Revision> chain = steps(work.resolve("chain"));
        List<Revision> squash = steps(work.resolve("pruned"));
        floorRun(chain);
        floorRun(squash);
        List<Double> ratios = new ArrayList<>();
        System.out.println("| pair | chain: floor (s) | squash: floor (s) | chain / squash |");
        System.out.println("|---:|---:|---:|---:|");
        for (int i = 1; i <= runs; i++) {
            long a = floorRun(chain);
            long b = floorRun(squash);
            ratios.add((double) a / b);
            System.out.printf(Locale.ROOT, "| %d | %.3f | %.3f | %.1fx |%n", i, a / 1000.0, b / 1000.0, (double) a / b);
        }
        System.out.printf(Locale.ROOT, "median floor chain / squash: %.1fx (%.1f-%.1f) over %d pairs%n", median(ratios),
                min(ratios), max(ratios), runs);
    }

    private static List<Revision> steps(Path folder) {
        RevisionGraph graph = GraphLoader.load(folder, Dialects.forUrl(PG_URL).syntax(), Placeholders.NONE, null, null,
                PG_URL, true);
        return graph.upgradePlan(Target.parse("head"), java.util.Set.of()).steps();
    }

    /** The milliseconds of {@code revisions}' upgrade statements on a new database, connection made beforehand. */
    private static long floorRun(List<Revision> revisions) throws SQLException {
        String name = "squash_floor_" + ProcessHandle.current().pid() + "_" + (++created);
        admin("CREATE DATABASE " + name);
        try (Connection connection = DriverManager.getConnection(PG_URL.replaceFirst("/postgres(\\?|$)", "/" + name
                + "$1")); Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            long started = System.nanoTime();
            for (Revision revision : revisions) {
                connection.setAutoCommit(!revision.transactional());
                for (dev.migrate.sql.Statement sql : revision.upgrade().statements()) {
                    if (revision.transactional()) {
                        statement.addBatch(sql.sql());
                    } else {
                        statement.execute(sql.sql());
                    }
                }
                if (revision.transactional()) {
                    statement.executeBatch();
                    connection.commit();
                }
            }
            return (System.nanoTime() - started) / 1_000_000;
        } finally {
            admin("DROP DATABASE " + name);
        }
    }

    private static void admin(String sql) throws SQLException {
        // not counted when the URL names RoundTripCounter: creating and dropping are not the run's
        String url = PG_URL.replaceAll("[?&]socketFactory=[^&]*", "").replaceFirst("(/postgres)&", "$1?");
        try (Connection connection = DriverManager.getConnection(url); Statement statement =
                connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return Collections.min(values);
    }

    private static double max(List<Double> values) {
        return Collections.max(values);
    }
}
