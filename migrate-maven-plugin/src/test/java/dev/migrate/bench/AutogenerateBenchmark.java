package dev.migrate.bench;

import dev.migrate.testing.Configs;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.CheckOptions;
import dev.migrate.autogenerate.CheckResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures autogenerate and check on N generated revisions, on H2 and on PostgreSQL. Run with
 * bench/autogenerate.sh; prints a Markdown table row per database and size.
 *
 * <p>The history is the one {@link VerifyBenchmark} generates (tables, indexes, views, functions or
 * sequences). A database upgraded to its head and then changed by hand (a table, a column, an index,
 * a view redefined) is the desired schema of autogenerate and the live database of check.
 */
public final class AutogenerateBenchmark {

    private static final String PG_URL = System.getenv().getOrDefault("MIGRATE_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(300) : Arrays.stream(args).map(Integer::valueOf).toList();
        System.out.println("| database | revisions | autogenerate (s) | changes | check (s) | differences named |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (int size : sizes) {
            for (boolean postgres : new boolean[] {false, true}) {
                Path folder = Files.createTempDirectory("migrate-autogen-bench-");
                VerifyBenchmark.generate(folder, size, postgres);
                String url = postgres ? database("migrate_autogen_bench") : "jdbc:h2:mem:autogen_bench;DB_CLOSE_DELAY=-1";
                Migrator migrator = new Migrator(Configs.config(url, folder),
                        MigrationListener.SILENT);
                migrator.upgrade("head");
                changeByHand(url, size);
                long started = System.nanoTime();
                CheckResult check = migrator.check(new CheckOptions(folder.resolve("none").toString(), null));
                long checkMillis = (System.nanoTime() - started) / 1_000_000;
                started = System.nanoTime();
                AutogenerateResult result = migrator.autogenerate(new AutogenerateOptions(url, "by hand"));
                long autogenMillis = (System.nanoTime() - started) / 1_000_000;
                if (!result.changes().todos().isEmpty()) {
                    throw new IllegalStateException("autogenerate should write every change: " + result.warnings());
                }
                System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %d | %.1f | %d |%n",
                        postgres ? "PostgreSQL 15" : "H2 2.3 (in memory)", size, autogenMillis / 1000.0,
                        result.changes().changes().size(), checkMillis / 1000.0, check.errors().size());
                if (postgres) {
                    execute(PG_URL, "DROP DATABASE migrate_autogen_bench WITH (FORCE)");
                }
            }
        }
    }

    private static String database(String name) throws SQLException {
        execute(PG_URL, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        execute(PG_URL, "CREATE DATABASE " + name);
        int query = PG_URL.indexOf('?');
        String base = query < 0 ? PG_URL : PG_URL.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : PG_URL.substring(query));
    }

    /** The developer's changes: a new table with a foreign key, a column, an index, a view redefined. */
    private static void changeByHand(String url, int size) throws SQLException {
        execute(url, "CREATE TABLE extra (id INT PRIMARY KEY, t0_id INT REFERENCES t0 (id), note VARCHAR(50))");
        execute(url, "ALTER TABLE t0 ADD COLUMN added INT DEFAULT 7");
        execute(url, "CREATE INDEX ix_extra_note ON extra (note)");
        execute(url, "DROP VIEW v2");
        execute(url, "CREATE VIEW v2 AS SELECT id, name, amount FROM t0 WHERE amount > 2");
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

}
