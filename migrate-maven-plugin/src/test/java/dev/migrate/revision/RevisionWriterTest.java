package dev.migrate.revision;

import dev.migrate.database.postgres.PostgresSyntax;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevisionWriterTest {

    static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "add orders|add_orders",
        "  Add Orders!  |add_orders",
        "Café: prix TTC|cafe_prix_ttc",
        "ALTER TABLE users ADD email|alter_table_users_add_email",
        "v2 -- 3 indexes|v2_3_indexes",
        "'!!!'|revision",
        "''|revision",
        "a very long message that goes on and on and on about all the things it changes|"
                + "a_very_long_message_that_goes_on_and_on_and_on_abo",
        "12345678901234567890123456789012345678901234567890_x|12345678901234567890123456789012345678901234567890",
        "1234567890123456789012345678901234567890123456789 x|1234567890123456789012345678901234567890123456789",
    })
    void slugIsLowerCaseAsciiWithUnderscores(String message, String slug) {
        assertThat(Slug.of(message)).isEqualTo(slug).matches("[a-z0-9][a-z0-9_]*").hasSizeLessThanOrEqualTo(50);
    }

    @Test
    void namesTheFileAfterTheUtcSecondAndTheMessage() {
        Path file = RevisionWriter.write(dir, new NewRevision(List.of(), "create users", List.of(), List.of()), NOON);

        assertThat(file.getFileName().toString()).isEqualTo("20261120120000_create_users.sql");
    }

    @Test
    void writesAHeaderAndEmptySectionsThatParseCleanly() throws Exception {
        Files.writeString(dir.resolve("20261120110000_first.sql"), "-- parents: base\n-- upgrade\n-- downgrade\n");
        Files.writeString(dir.resolve("20261120113000_other.sql"), "-- parents: base\n-- upgrade\n-- downgrade\n");
        NewRevision revision = new NewRevision(List.of("20261120110000"), "add\norders", List.of("orders"),
                List.of("20261120113000"));

        Path file = RevisionWriter.write(dir, revision, NOON);

        assertThat(Files.readString(file)).isEqualTo("""
                -- parents: 20261120110000
                -- message: add orders
                -- branch: orders
                -- depends-on: 20261120113000

                -- upgrade

                -- downgrade
                """);
        RevisionFolder folder = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE);
        assertThat(folder.problems()).isEmpty();
        Revision written = folder.revisions().stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow();
        assertThat(written.parents()).containsExactly("20261120110000");
        assertThat(written.message()).isEqualTo("add orders");
        assertThat(written.branchLabels()).containsExactly("orders");
        assertThat(written.dependsOn()).containsExactly("20261120113000");
        assertThat(written.upgrade().isEmpty()).isTrue();
    }

    @Test
    void rootRevisionSaysParentsBase() throws Exception {
        Path file = RevisionWriter.write(dir, new NewRevision(List.of(), "", List.of(), List.of()), NOON);

        assertThat(file.getFileName().toString()).isEqualTo("20261120120000_revision.sql");
        assertThat(Files.readString(file)).startsWith("-- parents: base\n\n-- upgrade\n");
        assertThat(RevisionFolder.scan(dir, PostgresSyntax.INSTANCE).problems()).isEmpty();
    }

    @Test
    void takesTheNextFreeSecondWhenTheIdIsUsed() throws Exception {
        Files.writeString(dir.resolve("20261120120000_other.sql"), "x");
        Files.writeString(dir.resolve("20261120120001_Broken Name.SQL"), "x");
        NewRevision revision = new NewRevision(List.of(), "a", List.of(), List.of());

        Path first = RevisionWriter.write(dir, revision, NOON);
        Path second = RevisionWriter.write(dir, revision, NOON);

        assertThat(first.getFileName().toString()).isEqualTo("20261120120002_a.sql");
        assertThat(second.getFileName().toString()).isEqualTo("20261120120003_a.sql");
        assertThat(Files.readString(dir.resolve("20261120120000_other.sql"))).isEqualTo("x");
    }

    @Test
    void createsTheFolderWhenMissing() {
        Path folder = dir.resolve("src/main/migrations");

        Path file = RevisionWriter.write(folder, new NewRevision(List.of(), "first", List.of(), List.of()), NOON);

        assertThat(file).exists().hasParent(folder);
    }

    @Test
    void refusesABranchLabelThatIsNotALabel() {
        assertThatThrownBy(() -> RevisionWriter.write(dir, new NewRevision(List.of(), "x", List.of("my branch"),
                List.of()), NOON))
                .isInstanceOf(InvalidNewRevisionException.class)
                .hasMessageContaining("'my branch'");
        assertThatThrownBy(() -> RevisionWriter.write(dir, new NewRevision(List.of(), "x", List.of("head"),
                List.of()), NOON))
                .isInstanceOf(InvalidNewRevisionException.class)
                .hasMessageContaining("target keyword");
        assertThat(dir).isEmptyDirectory();
    }
}
