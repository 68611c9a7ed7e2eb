package dev.migrate.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A NUL byte in a revision file is a file problem at its line, found before anything runs. */
class RevisionFileNulByteTest {

    static final String NAME = "20260101000000_fill_a.sql";

    @TempDir
    Path dir;

    @Test
    void nulByteIsReportedWithItsLine() throws IOException {
        Files.writeString(dir.resolve(NAME), "-- parents: base\n\n-- upgrade\nINSERT INTO a VALUES ('x\0y');\n\n"
                + "-- downgrade\nDELETE FROM a;\n");

        RevisionFolder folder = RevisionFolder.scan(dir, dev.migrate.testing.Products.H2.syntax());

        assertThat(folder.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.toString()).contains(NAME);
            assertThat(problem.message()).contains("NUL byte (0x00)", "Save it as UTF-8 text");
        });
        assertThat(folder.revisions()).isEmpty();
    }
}
