package dev.migrate.authoring;

import dev.migrate.testing.Configs;
import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migrator;
import dev.migrate.graph.MultipleHeadsException;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.UnknownRevisionException;
import dev.migrate.revision.InvalidNewRevisionException;
import dev.migrate.revision.Revision;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate:revision and migrate:merge at the core: which parents they pick, and that the files load. */
class RevisionAndMergeTest {


    @TempDir
    Path dir;

    Migrator migrator() {
        return new Migrator(Configs.config("jdbc:h2:mem:unused", dir.resolve("migrations")), new RecordingListener());
    }

    RevisionFiles files() {
        return RevisionFiles.in(dir.resolve("migrations"));
    }

    Revision loaded(Path file) {
        RevisionGraph graph = migrator().load();
        return graph.ordered().stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow();
    }

    @Test
    void firstRevisionOfAnEmptyFolderIsARoot() {
        Path file = migrator().revision("create users", List.of(), List.of(), List.of());

        assertThat(file.getFileName().toString()).matches("\\d{14}_create_users\\.sql");
        Revision revision = loaded(file);
        assertThat(revision.isRoot()).isTrue();
        assertThat(revision.message()).isEqualTo("create users");
    }

    @Test
    void createsTheRevisionsFolderWhenMissing() {
        assertThat(dir.resolve("migrations")).doesNotExist();

        Path file = migrator().revision("first", null, null, null);

        assertThat(file).exists();
    }

    @Test
    void parentIsTheSingleHead() {
        files().add(R1 + "_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        files().add(R2 + "_b", R1, "CREATE TABLE b (id INT);", "DROP TABLE b;");

        Path file = migrator().revision("add orders", List.of(), List.of(), List.of());

        Revision revision = loaded(file);
        assertThat(revision.parents()).containsExactly(R2);
        assertThat(migrator().load().heads()).extracting(Revision::id).containsExactly(revision.id());
    }

    @Test
    void refusesSeveralHeadsNamingEachAndTheWaysOut() {
        files().add(R1 + "_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        files().add(R2 + "_b", R1, "CREATE TABLE b (id INT);", "DROP TABLE b;");
        files().add(R3 + "_c", R1, "CREATE TABLE c (id INT);", "DROP TABLE c;");

        assertThatThrownBy(() -> migrator().revision("x", List.of(), List.of(), List.of()))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessageContaining(R2).hasMessageContaining(R3)
                .hasMessageContaining("migrate:merge").hasMessageContaining("migrate.parents");
        assertThat(dir.resolve("migrations")).isDirectoryNotContaining("glob:**/*_x.sql");
    }

    @Test
    void givenParentsMayBePrefixesOrBase() {
        files().add(R1 + "_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        files().add(R2 + "_b", R1, "CREATE TABLE b (id INT);", "DROP TABLE b;");
        files().add(R3 + "_c", R1, "CREATE TABLE c (id INT);", "DROP TABLE c;");

        Revision onB = loaded(migrator().revision("on b", List.of("20260102"), List.of(), List.of()));
        Revision root = loaded(migrator().revision("second root", List.of("base"), List.of("other"), List.of()));

        assertThat(onB.parents()).containsExactly(R2);
        assertThat(root.isRoot()).isTrue();
        assertThat(root.branchLabels()).containsExactly("other");
    }

    @Test
    void writesBranchLabelAndDependsOn() {
        files().add(R1 + "_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        files().add(R2 + "_b", "base", "CREATE TABLE b (id INT);", "DROP TABLE b;");

        Revision revision = loaded(migrator().revision("audit", List.of(R1), List.of("audit"), List.of("2026010200")));

        assertThat(revision.branchLabels()).containsExactly("audit");
        assertThat(revision.dependsOn()).containsExactly(R2);
    }

    @Test
    void refusesAnUnknownParentOrAUsedLabel() {
        files().addWithHeader(R1 + "_a", "-- parents: base\n-- branch: audit", "", "");

        assertThatThrownBy(() -> migrator().revision("x", List.of("2027"), List.of(), List.of()))
                .isInstanceOf(UnknownRevisionException.class);
        assertThatThrownBy(() -> migrator().revision("x", List.of(), List.of("audit"), List.of()))
                .isInstanceOf(InvalidNewRevisionException.class)
                .hasMessageContaining("already used by " + R1 + "_a.sql");
    }

    @Test
    void neverOverwritesAndTwoRevisionsInOneSecondGetTwoIds() throws Exception {
        Path first = migrator().revision("same", List.of(), List.of(), List.of());
        Files.writeString(first, Files.readString(first).replace("-- upgrade\n", "-- upgrade\nCREATE TABLE t (id INT);\n"));
        Path second = migrator().revision("same", List.of(), List.of(), List.of());

        assertThat(second).isNotEqualTo(first);
        assertThat(Files.readString(first)).contains("CREATE TABLE t");
        assertThat(loaded(second).parents()).containsExactly(loaded(first).id());
    }

    @Test
    void mergeJoinsEveryHead() {
        files().add(R1 + "_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        files().add(R2 + "_b", R1, "CREATE TABLE b (id INT);", "DROP TABLE b;");
        files().add(R3 + "_c", R1, "CREATE TABLE c (id INT);", "DROP TABLE c;");

        Path file = migrator().merge(null, List.of());

        Revision merge = loaded(file);
        assertThat(merge.parents()).containsExactly(R2, R3);
        assertThat(merge.isMerge()).isTrue();
        assertThat(merge.message()).isEqualTo("merge " + R2 + ", " + R3);
        assertThat(migrator().load().heads()).extracting(Revision::id).containsExactly(merge.id());
    }

    @Test
    void mergeOfChosenParentsLeavesOtherHeads() {
        files().add(R1 + "_a", "base", "", "");
        files().add(R2 + "_b", R1, "", "");
        files().add(R3 + "_c", R1, "", "");
        files().add("20260104000000_d", R1, "", "");

        Revision merge = loaded(migrator().merge("join b and c", List.of(R2, "20260103")));

        assertThat(merge.parents()).containsExactly(R2, R3);
        assertThat(merge.fileName()).endsWith("_join_b_and_c.sql");
        assertThat(migrator().load().heads()).extracting(Revision::id).containsExactly("20260104000000", merge.id());
    }

    @Test
    void mergeRefusesFewerThanTwoParents() {
        files().add(R1 + "_a", "base", "", "");

        assertThatThrownBy(() -> migrator().merge(null, List.of()))
                .isInstanceOf(InvalidNewRevisionException.class)
                .hasMessageContaining("single head (" + R1 + ")");
        assertThatThrownBy(() -> migrator().merge(null, List.of(R1)))
                .isInstanceOf(InvalidNewRevisionException.class)
                .hasMessageContaining("two or more");
    }
}
