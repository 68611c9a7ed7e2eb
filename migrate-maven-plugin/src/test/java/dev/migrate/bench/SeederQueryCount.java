package dev.migrate.bench;

import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.common.Finding;
import dev.migrate.testing.Configs;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Counts what verify reads of MariaDB's {@code information_schema} per revision on N generated
 * revisions, each making a table with foreign keys (to the first table, to the one before, by a
 * column named as other tables' keys name theirs) and every fifth also adding a key to an older
 * table; prints the queries and rows per catalog table and writes the findings to
 * {@code args[1]}. Run with {@link CatalogQueryCounter} first on the class path:
 * {@code java -cp <dir with META-INF/services/java.sql.Driver>:<classes>:<test-classes>:<deps>
 * dev.migrate.bench.SeederQueryCount 300 findings.txt}.
 */
public final class SeederQueryCount {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final String ADMIN = "jdbc:mariadb://127.0.0.1:3306/?user=root";

    private SeederQueryCount() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        Path folder = Files.createTempDirectory("migrate-seeder-count-");
        String parent = "base";
        for (int i = 0; i < size; i++) {
            String id = ID.format(LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(i));
            String up;
            String down;
            if (i == 0) {
                up = "CREATE TABLE t0 (id VARCHAR(36) PRIMARY KEY, note VARCHAR(100));";
                down = "DROP TABLE t0;";
            } else if (i % 5 == 4) {
                // a key over a column that tables made later bear without one
                up = "ALTER TABLE t" + (i - 1) + " ADD CONSTRAINT fk_owner" + i + " FOREIGN KEY (owner_id)"
                        + " REFERENCES t0 (id);";
                down = "ALTER TABLE t" + (i - 1) + " DROP FOREIGN KEY fk_owner" + i + ";\nALTER TABLE t" + (i - 1)
                        + " DROP INDEX fk_owner" + i + ";";
            } else {
                up = "CREATE TABLE t" + i + " (id VARCHAR(36) PRIMARY KEY, root_id VARCHAR(36) NOT NULL,"
                        + " owner_id VARCHAR(36), note VARCHAR(100),"
                        + " CONSTRAINT fk_root" + i + " FOREIGN KEY (root_id) REFERENCES t0 (id));";
                down = "DROP TABLE t" + i + ";";
            }
            Files.writeString(folder.resolve(id + "_step_" + i + ".sql"), "-- parents: " + parent
                    + "\n-- message: step " + i + "\n\n-- upgrade\n" + up + "\n\n-- downgrade\n" + down + "\n",
                    StandardCharsets.UTF_8);
            parent = id;
        }
        String database = "fixbatch_count_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute("CREATE DATABASE " + database);
        try {
            String url = "jdbc:mariadb://127.0.0.1:3306/" + database + "?user=root&countCatalog=true";
            VerifyResult result = new Migrator(Configs.config(url, folder), MigrationListener.SILENT)
                    .verify(VerifyOptions.defaults());
            Files.writeString(Path.of(args[1]), result.findings().stream().map(Finding::toString)
                    .collect(Collectors.joining("\n")) + "\n", StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "%d revisions, %d findings (%d errors)%n", size, result.findings().size(),
                    result.errors().size());
            System.out.println("| information_schema table, query | queries | rows | tables named | queries per revision"
                    + " | rows per revision |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            CatalogQueryCounter.tally().forEach((table, t) -> System.out.printf(Locale.ROOT,
                    "| %s | %,d | %,d | %,d | %.2f | %.1f |%n", table, t[0], t[1], t[2], (double) t[0] / size,
                    (double) t[1] / size));
        } finally {
            execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
