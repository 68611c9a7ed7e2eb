package dev.migrate.database.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.sql.DelimiterMisuseException;
import dev.migrate.sql.Statement;
import dev.migrate.sql.StatementSplitter;
import dev.migrate.sql.UnterminatedSqlException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The split of the {@code mariadb} client: each expected statement list is what MariaDB 10.11's
 * general log showed the client sent for the same input ({@code compat/mysql-client-split.sh}),
 * comments the client strips left in, as the plugin sends them.
 */
class MysqlSyntaxTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("backtick identifier hides the separator",
                        "SELECT `a;b` FROM dual; SELECT 2", "SELECT `a;b` FROM dual", "SELECT 2"),
                row("doubled backtick stays inside the identifier",
                        "SELECT `a``;` FROM t; SELECT 2", "SELECT `a``;` FROM t", "SELECT 2"),
                row("a backslash does not escape a backtick",
                        "SELECT `b\\`; SELECT 2", "SELECT `b\\`", "SELECT 2"),
                row("hash comment hides the separator",
                        "SELECT 9 #tail ; comment\n, 10; SELECT 11", "SELECT 9 #tail ; comment\n, 10", "SELECT 11"),
                row("dash dash blank is a comment",
                        "SELECT 1 -- c; d\n, 2; SELECT 3", "SELECT 1 -- c; d\n, 2", "SELECT 3"),
                row("dash dash tab is a comment",
                        "SELECT 11 --\ttab ;\n;", "SELECT 11 --\ttab ;"),
                row("dash dash at the end of a line is a comment",
                        "SELECT 12 --\n;", "SELECT 12 --"),
                row("dash dash without a blank inside a statement is two minus signs",
                        "SELECT 2 --x\n;SELECT 3", "SELECT 2 --x", "SELECT 3"),
                row("dash dash without a blank before a statement is a comment line",
                        "--x full line\nSELECT 8; --x\nSELECT 9;", "SELECT 8", "SELECT 9"),
                row("backslash escapes a quote in a single-quoted string",
                        "SELECT 'b\\';'; SELECT 2", "SELECT 'b\\';'", "SELECT 2"),
                row("doubled quote stays inside the string",
                        "SELECT 'it''s;'; SELECT 2", "SELECT 'it''s;'", "SELECT 2"),
                row("double-quoted string with backslash and doubled quotes",
                        "SELECT \"dq \"\"x\"\" ; \\\" \" ; SELECT 2", "SELECT \"dq \"\"x\"\" ; \\\" \"", "SELECT 2"),
                row("block comments do not nest",
                        "SELECT /* a /* b */ 13; SELECT 2", "SELECT /* a /* b */ 13", "SELECT 2"),
                row("an executable comment is a statement",
                        "/*!40101 SET @x = 1 */;\n/*M!100100 SELECT 16 */;",
                        "/*!40101 SET @x = 1 */", "/*M!100100 SELECT 16 */"),
                row("the separator ends a statement inside an executable comment",
                        "/*!50001 SELECT 14; */ SELECT 15;", "/*!50001 SELECT 14", "*/ SELECT 15"),
                row("the separator ends a statement inside parentheses",
                        "SELECT (1; SELECT 2)", "SELECT (1", "SELECT 2)"),
                row("go command ends a statement",
                        "SELECT 32 \\g\nSELECT 33;", "SELECT 32", "SELECT 33"),
                row("delimiter $$ for a procedure",
                        "DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END$$\nDELIMITER ;\nSELECT 4;",
                        "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "SELECT 4"),
                row("delimiter // for a function and a trigger, lower case",
                        "delimiter //\nCREATE FUNCTION f() RETURNS int DETERMINISTIC BEGIN RETURN 1; END//\n"
                                + "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 'x;'; END //\n"
                                + "DELIMITER ;\nSELECT 19;",
                        "CREATE FUNCTION f() RETURNS int DETERMINISTIC BEGIN RETURN 1; END",
                        "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 'x;'; END", "SELECT 19"),
                row("two statements on one line with a changed separator",
                        "DELIMITER $$\nSELECT 30 $$ SELECT 31 $$\nDELIMITER ;", "SELECT 30", "SELECT 31"),
                row("mysqldump's ;; separator and executable comments",
                        "DELIMITER ;;\n/*!50003 CREATE*/ /*!50003 TRIGGER tr2 BEFORE INSERT ON t FOR EACH ROW SET @a = 1 */;;\n"
                                + "DELIMITER ;\nSELECT 23",
                        "/*!50003 CREATE*/ /*!50003 TRIGGER tr2 BEFORE INSERT ON t FOR EACH ROW SET @a = 1 */",
                        "SELECT 23"),
                row("a column called delimiter is text",
                        "CREATE TABLE t (\n  delimiter varchar(10)\n);", "CREATE TABLE t (\n  delimiter varchar(10)\n)"),
                row("dollar signs are plain text",
                        "SELECT '$$'; SELECT $$a;", "SELECT '$$'", "SELECT $$a"));
    }

    private static Arguments row(String rule, String input, String... statements) {
        return Arguments.of(rule, input, List.of(statements));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splitsAsTheClientSends(String rule, String input, List<String> expected) {
        assertThat(StatementSplitter.split(input, 1, MysqlSyntax.INSTANCE)).extracting(Statement::sql)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void statementLinesAreRightAfterHashCommentsAndDelimiterLines() {
        String text = String.join("\n",
                "# a hash comment; with a semicolon",  // 1
                "CREATE TABLE a (id int);",             // 2
                "# another",                            // 3
                "DELIMITER $$",                         // 4
                "CREATE PROCEDURE p()",                 // 5
                "BEGIN SELECT 1; END$$",                // 6
                "DELIMITER ;",                          // 7
                "  # indented",                         // 8
                "INSERT INTO a VALUES (1);");           // 9
        assertThat(StatementSplitter.split(text, 10, MysqlSyntax.INSTANCE)).extracting(Statement::line)
                .containsExactly(11, 14, 18);
    }

    @Test
    void refusesDelimiterLineWithoutSeparator() {
        assertThatThrownBy(() -> StatementSplitter.split("SELECT 1;\nDELIMITER\nSELECT 2;", 5, MysqlSyntax.INSTANCE))
                .isInstanceOfSatisfying(DelimiterMisuseException.class, e -> assertThat(e.line()).isEqualTo(6))
                .hasMessageContaining("names no separator");
    }

    @Test
    void refusesDelimiterLineInsideAStatementTheChangedSeparatorHasNotEnded() {
        String text = "DELIMITER $$\nCREATE PROCEDURE q() BEGIN SELECT 1; END\nDELIMITER ;\nSELECT 19;";
        assertThatThrownBy(() -> StatementSplitter.split(text, 1, MysqlSyntax.INSTANCE))
                .isInstanceOfSatisfying(DelimiterMisuseException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("statement starting on line 2 is not ended by its separator '$$'");
    }

    @Test
    void refusesUnterminatedBacktickWithItsLine() {
        assertThatThrownBy(() -> StatementSplitter.split("SELECT 1;\nCREATE TABLE `a (id int);", 1,
                MysqlSyntax.INSTANCE))
                .isInstanceOfSatisfying(UnterminatedSqlException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void knowsXaAndMysqlTransactionControl() {
        assertThat(MysqlSyntax.INSTANCE.isTransactionControl(new Statement("XA START 'x'", 1))).isTrue();
        assertThat(MysqlSyntax.INSTANCE.isTransactionControl(new Statement("# why\nSTART TRANSACTION", 1))).isTrue();
        assertThat(MysqlSyntax.INSTANCE.isTransactionControl(new Statement("ROLLBACK TO SAVEPOINT a", 1))).isFalse();
    }
}
