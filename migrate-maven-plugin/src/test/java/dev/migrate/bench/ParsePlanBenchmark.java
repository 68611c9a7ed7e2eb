package dev.migrate.bench;

import dev.migrate.testing.Configs;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.graph.Plan;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * Measures reading, checking and planning N generated revision files: the work every goal does
 * before it opens a connection. Run with bench/parse-plan.sh; prints a Markdown table row per size.
 *
 * <p>The generated history is a main line with a side branch every 50 revisions that is merged
 * back 10 revisions later, and a mix of plain DDL, inserts and dollar-quoted function bodies.
 */
public final class ParsePlanBenchmark {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final int RUNS = 5;

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length == 0 ? new int[] {1_000, 10_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("| revisions | files (MB) | parse + check (ms, median of " + RUNS + ") | plan head up + base down (ms) | heap after load (MB) |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int size : sizes) {
            Path folder = Files.createTempDirectory("migrate-bench-");
            long bytes = generate(folder, size);
            Migrator migrator = new Migrator(Configs.config("jdbc:h2:mem:unused", folder),
                    MigrationListener.SILENT);
            migrator.load(); // warm up the JIT once, not measured
            long[] loadMillis = new long[RUNS];
            long[] planMillis = new long[RUNS];
            long heap = 0;
            for (int run = 0; run < RUNS; run++) {
                System.gc();
                long before = usedHeap();
                long t0 = System.nanoTime();
                RevisionGraph graph = migrator.load();
                long t1 = System.nanoTime();
                Plan up = graph.upgradePlan(new Target.Head(), new HashSet<>());
                HashSet<String> all = new HashSet<>();
                up.steps().forEach(r -> all.add(r.id()));
                Plan down = graph.downgradePlan(new Target.Base(), all);
                long t2 = System.nanoTime();
                if (up.steps().size() != size || down.steps().size() != size) {
                    throw new IllegalStateException("plans have " + up.steps().size() + "/" + down.steps().size() + " steps");
                }
                heap = Math.max(heap, usedHeap() - before);
                loadMillis[run] = (t1 - t0) / 1_000_000;
                planMillis[run] = (t2 - t1) / 1_000_000;
            }
            Arrays.sort(loadMillis);
            Arrays.sort(planMillis);
            System.out.printf(Locale.ROOT, "| %,d | %.1f | %d | %d | %d |%n", size, bytes / 1e6, loadMillis[RUNS / 2],
                    planMillis[RUNS / 2], heap / (1024 * 1024));
            deleteAll(folder);
        }
    }

    private static long generate(Path folder, int size) throws IOException {
        LocalDateTime time = LocalDateTime.of(2020, 1, 1, 0, 0, 0);
        List<String> ids = new ArrayList<>();
        String mainTip = null;
        String branchTip = null;
        long bytes = 0;
        for (int i = 0; i < size; i++) {
            time = time.plusMinutes(7);
            String id = ID.format(time);
            String parents;
            if (i == 0) {
                parents = "base";
            } else if (i % 50 == 5 && i + 10 < size) {
                parents = mainTip; // a side branch starts here
                branchTip = id;
                ids.add(id);
                bytes += write(folder, id, i, parents);
                continue;
            } else if (branchTip != null && i % 50 == 15) {
                parents = mainTip + ", " + branchTip; // and is merged back here
                branchTip = null;
            } else if (branchTip != null && i % 2 == 0) {
                parents = branchTip;
                branchTip = id;
                ids.add(id);
                bytes += write(folder, id, i, parents);
                continue;
            } else {
                parents = mainTip;
            }
            mainTip = id;
            ids.add(id);
            bytes += write(folder, id, i, parents);
        }
        return bytes;
    }

    private static long write(Path folder, String id, int i, String parents) throws IOException {
        String body = switch (i % 3) {
            case 0 -> "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, name text NOT NULL DEFAULT 'it''s');\n"
                    + "CREATE INDEX ix_t" + i + "_name ON t" + i + " (name);";
            case 1 -> "CREATE FUNCTION f" + i + "() RETURNS trigger LANGUAGE plpgsql AS $fn$\nBEGIN\n  NEW.x := 1; -- ;\n"
                    + "  RETURN NEW;\nEND;\n$fn$;";
            default -> "INSERT INTO settings (k, v) VALUES ('k" + i + "', E'a\\'b;c');\n/* nested /* ; */ comment */";
        };
        String text = "-- parents: " + parents + "\n-- message: revision number " + i + "\n\n-- upgrade\n" + body
                + "\n\n-- downgrade\nDROP TABLE IF EXISTS t" + i + ";\n";
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        Files.write(folder.resolve(id + "_revision_" + i + ".sql"), content);
        return content.length;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void deleteAll(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }
}
