package dev.migrate.authoring;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static dev.migrate.testing.Ids.R4;
import static dev.migrate.testing.Configs.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.report.Reports;
import dev.migrate.history.Status;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate:branches and migrate:show at the core. */
class BranchesAndShowTest {


    @TempDir
    Path dir;

    Migrator migrator(String url) {
        return new Migrator(config(url, dir), new RecordingListener());
    }

    RevisionGraph forked() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b;");
        files.addWithHeader(R3 + "_create_c", "-- parents: " + R1 + "\n-- message: create c\n-- branch: audit",
                "CREATE TABLE c (id INT PRIMARY KEY);", "DROP TABLE c;");
        files.add(R4 + "_more_c", R3, "ALTER TABLE c ADD COLUMN x INT;", "ALTER TABLE c DROP COLUMN x;");
        return migrator("jdbc:h2:mem:unused").load();
    }

    @Test
    void branchesListsBranchPointsAndLabelledBranchesWithTheirHeads() {
        List<String> lines = Reports.branches(forked());

        assertThat(lines).containsExactly(
                "Branch point " + R1 + " (create a):",
                "  -> " + R2 + " (create b); head: " + R2,
                "  -> " + R3 + " (create c); head: " + R4,
                "Branch 'audit' starts at " + R3 + " (create c); head: " + R4 + " (target it as audit@head)",
                "2 heads: " + R2 + ", " + R4 + " (join them with migrate:merge)");
    }

    @Test
    void branchesOfALineSaysSo() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b;");

        assertThat(Reports.branches(migrator("jdbc:h2:mem:unused").load()))
                .containsExactly("No branches: the revisions form a single line up to " + R2 + " (create b)");
    }

    @Test
    void showWithoutDatabaseGivesHeaderRelationsAndSections() {
        RevisionGraph graph = forked();
        Status files = new Status(graph, List.of());

        List<String> lines = Reports.show(files, graph.resolve("2026010300"), false);

        assertThat(lines).containsSubsequence(
                "Revision:      " + R3,
                "Message:       create c",
                "Parents:       " + R1 + " (create a)",
                "Children:      " + R4 + " (more c)",
                "Branch:        audit",
                "Transactional: yes",
                "Applied:       unknown (no database configured; set migrate.url to know)",
                "-- upgrade",
                "CREATE TABLE c (id INT PRIMARY KEY);",
                "-- downgrade",
                "DROP TABLE c;");
    }

    @OnBothDatabases
    void showTellsWhetherTheRevisionIsApplied(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        forked();
        migrator(db.url()).upgrade(R2);
        Status status = migrator(db.url()).status();

        assertThat(Reports.show(status, status.graph().resolve(R2), true))
                .anySatisfy(line -> assertThat(line).startsWith("Applied:       yes, applied at "))
                .contains("Children:      none (head)");
        assertThat(Reports.show(status, status.graph().resolve(R3), true)).contains("Applied:       no");
    }
}
