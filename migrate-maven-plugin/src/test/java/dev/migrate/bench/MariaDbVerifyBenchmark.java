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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Measures {@code migrate:verify} on N generated revisions on MariaDB, the same mix as
 * {@link VerifyBenchmark} (a table, an index, a view, a sequence, in turn) in MySQL syntax. Needs
 * MariaDB at {@code MIGRATE_TEST_MARIADB_URL} (default {@code jdbc:mariadb://127.0.0.1:3306/?user=root});
 * run with {@code bench/verify-mariadb.sh [size ...]}.
 */
public final class MariaDbVerifyBenchmark {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final String ADMIN = System.getenv().getOrDefault("MIGRATE_TEST_MARIADB_URL",
            "jdbc:mariadb://127.0.0.1:3306/?user=root");

    private MariaDbVerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(100, 1_000) : Arrays.stream(args).map(Integer::valueOf).toList();
        System.out.println("| database | revisions | verify (s) | per revision (ms) | phases run |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int size : sizes) {
            Path folder = Files.createTempDirectory("migrate-verify-bench-");
            generate(folder, size);
            String database = "migrate_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            execute("CREATE DATABASE " + database);
            try {
                int query = ADMIN.indexOf('?');
                String url = ADMIN.substring(0, query < 0 ? ADMIN.length() : query).replaceAll("/$", "") + "/" + database
                        + (query < 0 ? "" : ADMIN.substring(query));
                Migrator migrator = new Migrator(Configs.config(url, folder),
                        MigrationListener.SILENT);
                long started = System.nanoTime();
                VerifyResult result = migrator.verify(VerifyOptions.defaults());
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (result.hasErrors()) {
                    throw new IllegalStateException("the generated history should pass: " + result.errors().get(0));
                }
                long phases = result.rows().stream().mapToLong(r -> (r.upMillis() >= 0 ? 1 : 0)
                        + (r.downMillis() >= 0 ? 1 : 0) + (r.reupMillis() >= 0 ? 1 : 0)).sum();
                try (Connection c = DriverManager.getConnection(ADMIN); Statement s = c.createStatement();
                        var rs = s.executeQuery("SELECT VERSION()")) {
                    rs.next();
                    System.out.printf(Locale.ROOT, "| MariaDB %s | %,d | %.1f | %.1f | %,d |%n",
                            rs.getString(1).replaceAll("-.*", ""), size, millis / 1000.0, (double) millis / size, phases);
                }
            } finally {
                execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static void generate(Path folder, int size) throws IOException {
        String parent = "base";
        List<String> tables = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = ID.format(START.plusMinutes(i));
            String table = tables.isEmpty() ? null : tables.get(tables.size() - 1);
            String up;
            String down;
            switch (table == null ? 0 : i % 4) {
                case 0 -> {
                    table = "t" + i;
                    tables.add(table);
                    up = "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(100) DEFAULT 'x' NOT NULL,"
                            + " amount INT CHECK (amount >= 0), created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP);";
                    down = "DROP TABLE " + table + ";";
                }
                case 1 -> {
                    up = "CREATE INDEX ix" + i + " ON " + table + " (name, amount);";
                    down = "DROP INDEX ix" + i + " ON " + table + ";";
                }
                case 2 -> {
                    up = "CREATE VIEW v" + i + " AS SELECT id, name FROM " + table + " WHERE amount > " + i + ";";
                    down = "DROP VIEW v" + i + ";";
                }
                default -> {
                    up = "CREATE SEQUENCE s" + i + " START WITH " + i + ";";
                    down = "DROP SEQUENCE s" + i + ";";
                }
            }
            String text = "-- parents: " + parent + "\n-- message: step " + i + "\n\n-- upgrade\n" + up
                    + "\n\n-- downgrade\n" + down + "\n";
            Files.writeString(folder.resolve(id + "_step_" + i + ".sql"), text, StandardCharsets.UTF_8);
            parent = id;
        }
    }
}
