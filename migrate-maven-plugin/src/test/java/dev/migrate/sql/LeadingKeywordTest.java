package dev.migrate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadingKeywordTest {

    @ParameterizedTest(name = "[{0}] starts with [{1}]")
    @CsvSource(delimiter = '|', value = {
        "INSERT INTO t VALUES (1)|insert",
        "'  \n\tCreate index i on t (a)'|create",
        "update|update",
        "insert(a)|insert",
        "'-- comment\nDELETE FROM t'|''",
        "(SELECT 1)|''",
        "''|''",
        "'   '|''",
        "DROP_TABLE x|drop",
    })
    void readsTheLettersAfterLeadingWhitespaceInLowerCase(String sql, String expected) {
        assertThat(LeadingKeyword.of(sql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] has the whole keyword [{1}]")
    @CsvSource(delimiter = '|', value = {
        "INSERT INTO t VALUES (1)|insert",
        "insert(a)|insert",
        "' delete\nFROM t'|delete",
        "update|''",
        "DROP_TABLE x|''",
        "insert2 x|''",
        "'-- c\nUPDATE t SET a = 1'|''",
    })
    void countsAWordOnlyWhenWhitespaceOrAParenthesisFollowsIt(String sql, String expected) {
        assertThat(LeadingKeyword.whole(sql)).isEqualTo(expected);
    }
}
