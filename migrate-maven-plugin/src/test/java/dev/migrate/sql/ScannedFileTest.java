package dev.migrate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.mysql.MysqlSyntax;
import dev.migrate.database.postgres.PostgresSyntax;
import org.junit.jupiter.api.Test;

/**
 * A file scanned once gives each part's statements exactly as splitting that part alone would, and
 * refuses (null) wherever the part alone would be read differently, so that the parser splits it.
 */
class ScannedFileTest {

    private static final String FILE = String.join("\n",
            "-- parents: base",                                        // 1
            "-- upgrade",                                              // 2
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql",            // 3
            "BEGIN ATOMIC SELECT 1; END;",                             // 4
            "INSERT INTO t VALUES ('a;b', $$;$$);",                    // 5
            "-- downgrade",                                            // 6
            "DROP FUNCTION f;",                                        // 7
            "SELECT 2");                                               // 8

    @Test
    void partsThatStartAndEndWithNothingOpenGetTheStatementsOfTheirOwnSplit() {
        ScannedFile scan = StatementSplitter.scanFile(FILE, PostgresSyntax.INSTANCE, line -> false);

        assertThat(scan.statementsOfLines(3, 6)).isEqualTo(StatementSplitter.split(
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC SELECT 1; END;\n"
                        + "INSERT INTO t VALUES ('a;b', $$;$$);\n", 3, PostgresSyntax.INSTANCE));
        assertThat(scan.statementsOfLines(3, 6)).extracting(Statement::line).containsExactly(3, 5);
        assertThat(scan.statementsOfLines(7, 9)).isEqualTo(StatementSplitter.split("DROP FUNCTION f;\nSELECT 2", 7,
                PostgresSyntax.INSTANCE));
        assertThat(scan.statementsOfLines(7, 9)).extracting(Statement::sql).containsExactly("DROP FUNCTION f",
                "SELECT 2");
    }

    @Test
    void aPartAfterAStatementLeftWithoutItsSemicolonIsLeftToItsOwnSplit() {
        String file = "-- upgrade\nSELECT 1\n-- downgrade\nSELECT 2;\n";

        ScannedFile scan = StatementSplitter.scanFile(file, PostgresSyntax.INSTANCE, line -> false);

        assertThat(scan.statementsOfLines(2, 3)).isNull();
        assertThat(scan.statementsOfLines(4, 5)).isNull();
    }

    @Test
    void aPartAfterAChangedDelimiterIsLeftToItsOwnSplit() {
        String file = "-- upgrade\nDELIMITER $$\nSELECT 1$$\n-- downgrade\nSELECT 2;\n";

        ScannedFile scan = StatementSplitter.scanFile(file, MysqlSyntax.INSTANCE, line -> false);

        assertThat(scan.statementsOfLines(5, 6)).isNull();
    }

    @Test
    void nothingIsVouchedForOnceTheScanFailed() {
        String file = "-- upgrade\nSELECT 1;\n-- downgrade\nSELECT 'open;\n";

        ScannedFile scan = StatementSplitter.scanFile(file, PostgresSyntax.INSTANCE, line -> false);

        assertThat(scan.statementsOfLines(2, 3)).isNull();
        assertThat(scan.topLevelLines().get(3)).isTrue();
    }
}
