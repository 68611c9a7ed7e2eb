package dev.migrate.autogenerate.jpa;

import dev.migrate.testing.Configs;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.SnapshotFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Times what {@code migrate:revision -Dmigrate.autogenerate=true -Dmigrate.desired=jpa} does on a
 * model of N entities (default 50), on H2 and PostgreSQL: Hibernate writing the DDL, then
 * autogenerate from an empty history, then again after one field was added. Maven's own start and
 * dependency resolution, and the compile, are not included. Run with bench/jpa-autogenerate.sh.
 */
public final class JpaAutogenerateBenchmark {

    private static final String PG_ADMIN = System.getenv().getOrDefault("MIGRATE_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    public static void main(String[] args) throws Exception {
        int size = args.length == 0 ? 50 : Integer.parseInt(args[0]);
        System.out.println("| database | entities | DDL by Hibernate (s) | first revision, total (s) | statements |"
                + " after one new field, total (s) | statements |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (boolean postgres : new boolean[] {false, true}) {
            Path work = Files.createTempDirectory("migrate-jpa-bench-");
            String name = "migrate_jpa_bench_" + Long.toHexString(System.nanoTime());
            String url = postgres ? PG_ADMIN.replace("/postgres?", "/" + name + "?")
                    : "jdbc:h2:file:" + work.resolve("db").toAbsolutePath();
            if (postgres) {
                execute(PG_ADMIN, "CREATE DATABASE " + name);
            }
            try {
                JpaProject project = new JpaProject(work.resolve("project"));
                for (int i = 0; i < size; i++) {
                    project.put("model/Entity" + i + ".java", entity(i, ""));
                }
                Migrator migrator = new Migrator(Configs.config(url, work.resolve("migrations")), MigrationListener.SILENT);
                Run first = run(migrator, project.compile("model"), work);
                project.put("model/Entity7.java", entity(7, "    String addedLater;"));
                Run second = run(migrator, project.compile("model"), work);
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %d | %.1f | %d |%n",
                        postgres ? "PostgreSQL" : "H2", size, first.ddlSeconds, first.totalSeconds, first.statements,
                        second.totalSeconds, second.statements);
            } finally {
                if (postgres) {
                    execute(PG_ADMIN, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        }
    }

    private record Run(double ddlSeconds, double totalSeconds, int statements) {
    }

    private static Run run(Migrator migrator, JpaSource source, Path work) throws Exception {
        long started = System.nanoTime();
        Path desired = migrator.jpaDesiredSchema(source, work.resolve("jpa"));
        long ddl = System.nanoTime();
        AutogenerateResult result = migrator.autogenerate(new AutogenerateOptions(desired.toString(), "bench",
                new SnapshotFilter(true, List.of())));
        long done = System.nanoTime();
        migrator.upgrade("head");
        int statements = EntityEditSeriesTest.upgradeStatements(Files.readString(result.file())).size();
        return new Run((ddl - started) / 1e9, (done - started) / 1e9, statements);
    }

    private static String entity(int i, String extra) {
        String parent = i == 0 ? "" : "    @ManyToOne Entity" + (i - 1) + " parent;\n";
        String tags = i % 5 == 0 ? "    @ElementCollection java.util.Set<String> tags;\n" : "";
        return """
                package model;
                import jakarta.persistence.*;
                @Entity
                @Table(indexes = @Index(columnList = "code"), uniqueConstraints = @UniqueConstraint(columnNames = "email"))
                public class Entity%d {
                    enum State { NEW, ACTIVE, CLOSED }
                    @Id @GeneratedValue Long id;
                    @Column(nullable = false, length = 40) String code;
                    String email;
                    Integer quantity;
                    java.time.LocalDate since;
                    @Column(precision = 12, scale = 2) java.math.BigDecimal price;
                    boolean active;
                    @Enumerated(EnumType.STRING) State state;
                %s%s%s
                }
                """.formatted(i, parent, tags, extra);
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
