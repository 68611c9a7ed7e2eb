package dev.migrate.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"head", "HEAD", " Head "})
    void readsHeadInAnyCase(String text) {
        assertThat(Target.parse(text)).isEqualTo(new Target.Head());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"heads", "Heads"})
    void readsHeadsInAnyCase(String text) {
        assertThat(Target.parse(text)).isEqualTo(new Target.Heads());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "BASE"})
    void readsBaseInAnyCase(String text) {
        assertThat(Target.parse(text)).isEqualTo(new Target.Base());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"+1, 1", "+12, 12", "-1, -1", "-3, -3", "' +2 ', 2"})
    void readsRelativeSteps(String text, int steps) {
        assertThat(Target.parse(text)).isEqualTo(new Target.Relative(steps));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"20261120143000", "2026", "2", "20261120"})
    void readsIdsAndPrefixes(String text) {
        assertThat(Target.parse(text)).isEqualTo(new Target.Revision(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"users@head, users", "users@HEAD, users", "feature-2@head, feature-2"})
    void readsBranchHeads(String text, String label) {
        assertThat(Target.parse(text)).isEqualTo(new Target.BranchHead(label));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+0", "-0", "+x", "-", "+", "+1.5", "-1a", "+99999999999"})
    void rejectsMalformedRelativeTargets(String text) {
        assertThatThrownBy(() -> Target.parse(text)).isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"@head", "a@b@head", "users@heads", "users@", "users@tail"})
    void rejectsMalformedBranchTargets(String text) {
        assertThatThrownBy(() -> Target.parse(text)).isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("<label>@head");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"202611201430001", "head~1", "release 1", "release/1.0", ".hidden", "_x"})
    void rejectsAnythingElseListingTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Target.parse(text)).isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("'" + text + "' is not a target")
                .hasMessageContainingAll("head", "heads", "base", "+N", "-N", "<label>@head", "prefix", "tag");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"release-1.0", "2026.11", "release_1_0", "latest", "v2"})
    void readsTagShapedTextAsARevisionTargetResolvedAgainstTheTags(String text) {
        assertThat(Target.parse(text)).isEqualTo(new Target.Revision(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void rejectsBlankTargets(String text) {
        assertThatThrownBy(() -> Target.parse(text)).isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("no target given");
    }

    @Test
    void printsEachTargetTheWayUsersWriteIt() {
        assertThat(Target.parse("HEAD")).hasToString("head");
        assertThat(Target.parse("heads")).hasToString("heads");
        assertThat(Target.parse("Base")).hasToString("base");
        assertThat(Target.parse("+2")).hasToString("+2");
        assertThat(Target.parse("-2")).hasToString("-2");
        assertThat(Target.parse("2026")).hasToString("2026");
        assertThat(Target.parse("users@HEAD")).hasToString("users@head");
    }
}
