package dev.migrate.sql;

import dev.migrate.database.postgres.PostgresSyntax;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatementSplitterTest {

    /** A row: what the rule is, the input (first line is line 1), the statements and their lines. */
    static Stream<Arguments> cases() {
        return Stream.of(
                row("splits at top-level semicolons",
                        "SELECT 1; SELECT 2;", texts("SELECT 1", "SELECT 2"), lines(1, 1)),
                row("numbers lines from the first kept character",
                        "\n\nSELECT 1;\n  SELECT\n 2;", texts("SELECT 1", "SELECT\n 2"), lines(3, 4)),
                row("text after the last semicolon is a statement",
                        "SELECT 1;\nSELECT 2", texts("SELECT 1", "SELECT 2"), lines(1, 2)),
                row("single-quoted string hides semicolons",
                        "SELECT 'a;b'; SELECT 2", texts("SELECT 'a;b'", "SELECT 2"), lines(1, 1)),
                row("doubled quote stays inside the string",
                        "SELECT 'it''s;'; SELECT 2", texts("SELECT 'it''s;'", "SELECT 2"), lines(1, 1)),
                row("backslash is ordinary in a plain string",
                        "SELECT 'C:\\';SELECT 2", texts("SELECT 'C:\\'", "SELECT 2"), lines(1, 1)),
                row("string spanning lines counts its newlines",
                        "SELECT 'a\nb;\nc';\nSELECT 2", texts("SELECT 'a\nb;\nc'", "SELECT 2"), lines(1, 4)),
                row("E string honours backslash-quote",
                        "SELECT E'it\\'s;'; SELECT 2", texts("SELECT E'it\\'s;'", "SELECT 2"), lines(1, 1)),
                row("lower-case e string honours escaped backslash",
                        "SELECT e'\\\\'; SELECT 'x;'", texts("SELECT e'\\\\'", "SELECT 'x;'"), lines(1, 1)),
                row("E at the end of an identifier does not start an E string",
                        "SELECT some'\\'; SELECT 2", texts("SELECT some'\\'", "SELECT 2"), lines(1, 1)),
                row("E string continued on the next line keeps escapes",
                        "SELECT E'a'\n'\\';'; SELECT 2", texts("SELECT E'a'\n'\\';'", "SELECT 2"), lines(1, 2)),
                row("U&, B, X and N strings use plain quoting",
                        "SELECT U&'\\';SELECT B'1;';SELECT X'F;';SELECT N'n;'",
                        texts("SELECT U&'\\'", "SELECT B'1;'", "SELECT X'F;'", "SELECT N'n;'"), lines(1, 1, 1, 1)),
                row("double-quoted identifier hides semicolons and doubles quotes",
                        "SELECT \"a;\"\"b\"; SELECT 2", texts("SELECT \"a;\"\"b\"", "SELECT 2"), lines(1, 1)),
                row("U& quoted identifier hides semicolons",
                        "SELECT U&\"a;\"; SELECT 2", texts("SELECT U&\"a;\"", "SELECT 2"), lines(1, 1)),
                row("dollar quote hides semicolons and quotes",
                        "DO $$ BEGIN x'; END; $$; SELECT 2", texts("DO $$ BEGIN x'; END; $$", "SELECT 2"), lines(1, 1)),
                row("tagged dollar quote ends only at the same tag",
                        "SELECT $fn$ a $$; $x$ ; $fn$; SELECT 2",
                        texts("SELECT $fn$ a $$; $x$ ; $fn$", "SELECT 2"), lines(1, 1)),
                row("dollar tag may start with underscore or non-ASCII",
                        "SELECT $_t$;$_t$; SELECT $é1$;$é1$",
                        texts("SELECT $_t$;$_t$", "SELECT $é1$;$é1$"), lines(1, 1)),
                row("positional parameter is not a dollar quote",
                        "SELECT $1; SELECT $2", texts("SELECT $1", "SELECT $2"), lines(1, 1)),
                row("dollar inside an identifier does not open a quote",
                        "SELECT a$b$; SELECT 2", texts("SELECT a$b$", "SELECT 2"), lines(1, 1)),
                row("dollar quote spanning lines counts its newlines",
                        "CREATE FUNCTION f() AS $$\nSELECT 1;\n$$ LANGUAGE sql;\nSELECT 2",
                        texts("CREATE FUNCTION f() AS $$\nSELECT 1;\n$$ LANGUAGE sql", "SELECT 2"), lines(1, 4)),
                row("line comment hides semicolons",
                        "SELECT 1 -- no; split\n, 2; SELECT 3",
                        texts("SELECT 1 -- no; split\n, 2", "SELECT 3"), lines(1, 2)),
                row("leading line comments and blank lines are dropped",
                        "-- first\n\n  -- second\nSELECT 1;", texts("SELECT 1"), lines(4)),
                row("leading block comment is kept",
                        "\n/* why */\nSELECT 1;", texts("/* why */\nSELECT 1"), lines(2)),
                row("block comments nest",
                        "SELECT /* a /* b; */ still; */ 1; SELECT 2",
                        texts("SELECT /* a /* b; */ still; */ 1", "SELECT 2"), lines(1, 1)),
                row("block comment start inside an operator",
                        "SELECT 1 +/* ; */ 2; SELECT 3", texts("SELECT 1 +/* ; */ 2", "SELECT 3"), lines(1, 1)),
                row("comments inside a statement are kept verbatim",
                        "SELECT 1, -- one\n 2 /* two */;", texts("SELECT 1, -- one\n 2 /* two */"), lines(1)),
                row("parentheses hide semicolons",
                        "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 2",
                        texts("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))",
                                "SELECT 2"),
                        lines(1, 1)),
                row("unbalanced closing parenthesis does not go negative",
                        "SELECT 1); SELECT 2", texts("SELECT 1)", "SELECT 2"), lines(1, 1)),
                row("BEGIN ATOMIC body with CASE is one statement",
                        "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; "
                                + "SELECT CASE WHEN true THEN 1 END; END; SELECT 2",
                        texts("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; "
                                + "SELECT CASE WHEN true THEN 1 END; END", "SELECT 2"),
                        lines(1, 1)),
                row("CREATE OR REPLACE PROCEDURE body is one statement, any case",
                        "create or replace procedure p() language sql begin atomic insert into t values (1); end;\nselect 2",
                        texts("create or replace procedure p() language sql begin atomic insert into t values (1); end",
                                "select 2"),
                        lines(1, 2)),
                row("CREATE PROCEDURE and CREATE OR REPLACE FUNCTION bodies too",
                        "CREATE PROCEDURE p() BEGIN ATOMIC SELECT 1; END; CREATE OR REPLACE FUNCTION g() BEGIN ATOMIC SELECT 1; END;",
                        texts("CREATE PROCEDURE p() BEGIN ATOMIC SELECT 1; END",
                                "CREATE OR REPLACE FUNCTION g() BEGIN ATOMIC SELECT 1; END"),
                        lines(1, 1)),
                row("CASE outside a BEGIN does not count",
                        "CREATE FUNCTION f() RETURNS int AS 'SELECT 1' LANGUAGE sql IMMUTABLE; SELECT CASE WHEN true THEN 1 END; SELECT 2",
                        texts("CREATE FUNCTION f() RETURNS int AS 'SELECT 1' LANGUAGE sql IMMUTABLE",
                                "SELECT CASE WHEN true THEN 1 END", "SELECT 2"),
                        lines(1, 1, 1)),
                row("BEGIN outside a routine definition is a statement of its own",
                        "BEGIN; SELECT 1; COMMIT;", texts("BEGIN", "SELECT 1", "COMMIT"), lines(1, 1, 1)),
                row("BEGIN inside parentheses does not count",
                        "CREATE FUNCTION f(begin int) RETURNS int LANGUAGE sql RETURN 1; SELECT 2",
                        texts("CREATE FUNCTION f(begin int) RETURNS int LANGUAGE sql RETURN 1", "SELECT 2"), lines(1, 1)),
                row("words in strings, comments and quoted identifiers do not count",
                        "CREATE FUNCTION f() RETURNS text LANGUAGE sql RETURN 'begin' /* begin */ || \"begin\"; SELECT 2",
                        texts("CREATE FUNCTION f() RETURNS text LANGUAGE sql RETURN 'begin' /* begin */ || \"begin\"",
                                "SELECT 2"),
                        lines(1, 1)),
                row("the routine heuristic restarts with every statement",
                        "SELECT 1; CREATE FUNCTION f() BEGIN ATOMIC SELECT 1; END; SELECT 3",
                        texts("SELECT 1", "CREATE FUNCTION f() BEGIN ATOMIC SELECT 1; END", "SELECT 3"), lines(1, 1, 1)),
                row("only a routine definition at the start of a statement counts",
                        "CREATE TABLE function (begin int); SELECT 2",
                        texts("CREATE TABLE function (begin int)", "SELECT 2"), lines(1, 1)),
                row("empty pieces are not statements",
                        ";; SELECT 1;;\n;", texts("SELECT 1"), lines(1)),
                row("comment-only text is not a statement",
                        "-- only a comment\n/* and a block */\n", texts(), lines()),
                row("comment-only piece between semicolons is dropped",
                        "SELECT 1; /* nothing */ ; -- tail", texts("SELECT 1"), lines(1)),
                row("trailing whitespace is trimmed, trailing comment kept",
                        "SELECT 1 -- done\n\n", texts("SELECT 1 -- done"), lines(1)),
                row("CRLF line breaks are tolerated",
                        "SELECT 1;\r\n\r\nSELECT\r\n 2;\r\n", texts("SELECT 1", "SELECT\r\n 2"), lines(1, 3)),
                row("empty text has no statements", "", texts(), lines()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splitsLikePsql(String rule, String input, List<String> expectedTexts, List<Integer> expectedLines) {
        List<Statement> statements = StatementSplitter.split(input, 1, PostgresSyntax.INSTANCE);

        assertThat(statements).extracting(Statement::sql).containsExactlyElementsOf(expectedTexts);
        assertThat(statements).extracting(Statement::line).containsExactlyElementsOf(expectedLines);
    }

    @Test
    void numbersLinesFromTheGivenFirstLine() {
        assertThat(StatementSplitter.split("\nSELECT 1;\nSELECT 2;", 10, PostgresSyntax.INSTANCE))
                .containsExactly(new Statement("SELECT 1", 11), new Statement("SELECT 2", 12));
    }

    static Stream<Arguments> unterminated() {
        return Stream.of(
                Arguments.of("SELECT 1;\nSELECT 'abc;\n", "string literal", 2),
                Arguments.of("SELECT E'abc\\';\n", "string literal E'...'", 1),
                Arguments.of("SELECT E'abc\\", "string literal E'...'", 1),
                Arguments.of("\n\nSELECT \"col;\n", "quoted identifier", 3),
                Arguments.of("SELECT 1;\nDO $fn$ BEGIN END; $$;\n", "dollar-quoted string $fn$", 2),
                Arguments.of("DO $$ BEGIN END;", "dollar-quoted string $$", 1),
                Arguments.of("SELECT 1;\n/* outer /* inner */ still open\n", "block comment", 2),
                Arguments.of("SELECT 1;\n\n\nSELECT B'101;", "string literal", 4));
    }

    @ParameterizedTest(name = "{1} opened on line {2}")
    @MethodSource("unterminated")
    void rejectsUnterminatedConstructWithTheLineWhereItOpened(String input, String what, int line) {
        assertThatThrownBy(() -> StatementSplitter.split(input, 1, PostgresSyntax.INSTANCE))
                .isInstanceOfSatisfying(UnterminatedSqlException.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessage(what + " opened on line " + line + " is never closed; close it before the end of the section");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transactionControl")
    void recognisesTransactionControl(String sql) {
        assertThat(PostgresSyntax.INSTANCE.isTransactionControl(new Statement(sql, 1))).isTrue();
    }

    static Stream<String> transactionControl() {
        return Stream.of("BEGIN", "begin work", "BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE",
                "START TRANSACTION", "start\n  transaction read only", "COMMIT", "COMMIT PREPARED 'x'",
                "commit and chain", "END", "END TRANSACTION", "ROLLBACK", "ROLLBACK PREPARED 'x'",
                "rollback work", "ABORT", "PREPARE TRANSACTION 'x'", "prepare\ttransaction 'x'",
                "-- leading comment\nCOMMIT", "/* a /* nested */ comment */ BEGIN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notTransactionControl")
    void recognisesStatementsThatAreNotTransactionControl(String sql) {
        assertThat(PostgresSyntax.INSTANCE.isTransactionControl(new Statement(sql, 1))).isFalse();
    }

    static Stream<String> notTransactionControl() {
        return Stream.of("BEGIN ATOMIC SELECT 1; END", "SAVEPOINT a", "RELEASE SAVEPOINT a", "RELEASE a",
                "ROLLBACK TO SAVEPOINT a", "rollback to a", "ROLLBACK WORK TO SAVEPOINT a",
                "ROLLBACK TRANSACTION TO a", "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE",
                "PREPARE q AS SELECT 1", "START", "SELECT 1", "COMMITTED", "beginning", "CREATE TABLE t (id int)",
                "-- only a comment");
    }

    @Test
    void linesInsideQuotesAndCommentsAreNotTopLevel() {
        String text = String.join("\n",
                "-- parents: base",                         // 1
                "-- upgrade",                               // 2
                "CREATE FUNCTION f() RETURNS int AS $$",    // 3
                "-- downgrade",                             // 4 inside $$
                "$$ LANGUAGE sql; /* open",                 // 5 starts inside $$
                "-- downgrade",                             // 6 inside comment
                "*/ SELECT 'a",                             // 7 starts inside comment
                "-- downgrade';",                           // 8 inside string
                "SELECT \"x",                               // 9
                "\";",                                      // 10 inside identifier
                "-- downgrade");                            // 11
        assertThat(StatementSplitter.topLevelLines(text, PostgresSyntax.INSTANCE).stream().boxed())
                .containsExactly(1, 2, 3, 9, 11);
    }

    @Test
    void restartsAtTheGivenLinesAfterAnUnterminatedConstruct() {
        String text = String.join("\n",
                "-- upgrade",           // 1
                "SELECT 'never closed;", // 2
                "-- downgrade",         // 3 would be inside the string
                "SELECT 1;",            // 4
                "SELECT $$ open",       // 5
                "-- upgrade",           // 6 restart again
                "");                    // 7
        assertThat(StatementSplitter.topLevelLines(text, PostgresSyntax.INSTANCE).stream().boxed()).containsExactly(1, 2);
        assertThat(StatementSplitter.topLevelLines(text, PostgresSyntax.INSTANCE, line -> line.startsWith("-- ")).stream().boxed())
                .containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(StatementSplitter.topLevelLines(text, PostgresSyntax.INSTANCE, line -> false).stream().boxed()).containsExactly(1, 2);
    }

    // Large inputs: what they split into, not how fast (bench/parse-plan.sh measures that). The
    // timeout only stops a splitter gone quadratic, which would take hours here, not seconds.
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void largeInputSplitsIntoEveryStatement() {
        StringBuilder sql = new StringBuilder();
        String chunk = "INSERT INTO t VALUES (1, 'it''s; fine', E'\\'', $$x;y$$); -- comment; here\n"
                + "/* block; /* nested */ */ SELECT \"a;b\" FROM u;\n";
        while (sql.length() < 20_000_000) {
            sql.append(chunk);
        }

        List<Statement> statements = StatementSplitter.split(sql.toString(), 1, PostgresSyntax.INSTANCE);

        int chunks = sql.length() / chunk.length();
        assertThat(statements).hasSize(chunks * 2);
        assertThat(statements.get(statements.size() - 1).sql()).isEqualTo("/* block; /* nested */ */ SELECT \"a;b\" FROM u");
        assertThat(statements.get(statements.size() - 1).line()).isEqualTo(chunks * 2);
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void longUnterminatedDollarQuoteIsRefused() {
        String sql = "SELECT $a$" + "$b$ x ".repeat(2_000_000);

        assertThatThrownBy(() -> StatementSplitter.split(sql, 1, PostgresSyntax.INSTANCE)).isInstanceOf(UnterminatedSqlException.class);
    }

    private static Arguments row(String rule, String input, List<String> texts, List<Integer> lines) {
        return Arguments.of(rule, input, texts, lines);
    }

    private static List<String> texts(String... texts) {
        return List.of(texts);
    }

    private static List<Integer> lines(Integer... lines) {
        return List.of(lines);
    }

    @Test
    void tokensAreTheWordsAndPunctuationOutsideStringsCommentsAndDollarQuotes() {
        List<SqlToken> tokens = StatementSplitter.tokens("ALTER TABLE \"My \"\"odd\"\" t\" /* DROP x */ ADD c int"
                + " DEFAULT 'DROP y' -- DROP z\n CHECK (c > $1) COMMENT $$DROP w$$ E'\\' DROP v'", PostgresSyntax.INSTANCE);

        assertThat(tokens).extracting(SqlToken::text).containsExactly("alter", "table", "My \"odd\" t", "add", "c",
                "int", "default", "check", "(", "c", ">", "$1", ")", "comment");
        assertThat(tokens).filteredOn(SqlToken::word).extracting(SqlToken::text).doesNotContain("drop", "(", ">", "$1");
    }
}
