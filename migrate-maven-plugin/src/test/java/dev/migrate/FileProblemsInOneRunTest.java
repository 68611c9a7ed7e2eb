package dev.migrate;

import dev.migrate.testing.Configs;
import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.common.Finding;
import dev.migrate.revision.InvalidRevisionsException;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every problem of every file comes out in one run: entries named like revisions that cannot be
 * read are errors, never skipped, and a file whose sections are broken still has its parents
 * checked.
 */
class FileProblemsInOneRunTest {

    static final String UNKNOWN = "20251231000000";

    @TempDir
    Path dir;

    List<Finding> problems() {
        Migrator migrator = new Migrator(Configs.config("jdbc:h2:mem:unused", dir),
                new RecordingListener());
        InvalidRevisionsException e = (InvalidRevisionsException) org.assertj.core.api.Assertions
                .catchThrowable(migrator::load);
        assertThat(e).as("load() must refuse the files").isNotNull();
        return e.problems();
    }

    @Test
    void aDanglingSymbolicLinkNamedLikeARevisionIsAnErrorNamingIt() throws Exception {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        Files.createSymbolicLink(dir.resolve(R2 + "_create_b.sql"), dir.resolve("elsewhere/gone.sql"));

        assertThat(problems()).singleElement().satisfies(p -> {
            assertThat(p.file().getFileName().toString()).isEqualTo(R2 + "_create_b.sql");
            assertThat(p.message()).contains("symbolic link to", "gone.sql", "does not exist", "delete the link");
        });
    }

    @Test
    void aLinkThatLeadsBackToItselfIsAnErrorNamingTheLoop() throws Exception {
        RevisionFiles.in(dir).add(R1 + "_create_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        Path loop = dir.resolve(R2 + "_loop.sql");
        Files.createSymbolicLink(loop, loop.getFileName());

        assertThat(problems()).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith(loop.toString());
            assertThat(p.message()).contains("leads back to itself", "point the link at the revision file");
        });
    }

    @Test
    void aSyntaxErrorAndAnUnknownParentOfTheSameFileAreReportedTogether() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        files.write(R2 + "_create_b.sql", "-- parents: " + UNKNOWN + "\n\n-- upgrade\nINSERT INTO a VALUES ('x);\n");

        assertThat(problems()).extracting(Finding::toString).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).contains(R2 + "_create_b.sql:1: parent " + UNKNOWN + " is not a known revision"),
                p -> assertThat(p).contains(R2 + "_create_b.sql:4:", "never closed"),
                p -> assertThat(p).contains(R2 + "_create_b.sql:", "no '-- downgrade' marker"));
    }

    @Test
    void aCycleThroughFilesWithMarkerErrorsIsReportedWithThem() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        files.write(R2 + "_create_b.sql", "-- parents: " + R3 + "\n\n-- upgrade\nCREATE TABLE b (id INT);\n");
        files.write(R3 + "_create_c.sql", "-- parents: " + R2 + "\n\n-- upgrade\n-- upgrade\nCREATE TABLE c (id INT);\n"
                + "-- downgrade\nDROP TABLE c;\n");

        assertThat(problems()).extracting(Finding::toString)
                .anySatisfy(p -> assertThat(p).contains("cycle in the revision graph", R2 + " -> " + R3 + " -> " + R2))
                .anySatisfy(p -> assertThat(p).contains(R2 + "_create_b.sql:", "no '-- downgrade' marker"))
                .anySatisfy(p -> assertThat(p).contains(R3 + "_create_c.sql:4:", "appears twice"));
    }

    @Test
    void aParentThatIsABrokenFileIsNotReportedAsUnknown() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.write(R1 + "_create_a.sql", "-- parents: base\n\n-- upgrade\nCREATE TABLE a (id INT);\n");
        files.add(R2 + "_create_b", R1, "CREATE TABLE b (id INT);", "DROP TABLE b;");

        assertThat(problems()).singleElement().asString().contains(R1 + "_create_a.sql", "no '-- downgrade' marker");
    }
}
