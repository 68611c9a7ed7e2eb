package dev.migrate.revision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.common.Finding;
import dev.migrate.database.postgres.PostgresSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A symbolic link that leads back to itself is reported as a loop, not as a file that does not exist. */
class LoopingSymlinkTest {

    @TempDir
    Path dir;

    @Test
    void aRevisionFileLinkedInACircleIsReportedAsALoop() throws IOException {
        Path a = dir.resolve("20260101000000_a.sql");
        Path b = dir.resolve("20260102000000_b.sql");
        Files.createSymbolicLink(a, b.getFileName());
        Files.createSymbolicLink(b, a.getFileName());

        RevisionFolder folder = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE);

        assertThat(folder.problems()).hasSize(2).allSatisfy(problem -> assertThat(problem.message())
                .contains("symbolic link that leads back to itself").contains("(again)")
                .doesNotContain("does not exist"));
        assertThat(folder.problems()).map(Finding::file).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void aRevisionsFolderLinkedToItselfIsReportedAsALoop() throws IOException {
        Path folder = dir.resolve("migrations");
        Files.createSymbolicLink(folder, folder.getFileName());

        RevisionFolder scanned = RevisionFolder.scan(folder, PostgresSyntax.INSTANCE);

        assertThat(scanned.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("the revisions folder is a symbolic link that leads back to itself")
                .contains(folder + " -> migrations (again)").doesNotContain("does not exist"));
    }

    @Test
    void aLinkToAMissingFileStillSaysSo() throws IOException {
        Files.createSymbolicLink(dir.resolve("20260101000000_a.sql"), dir.resolve("gone.sql"));

        assertThat(RevisionFolder.scan(dir, PostgresSyntax.INSTANCE).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("which does not exist"));
    }
}
