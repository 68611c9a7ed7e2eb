package dev.migrate.authoring;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import dev.migrate.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migrator;
import dev.migrate.revision.Revision;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate:tag at the core: which revision it tags, how it edits the header, what it refuses. */
class TagTest {


    @TempDir
    Path dir;

    Migrator migrator() {
        return new Migrator(Configs.config("jdbc:h2:mem:unused", dir),
                new RecordingListener());
    }

    @Test
    void tagsTheHeadBelowItsParentsLineKeepingTheChecksums() throws IOException {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        Path head = files.add(R2 + "_b", R1, "CREATE TABLE b (id INT);", "DROP TABLE b;");
        Revision before = migrator().load().find(R2).orElseThrow();

        Revision tagged = migrator().tag("release-1.1", null);

        assertThat(tagged.id()).isEqualTo(R2);
        assertThat(Files.readString(head)).startsWith("-- parents: " + R1 + "\n-- tags: release-1.1\n-- message: b");
        Revision after = migrator().load().resolve("release-1.1");
        assertThat(after.id()).isEqualTo(R2);
        assertThat(after.upgrade().checksum()).isEqualTo(before.upgrade().checksum());
        assertThat(after.downgrade().checksum()).isEqualTo(before.downgrade().checksum());
    }

    @Test
    void addsToAnExistingTagsLine() throws IOException {
        Path file = RevisionFiles.in(dir).addWithHeader(R1 + "_a", "-- parents: base\n-- tags: v1", "SELECT 1;",
                "SELECT 2;");

        migrator().tag("release-1.0", R1);

        assertThat(Files.readString(file)).startsWith("-- parents: base\n-- tags: v1, release-1.0\n");
        assertThat(migrator().load().resolve("release-1.0").id()).isEqualTo(R1);
        assertThat(migrator().tag("release-1.0", R1)).isNull();
    }

    @Test
    void refusesSeveralHeadsUnlessARevisionIsNamed() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_a", "base", "SELECT 1;", "SELECT 2;");
        files.add(R2 + "_b", R1, "SELECT 1;", "SELECT 2;");
        files.add(R3 + "_c", R1, "SELECT 1;", "SELECT 2;");

        assertThatThrownBy(() -> migrator().tag("release-1.0", null)).isInstanceOf(InvalidTagException.class)
                .hasMessageContaining("there are 2 heads").hasMessageContaining("-Dmigrate.revision=<id>");
        assertThat(migrator().tag("release-1.0", R3).id()).isEqualTo(R3);
    }

    @Test
    void refusesATagOnAnotherRevisionAndAMalformedTagLeavingTheFilesAlone() throws IOException {
        RevisionFiles files = RevisionFiles.in(dir);
        files.addWithHeader(R1 + "_a", "-- parents: base\n-- tags: release-1.0", "SELECT 1;", "SELECT 2;");
        Path head = files.add(R2 + "_b", R1, "SELECT 1;", "SELECT 2;");
        String text = Files.readString(head);

        assertThatThrownBy(() -> migrator().tag("release-1.0", null)).isInstanceOf(InvalidTagException.class)
                .hasMessageContaining("tag 'release-1.0' is already on " + R1);
        assertThatThrownBy(() -> migrator().tag("head", null)).isInstanceOf(InvalidTagException.class)
                .hasMessageContaining("target keyword");
        assertThatThrownBy(() -> migrator().tag("release 2", null)).isInstanceOf(InvalidTagException.class)
                .hasMessageContaining("may only use letters");
        assertThat(Files.readString(head)).isEqualTo(text);
    }
}
