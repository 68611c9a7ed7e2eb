package dev.migrate.revision;

import dev.migrate.database.postgres.PostgresSyntax;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.common.Finding;
import dev.migrate.sql.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RevisionFolderTest {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final String ROOT = "20261120143000_create_users.sql";
    private static final String GOOD = String.join("\n",
            "-- parents: base",
            "-- message: create users",
            "",
            "-- upgrade",
            "CREATE TABLE users (id bigint PRIMARY KEY);",
            "",
            "-- downgrade",
            "DROP TABLE users;",
            "");

    @TempDir
    Path dir;

    @Test
    void readsAGoodFileWithEveryHeaderKey() throws IOException {
        write("20261121090000_merge_and_more.sql", String.join("\n",
                "-- Author: Jane (documentation, kept as is)",
                "-- parents: 20261120143000, 20261120150000",
                "-- message: merge the two branches: finally",
                "-- depends-on: 20261101000000,20261102000000",
                "-- branch: billing, billing.v2",
                "-- transactional: FALSE",
                "-- irreversible: true",
                "-- lint-ignore: add-column-default, PG101",
                "-- upgrade",
                "CREATE INDEX CONCURRENTLY ix ON users (email);",
                "ANALYZE users;",
                "-- downgrade",
                ""));

        RevisionFolder folder = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE);

        assertThat(folder.problems()).isEmpty();
        Revision r = folder.revisions().get(0);
        assertThat(r.id()).isEqualTo("20261121090000");
        assertThat(r.slug()).isEqualTo("merge_and_more");
        assertThat(r.file()).isEqualTo(dir.resolve("20261121090000_merge_and_more.sql"));
        assertThat(r.parents()).containsExactly("20261120143000", "20261120150000");
        assertThat(r.parentsLine()).isEqualTo(2);
        assertThat(r.message()).isEqualTo("merge the two branches: finally");
        assertThat(r.dependsOn()).containsExactly("20261101000000", "20261102000000");
        assertThat(r.dependsOnLine()).isEqualTo(4);
        assertThat(r.branchLabels()).containsExactly("billing", "billing.v2");
        assertThat(r.transactional()).isFalse();
        assertThat(r.irreversibleAcknowledged()).isTrue();
        assertThat(r.lintIgnore()).containsExactlyInAnyOrder("add-column-default", "PG101");
        assertThat(r.upgrade().firstLine()).isEqualTo(10);
        assertThat(r.upgrade().statements()).containsExactly(
                new Statement("CREATE INDEX CONCURRENTLY ix ON users (email)", 10), new Statement("ANALYZE users", 11));
        assertThat(r.downgrade().firstLine()).isEqualTo(13);
        assertThat(r.downgrade().isEmpty()).isTrue();
        assertThat(r.upgrade().checksum()).hasSize(64);
    }

    @Test
    void readsDefaultsWhenOptionalKeysAreAbsent() throws IOException {
        write(ROOT, GOOD);

        Revision r = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE).revisions().get(0);

        assertThat(r.isRoot()).isTrue();
        assertThat(r.transactional()).isTrue();
        assertThat(r.irreversibleAcknowledged()).isFalse();
        assertThat(r.dependsOn()).isEmpty();
        assertThat(r.dependsOnLine()).isZero();
        assertThat(r.branchLabels()).isEmpty();
        assertThat(r.lintIgnore()).isEmpty();
        assertThat(r.upgrade().text()).isEqualTo("CREATE TABLE users (id bigint PRIMARY KEY);\n\n");
        assertThat(r.downgrade().statements()).containsExactly(new Statement("DROP TABLE users", 8));
    }

    @Test
    void returnsRevisionsSortedById() throws IOException {
        write("20261122000000_c.sql", GOOD.replace("base", "20261120143000"));
        write(ROOT, GOOD);
        write("20261121000000_b.sql", GOOD.replace("base", "20261120143000"));

        assertThat(RevisionFolder.scan(dir, PostgresSyntax.INSTANCE).revisions()).extracting(Revision::id)
                .containsExactly("20261120143000", "20261121000000", "20261122000000");
    }

    @Test
    void bomAndCrlfGiveTheSameRevisionAndChecksumsAsLf() throws IOException {
        write(ROOT, GOOD);
        Path other = dir.resolve("other");
        Files.createDirectory(other);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] crlf = GOOD.replace("\n", "\r\n").replace("PRIMARY KEY);", "PRIMARY KEY);   \t")
                .getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + crlf.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(crlf, 0, content, bom.length, crlf.length);
        Files.write(other.resolve(ROOT), content);

        Revision lf = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE).revisions().get(0);
        RevisionFolder windows = RevisionFolder.scan(other, PostgresSyntax.INSTANCE);

        assertThat(windows.problems()).isEmpty();
        Revision w = windows.revisions().get(0);
        assertThat(w.upgrade().checksum()).isEqualTo(lf.upgrade().checksum());
        assertThat(w.downgrade().checksum()).isEqualTo(lf.downgrade().checksum());
        assertThat(w.upgrade().statements()).isEqualTo(lf.upgrade().statements());
        assertThat(w.parents()).isEmpty();
    }

    @Test
    void anyOtherEditChangesTheChecksum() throws IOException {
        write(ROOT, GOOD);
        write("20261120150000_x.sql", GOOD.replace("PRIMARY KEY", "primary key"));

        List<Revision> revisions = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE).revisions();

        assertThat(revisions.get(0).upgrade().checksum()).isNotEqualTo(revisions.get(1).upgrade().checksum());
        assertThat(revisions.get(0).downgrade().checksum()).isEqualTo(revisions.get(1).downgrade().checksum());
    }

    @Test
    void ignoresMarkerLinesInsideDollarQuotedBodiesAndBlockComments() throws IOException {
        write(ROOT, String.join("\n",
                "-- parents: base",
                "-- upgrade",
                "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$",
                "BEGIN",
                "-- downgrade",
                "  RETURN 1;",
                "END $$;",
                "/*",
                "-- upgrade",
                "*/",
                "-- downgrade",
                "DROP FUNCTION f();"));

        RevisionFolder folder = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE);

        assertThat(folder.problems()).isEmpty();
        Revision r = folder.revisions().get(0);
        // the block comment after the function holds nothing to send, so it is no statement
        assertThat(r.upgrade().statements()).singleElement().extracting(Statement::sql).asString().contains("-- downgrade").endsWith("END $$");
        assertThat(r.downgrade().firstLine()).isEqualTo(12);
        assertThat(r.downgrade().statements()).containsExactly(new Statement("DROP FUNCTION f()", 12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--downgrade", "  --  DOWNGRADE  ", "--\tDownGrade"})
    void acceptsMarkersInAnyCaseAndSpacing(String marker) throws IOException {
        write(ROOT, GOOD.replace("-- downgrade", marker).replace("-- upgrade", "--UPGRADE"));

        RevisionFolder folder = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE);

        assertThat(folder.problems()).isEmpty();
        assertThat(folder.revisions().get(0).downgrade().statements()).hasSize(1);
    }

    @Test
    void readsHeaderLinesWithoutBlanksAndBlanksAroundCommas() throws IOException {
        write("20261121000000_merge.sql", GOOD.replace("-- parents: base", "--parents:20261120143000 ,20261120150000")
                .replace("-- message: create users", "--   message :   spaced out  "));

        Revision r = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE).revisions().get(0);

        assertThat(r.parents()).containsExactly("20261120143000", "20261120150000");
        assertThat(r.isMerge()).isTrue();
        assertThat(r.message()).isEqualTo("spaced out");
    }

    @Test
    void keepsTheOtherMarkerFoundAfterAnUnterminatedString() throws IOException {
        write(ROOT, GOOD.replace("CREATE TABLE users (id bigint PRIMARY KEY);", "SELECT 'oops;"));

        RevisionFolder folder = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE);

        // only the string is reported, not a missing downgrade marker it would otherwise hide
        assertThat(folder.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("string literal opened on line 5 is never closed");
        });
    }

    @Test
    void ignoresFilesThatAreNotSqlAndSubfolders() throws IOException {
        write(ROOT, GOOD);
        write("README.md", "not a revision");
        write(".gitkeep", "");
        write("notes.sql.txt", "x");
        Path sub = dir.resolve("old");
        Files.createDirectory(sub);
        Files.writeString(sub.resolve("broken.sql"), "nonsense");
        Files.createDirectory(dir.resolve("20261120150000_folder.sql"));

        RevisionFolder folder = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE);

        assertThat(folder.problems()).isEmpty();
        assertThat(folder.revisions()).extracting(Revision::id).containsExactly("20261120143000");
    }

    @Test
    void reportsUpperCaseSqlExtensionInsteadOfSkippingIt() throws IOException {
        write("20261120143000_create_users.SQL", GOOD);

        assertThat(RevisionFolder.scan(dir, PostgresSyntax.INSTANCE).problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isZero();
            assertThat(p.toString()).contains("20261120143000_create_users.SQL")
                    .contains("rename it to 20261120143000_create_users.sql");
        });
    }

    @Test
    void reportsMissingFolderWithAdvice() {
        RevisionFolder folder = RevisionFolder.scan(dir.resolve("missing"), PostgresSyntax.INSTANCE);

        assertThat(folder.revisions()).isEmpty();
        assertThat(folder.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(dir.resolve("missing"));
            assertThat(p.message()).contains("does not exist", "create it", "migrate.revisions");
        });
    }

    @Test
    void reportsAFileInPlaceOfTheFolder() throws IOException {
        Path file = write("plain", "x");

        assertThat(RevisionFolder.scan(file, PostgresSyntax.INSTANCE).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is not a folder", "migrate.revisions"));
    }

    @Test
    void reportsDuplicateIdsOnEachFileNamingTheOther() throws IOException {
        write(ROOT, GOOD);
        write("20261120143000_again.sql", GOOD);
        write("20261120150000_fine.sql", GOOD);

        RevisionFolder folder = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE);

        assertThat(folder.problems()).hasSize(2);
        assertThat(problemIn(folder, ROOT).message()).contains("20261120143000_again.sql", "new timestamp");
        assertThat(problemIn(folder, "20261120143000_again.sql").message()).contains(ROOT);
        assertThat(folder.idsOfBrokenFiles()).containsExactly("20261120143000");
        assertThat(folder.revisions()).extracting(Revision::id).containsExactly("20261120150000");
    }

    @Test
    void reportsEveryProblemOfEveryFileInOneScan() throws IOException {
        write(ROOT, GOOD);
        write("20261121000000_no_parents.sql", GOOD.replace("-- parents: base\n", "").replace("-- downgrade\n", ""));
        write("20261122000000_bad_sql.sql", GOOD.replace("base", "2026112014300x")
                .replace("DROP TABLE users;", "DROP TABLE 'users;"));
        write("Create Users.sql", GOOD);
        write("20261340000000_bad_month.sql", GOOD);

        RevisionFolder folder = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE);

        assertThat(folder.problems()).extracting(p -> p.file().getFileName() + ":" + p.line())
                .containsExactly(
                        "20261121000000_no_parents.sql:1",      // no parents
                        "20261121000000_no_parents.sql:6",      // no downgrade marker
                        "20261122000000_bad_sql.sql:1",         // bad parent id
                        "20261122000000_bad_sql.sql:8",         // unterminated string
                        "20261340000000_bad_month.sql:0",
                        "Create Users.sql:0");
        assertThat(folder.revisions()).extracting(Revision::id).containsExactly("20261120143000");
        assertThat(folder.idsOfBrokenFiles())
                .containsExactlyInAnyOrder("20261121000000", "20261122000000", "20261340000000");
    }

    @Test
    void scansTenThousandFiles() throws IOException {
        LocalDateTime first = LocalDateTime.of(2026, 1, 1, 0, 0);
        for (int i = 0; i < 10_000; i++) {
            String parent = i == 0 ? "base" : ID.format(first.plusMinutes(i - 1));
            write(ID.format(first.plusMinutes(i)) + "_r.sql", GOOD.replace("base", parent));
        }
        RevisionFolder folder = RevisionFolder.scan(dir, PostgresSyntax.INSTANCE);

        assertThat(folder.problems()).isEmpty();
        assertThat(folder.revisions()).hasSize(10_000);
    }

    private Finding problemIn(RevisionFolder folder, String fileName) {
        return folder.problems().stream()
                .filter(p -> p.file().getFileName().toString().equals(fileName))
                .findFirst().orElseThrow();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
