package dev.migrate.database.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.common.Finding;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.testing.MariaDbServer;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.TestDatabase;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance on real MySQL histories, kept out of the repository: {@code migrate.acceptance.mysqlHistories}
 * names a folder with one folder of revision files per project ({@code compat/mysql-histories.sh}
 * makes it); without it the test does not run. Each history: upgrade to head leaves the schema the
 * {@code mariadb} client leaves with the same files; verify's findings are written to
 * {@code target/mysql-acceptance/<name>-verify.txt} to be looked at by hand; autogenerate
 * reproduces sampled real changes both ways.
 */
@EnabledIfSystemProperty(named = MysqlHistoriesAcceptanceTest.PROPERTY, matches = ".+")
class MysqlHistoriesAcceptanceTest {

    static final String PROPERTY = "migrate.acceptance.mysqlHistories";
    static final Pattern DDL = Pattern.compile("(?im)^\\s*(CREATE|ALTER|DROP|RENAME)\\s");

    @TempDir
    Path dir;

    @BeforeAll
    static void server() {
        MariaDbServer.require();
    }

    static Stream<Path> histories() throws IOException {
        String only = System.getProperty(PROPERTY + ".only", "");
        try (Stream<Path> folders = Files.list(Path.of(System.getProperty(PROPERTY)))) {
            return folders.filter(Files::isDirectory).filter(f -> only.isEmpty()
                    || List.of(only.split(",")).contains(f.getFileName().toString())).sorted().toList().stream();
        }
    }

    static Path report(Path history, String what) throws IOException {
        Path folder = Path.of("target", "mysql-acceptance");
        Files.createDirectories(folder);
        return folder.resolve(history.getFileName() + "-" + what + ".txt");
    }

    static List<Path> revisions(Path history) throws IOException {
        try (Stream<Path> files = Files.list(history)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }

    static String upgradeSection(Path revision) throws IOException {
        String text = Files.readString(revision);
        int up = text.indexOf("\n-- upgrade\n");
        int down = text.indexOf("\n-- downgrade\n");
        return text.substring(up + "\n-- upgrade\n".length(), down);
    }

    static Migrator migrator(TestDatabase db, Path revisions) {
        return new Migrator(new MigrateConfig(db.url(), null, null, null, revisions, null), new RecordingListener());
    }

    static SchemaSnapshot snapshot(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            return new MysqlSnapshotReader().read(connection, db.name(), "migrate_history");
        }
    }

    /** Runs {@code sql} with the {@code mariadb} client, as a user of the project would. */
    static void client(TestDatabase db, String sql) throws Exception {
        Process process = new ProcessBuilder("mariadb", "-h127.0.0.1", "-P3306", "-uroot", db.name())
                .redirectErrorStream(true).start();
        process.getOutputStream().write(sql.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("mariadb client: %s", output).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void upgradeToHeadLeavesTheSchemaTheClientLeaves(Path history) throws Exception {
        try (TestDatabase plugin = TestDatabase.create(TestDatabase.Kind.MARIADB);
                TestDatabase byClient = TestDatabase.create(TestDatabase.Kind.MARIADB)) {
            migrator(plugin, history).upgrade("head");
            for (Path revision : revisions(history)) {
                client(byClient, upgradeSection(revision));
            }
            SchemaSnapshot ours = snapshot(plugin);
            SchemaSnapshot theirs = snapshot(byClient);
            Files.writeString(report(history, "upgrade"), revisions(history).size() + " revisions, "
                    + ours.objects().size() + " objects; equal: " + ours.equals(theirs) + "\n");
            assertThat(ours).isEqualTo(theirs);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void verifyFindingsAreWrittenForReview(Path history) throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.MARIADB)) {
            long started = System.nanoTime();
            // Ory leaves many downgrades empty on purpose: those are accepted, the others are held to their upgrade
            VerifyResult result = migrator(db, history).verify(VerifyOptions.defaults().withAllowIrreversible(true));
            long millis = (System.nanoTime() - started) / 1_000_000;
            List<String> lines = new ArrayList<>();
            lines.add(revisions(history).size() + " revisions, " + result.errors().size() + " errors, "
                    + result.warnings().size() + " warnings, " + millis + " ms");
            for (Finding finding : result.findings()) {
                lines.add(finding.severity() + " " + finding.message());
            }
            Files.write(report(history, "verify"), lines);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void autogenerateReproducesSampledChangesBothWays(Path history) throws Exception {
        List<Path> all = revisions(history);
        List<Integer> changes = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            if (DDL.matcher(upgradeSection(all.get(i))).find()) {
                changes.add(i);
            }
        }
        int samples = Math.min(10, changes.size());
        List<String> lines = new ArrayList<>();
        int reproduced = 0;
        for (int k = 0; k < samples; k++) {
            int at = changes.get(k * changes.size() / samples);
            String outcome = sample(all, at);
            reproduced += outcome.equals("reproduced") ? 1 : 0;
            lines.add(all.get(at).getFileName() + ": " + outcome);
        }
        lines.add(0, reproduced + " of " + samples + " sampled changes reproduced both ways");
        Files.write(report(history, "autogenerate"), lines);
        assertThat(reproduced).as(String.join("\n", lines)).isGreaterThanOrEqualTo(samples * 9 / 10);
    }

    /** Autogenerates revision {@code at} from the schema before it and the schema after it; says how it went. */
    private String sample(List<Path> all, int at) throws Exception {
        Path before = Files.createDirectories(dir.resolve("before-" + at));
        Path after = Files.createDirectories(dir.resolve("after-" + at));
        for (int i = 0; i <= at; i++) {
            Files.copy(all.get(i), after.resolve(all.get(i).getFileName()));
            if (i < at) {
                Files.copy(all.get(i), before.resolve(all.get(i).getFileName()));
            }
        }
        try (TestDatabase live = TestDatabase.create(TestDatabase.Kind.MARIADB);
                TestDatabase desired = TestDatabase.create(TestDatabase.Kind.MARIADB)) {
            migrator(live, before).upgrade("head");
            migrator(desired, after).upgrade("head");
            SchemaSnapshot start = snapshot(live);
            SchemaSnapshot goal = snapshot(desired);
            if (start.equals(goal)) {
                return "reproduced (no schema change)";
            }
            AutogenerateResult result = migrator(live, before).autogenerate(new AutogenerateOptions(desired.url(),
                    "sample"));
            String text = result.file() == null ? "" : Files.readString(result.file());
            if (text.toUpperCase(Locale.ROOT).contains("TODO")) {
                return "TODO left: " + text.replace('\n', ' ');
            }
            migrator(live, before).upgrade("head");
            if (!snapshot(live).equals(goal)) {
                return "upgrade differs: " + text.replace('\n', ' ');
            }
            migrator(live, before).downgrade("-1");
            if (!snapshot(live).equals(start)) {
                return "downgrade differs: " + text.replace('\n', ' ');
            }
            return "reproduced";
        } catch (RuntimeException e) {
            return "failed: " + e.getMessage();
        }
    }
}
