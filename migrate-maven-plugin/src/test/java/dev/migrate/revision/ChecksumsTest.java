package dev.migrate.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChecksumsTest {

    private static final String TEXT = "CREATE TABLE t (\n  id int\n);\n\nINSERT INTO t VALUES (1);\n";

    static Stream<Arguments> invisibleEdits() {
        return Stream.of(
                Arguments.of("CRLF line endings", TEXT.replace("\n", "\r\n")),
                Arguments.of("CR line endings", TEXT.replace("\n", "\r")),
                Arguments.of("a byte order mark", "\uFEFF" + TEXT),
                Arguments.of("trailing blanks", TEXT.replace("\n", " \t \n")),
                Arguments.of("leading blank lines", "\n  \n\n" + TEXT),
                Arguments.of("trailing blank lines", TEXT + "\n\n   \n"),
                Arguments.of("no final line break", TEXT.strip()));
    }

    @ParameterizedTest(name = "ignores {0}")
    @MethodSource("invisibleEdits")
    void ignoresEditsThatToolsMake(String edit, String edited) {
        assertThat(Checksums.sha256(edited)).isEqualTo(Checksums.sha256(TEXT));
    }

    static Stream<Arguments> realEdits() {
        return Stream.of(
                Arguments.of("a changed word", TEXT.replace("int", "bigint")),
                Arguments.of("changed indentation", TEXT.replace("  id", "    id")),
                Arguments.of("a removed inner blank line", TEXT.replace(";\n\n", ";\n")),
                Arguments.of("an added inner blank line", TEXT.replace("(\n", "(\n\n")),
                Arguments.of("a changed case", TEXT.replace("TABLE", "table")));
    }

    @ParameterizedTest(name = "notices {0}")
    @MethodSource("realEdits")
    void noticesEveryOtherEdit(String edit, String edited) {
        assertThat(Checksums.sha256(edited)).isNotEqualTo(Checksums.sha256(TEXT));
    }

    @Test
    void isLowerCaseHexSha256OfTheNormalizedText() {
        assertThat(Checksums.normalize("\n a  \r\n\r\nb\t\n\n")).isEqualTo(" a\n\nb");
        // SHA-256 of the empty string
        assertThat(Checksums.sha256("\n \n"))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
