package dev.migrate.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.common.Finding;
import dev.migrate.revision.InvalidRevisionsException;
import dev.migrate.revision.Placeholders;
import dev.migrate.revision.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code tags:} and {@code replaces:} headers read from files, and their problems with the others. */
class TagsAndReplacesInFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsTagsAndReplacesWithTheirLines() throws IOException {
        write("20260101000001_a.sql", "-- parents: base\n-- tags: release-1.0, 2026.11\n");
        write("20260101000002_b.sql", "-- parents: 20260101000001\n");
        write("20260101000003_squash.sql", "-- parents: base\n-- message: squash\n"
                + "-- replaces: 20260101000001, 20260101000002\n");

        RevisionGraph graph = load();

        Revision a = graph.find("20260101000001").orElseThrow();
        assertThat(a.tags()).containsExactly("release-1.0", "2026.11");
        assertThat(a.tagsLine()).isEqualTo(2);
        Revision squash = graph.find("20260101000003").orElseThrow();
        assertThat(squash.replaces()).containsExactly("20260101000001", "20260101000002");
        assertThat(squash.replacesLine()).isEqualTo(3);
        assertThat(graph.resolve("2026.11")).isEqualTo(a);
    }

    @Test
    void reportsADuplicateTagTogetherWithTheOtherFileProblems() throws IOException {
        write("20260101000001_a.sql", "-- parents: base\n-- tags: release-1.0\n");
        write("20260101000002_b.sql", "-- parents: 20260101000001\n-- message: b\n-- tags: release-1.0\n");
        write("20260101000003_c.sql", "-- parents: 20260101000002\n-- tags: bad tag\n");

        assertThatThrownBy(this::load).isInstanceOf(InvalidRevisionsException.class).satisfies(thrown -> {
            List<Finding> problems = ((InvalidRevisionsException) thrown).problems();
            assertThat(problems).extracting(p -> p.file().getFileName().toString() + ":" + p.line())
                    .containsExactlyInAnyOrder("20260101000002_b.sql:3", "20260101000003_c.sql:2");
            assertThat(problems).extracting(Finding::message).anySatisfy(message ->
                    assertThat(message).contains("tag 'release-1.0' is already on 20260101000001"));
            assertThat(problems).extracting(Finding::message).anySatisfy(message ->
                    assertThat(message).contains("tag 'bad tag' may only use"));
        });
    }

    private RevisionGraph load() {
        return GraphLoader.load(dir, dev.migrate.testing.Products.H2.syntax(), Placeholders.NONE, null, null, "jdbc:h2:mem:x", true);
    }

    private void write(String name, String header) throws IOException {
        Files.writeString(dir.resolve(name), header + "-- upgrade\nSELECT 1;\n-- downgrade\nSELECT 2;\n");
    }
}
