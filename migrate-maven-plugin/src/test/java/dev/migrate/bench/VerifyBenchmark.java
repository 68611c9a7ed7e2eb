package dev.migrate.bench;

import dev.migrate.testing.Configs;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@code migrate:verify} on N generated revisions, on H2 and on PostgreSQL. Run with
 * bench/verify.sh; prints a Markdown table row per database and size.
 *
 * <p>The generated history is one line of revisions cycling through a table (with a primary key,
 * a default and a check), an index on it, a view over it, and a function (PostgreSQL) or a
 * sequence (H2); every downgrade is correct, so verify does all its work.
 */
public final class VerifyBenchmark {

    private static final java.time.format.DateTimeFormatter ID =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final java.time.LocalDateTime START = java.time.LocalDateTime.of(2020, 1, 1, 0, 0);

    private static final String PG_URL = System.getenv().getOrDefault("MIGRATE_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("realistic")) {
            realistic(args.length > 1 ? Integer.parseInt(args[1]) : 5);
            return;
        }
        if (args.length > 0 && args[0].equals("folder")) {
            folder(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1);
            return;
        }
        List<Integer> sizes = args.length == 0 ? List.of(100, 1_000) : Arrays.stream(args).map(Integer::valueOf).toList();
        System.out.println("| database | revisions | verify (s) | per revision (ms) | phases run | snapshots"
                + " | per revision: rows, locks, merge order (ms) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|");
        for (int size : sizes) {
            for (boolean postgres : new boolean[] {false, true}) {
                // -Dbench.databases=h2 or =postgresql measures one of the two
                String only = System.getProperty("bench.databases", "h2,postgresql");
                if (!only.contains(postgres ? "postgresql" : "h2")) {
                    continue;
                }
                Path folder = Files.createTempDirectory("migrate-verify-bench-");
                generate(folder, size, postgres);
                String url = postgres ? PG_URL : "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1";
                Migrator migrator = new Migrator(Configs.config(url, folder),
                        MigrationListener.SILENT);
                long started = System.nanoTime();
                VerifyResult result = migrator.verify(VerifyOptions.defaults());
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (result.hasErrors()) {
                    throw new IllegalStateException("the generated history should pass: " + result.errors().get(0));
                }
                long phases = result.rows().stream().mapToLong(r -> (r.upMillis() >= 0 ? 1 : 0) + (r.downMillis() >= 0 ? 1 : 0)
                        + (r.reupMillis() >= 0 ? 1 : 0)).sum();
                String costs = result.costs().stream().map(cost -> String.format(Locale.ROOT, "%s %.2f", cost.check(),
                        (double) cost.millis() / size)).collect(java.util.stream.Collectors.joining(", "));
                System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %,d | %,d | %s |%n", postgres ? "PostgreSQL 15"
                        : "H2 2.3 (in memory)", size, millis / 1000.0, (double) millis / size, phases, phases + 1, costs);
                deleteAll(folder);
            }
        }
    }

    /**
     * The realistic PostgreSQL test history, verified {@code runs} times in each configuration, in
     * turns so that load on the machine falls on all alike: as before rows and locks (rows 0, no lock
     * sampling, no merge order), with rows and locks, and with every check. Prints the median times.
     */
    private static void realistic(int runs) throws Exception {
        Path folder = Path.of(VerifyBenchmark.class.getResource("/histories/postgres-realistic").toURI());
        Migrator migrator = new Migrator(Configs.config(PG_URL, folder),
                MigrationListener.SILENT);
        String[] names = {"stairway only (rows 0, locks off, merge order off)", "rows 3 + locks",
            "rows 3 + locks + merge order (default)"};
        VerifyOptions[] configurations = {
            VerifyOptions.defaults().withRows(0).withLocks(false).withMergeOrder(false),
            VerifyOptions.defaults().withMergeOrder(false),
            VerifyOptions.defaults()};
        List<List<Long>> times = new ArrayList<>();
        List<VerifyResult> last = new ArrayList<>();
        for (int c = 0; c < configurations.length; c++) {
            times.add(new ArrayList<>());
            last.add(null);
        }
        migrator.verify(configurations[0]); // warm-up: class loading, JIT, the server's caches
        for (int run = 0; run < runs; run++) {
            for (int c = 0; c < configurations.length; c++) {
                long started = System.nanoTime();
                VerifyResult result = migrator.verify(configurations[c]);
                times.get(c).add((System.nanoTime() - started) / 1_000_000);
                if (result.hasErrors()) {
                    throw new IllegalStateException("the realistic history should pass: " + result.errors().get(0));
                }
                last.set(c, result);
            }
        }
        long baseline = median(times.get(0));
        System.out.println("| configuration | median verify (ms) | vs stairway only | runs | check times of the last run |");
        System.out.println("|---|---:|---:|---:|---|");
        for (int c = 0; c < configurations.length; c++) {
            long median = median(times.get(c));
            String costs = String.join(", ", last.get(c).costs().stream()
                    .map(cost -> cost.check() + " " + cost.millis() + " ms").toList());
            System.out.printf(Locale.ROOT, "| %s | %d | %.2fx | %d | %s |%n", names[c], median,
                    (double) median / baseline, runs, costs.isEmpty() ? "-" : costs);
        }
    }

    /**
     * The revisions in {@code folder} (bench/side-by-side.sh's generated history, say) verified
     * {@code runs} times on PostgreSQL with verify's defaults (lint included, as the goal runs it); prints each run's time and the cost per
     * revision of each check.
     */
    private static void folder(Path folder, int runs) throws Exception {
        Migrator migrator = new Migrator(Configs.config(PG_URL, folder), MigrationListener.SILENT);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            long mainCpu = threads.getCurrentThreadCpuTime();
            long processCpu = os.getProcessCpuTime();
            long runDelay = runQueueNanos();
            // with lint, as migrate:verify runs by default (-Dbench.lint=false: without)
            VerifyResult result = Boolean.parseBoolean(System.getProperty("bench.lint", "true"))
                    ? migrator.verify(VerifyOptions.defaults(), dev.migrate.lint.LintConfig.defaults())
                    : migrator.verify(VerifyOptions.defaults());
            long millis = (System.nanoTime() - started) / 1_000_000;
            mainCpu = threads.getCurrentThreadCpuTime() - mainCpu;
            processCpu = os.getProcessCpuTime() - processCpu;
            runDelay = runQueueNanos() - runDelay;
            if (result.hasErrors()) {
                throw new IllegalStateException("the history should pass: " + result.errors().get(0));
            }
            int size = result.rows().size();
            String costs = result.costs().stream().map(cost -> String.format(Locale.ROOT, "%s %.2f", cost.check(),
                    (double) cost.millis() / size)).collect(java.util.stream.Collectors.joining(", "));
            System.out.printf(Locale.ROOT, "run %d: %d revisions, %.1f s, %.2f ms per revision; per revision: %s;"
                    + " findings %d%n", run + 1, size, millis / 1000.0, (double) millis / size, costs,
                    result.findings().size());
            // the JVM's own CPU: the thread that runs verify, and the whole process (JIT, GC, samplers)
            System.out.printf(Locale.ROOT, "  JVM CPU per revision: main thread %.2f ms, whole process %.2f ms%n",
                    mainCpu / 1e6 / size, processCpu / 1e6 / size);
            // time the main thread was ready to run but found no free core (other threads, the server)
            System.out.printf(Locale.ROOT, "  main thread ready but not running: %.2f ms per revision%n",
                    runDelay / 1e6 / size);
            System.out.println("  JVM CPU by thread so far (ms per revision): " + threadCpu(size));
            System.out.println("  by fifth of the history, mean ms per revision of upgrade, downgrade, re-upgrade"
                    + " (each with its checks): " + byFifth(result.rows()));
        }
    }

    /** This thread's time spent waiting for a core (Linux schedstat), or 0 where there is none. */
    private static long runQueueNanos() {
        try {
            return Long.parseLong(Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split(" ")[1]);
        } catch (IOException | RuntimeException unavailable) {
            return 0;
        }
    }

    /**
     * CPU time of each of this process's threads (compiler and GC threads included), from
     * /proc/self/task, grouped by thread name with digits dropped, largest first.
     */
    private static String threadCpu(int size) throws IOException {
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
            }
        }
        return ticks.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() > 0).map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(),
                        e.getValue() * 10.0 / size)).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * The revisions' phase times in five parts of the history, first to last: a part later in a
     * long history that costs more than an earlier one shows a cost that grows with the history.
     */
    private static String byFifth(List<VerifyResult.Row> all) {
        // the full cycle's row (no upgrade of its own) is the whole history's, not a revision's
        List<VerifyResult.Row> rows = all.stream().filter(r -> r.upMillis() >= 0).toList();
        List<String> parts = new ArrayList<>();
        for (int part = 0; part < 5; part++) {
            List<VerifyResult.Row> slice = rows.subList(rows.size() * part / 5, rows.size() * (part + 1) / 5);
            parts.add(String.format(Locale.ROOT, "%.1f/%.1f/%.1f",
                    slice.stream().mapToLong(r -> Math.max(0, r.upMillis())).average().orElse(0),
                    slice.stream().mapToLong(r -> Math.max(0, r.downMillis())).average().orElse(0),
                    slice.stream().mapToLong(r -> Math.max(0, r.reupMillis())).average().orElse(0)));
        }
        return String.join(" | ", parts);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static void generate(Path folder, int size, boolean postgres) throws IOException {
        String parent = "base";
        List<String> tables = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = ID.format(START.plusMinutes(i));
            String up;
            String down;
            String table = tables.isEmpty() ? null : tables.get(tables.size() - 1);
            switch (table == null ? 0 : i % 4) {
                case 0 -> {
                    table = "t" + i;
                    tables.add(table);
                    up = "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(100) DEFAULT 'x' NOT NULL,"
                            + " amount INT CHECK (amount >= 0), created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP);";
                    down = "DROP TABLE " + table + ";";
                }
                case 1 -> {
                    up = "CREATE INDEX ix" + i + " ON " + table + " (name, amount);";
                    down = "DROP INDEX ix" + i + ";";
                }
                case 2 -> {
                    up = "CREATE VIEW v" + i + " AS SELECT id, name FROM " + table + " WHERE amount > " + i + ";";
                    down = "DROP VIEW v" + i + ";";
                }
                default -> {
                    up = postgres ? "CREATE FUNCTION f" + i + "(x int) RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n"
                            + "    RETURN x + " + i + ";\nEND $$;" : "CREATE SEQUENCE s" + i + " START WITH " + i + ";";
                    down = postgres ? "DROP FUNCTION f" + i + "(int);" : "DROP SEQUENCE s" + i + ";";
                }
            }
            String text = "-- parents: " + parent + "\n-- message: step " + i + "\n\n-- upgrade\n" + up + "\n\n-- downgrade\n"
                    + down + "\n";
            Files.writeString(folder.resolve(id + "_step_" + i + ".sql"), text, StandardCharsets.UTF_8);
            parent = id;
        }
    }

    private static void deleteAll(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }
}
