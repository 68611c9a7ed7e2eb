package dev.migrate.revision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.mysql.MysqlSyntax;
import dev.migrate.database.postgres.PostgresSyntax;
import dev.migrate.sql.SqlSyntax;
import dev.migrate.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The parser scans a file once, but each section is still read as if it stood alone: what the
 * section before it left open (a statement without its separator, a changed DELIMITER) does not
 * change how the next one splits.
 */
class SectionsReadAloneTest {

    private static final Path FILE = Path.of("20261120143000_create_a.sql");

    @Test
    void aStatementLeftOpenAtTheEndOfTheUpgradeDoesNotSwallowTheDowngrade() {
        // read on from the upgrade, '--x' would be two minus signs of the open statement for the mysql client
        Revision revision = parse(MysqlSyntax.INSTANCE, "-- parents: base\n-- upgrade\nCREATE TABLE a (id int)\n"
                + "-- downgrade\n--x\nDROP TABLE a;\n");

        assertThat(revision.upgrade().statements()).containsExactly(new Statement("CREATE TABLE a (id int)", 3));
        assertThat(revision.downgrade().statements()).containsExactly(new Statement("DROP TABLE a", 6));
    }

    @Test
    void aDelimiterChangedInTheUpgradeDoesNotCarryIntoTheDowngrade() {
        Revision revision = parse(MysqlSyntax.INSTANCE, "-- parents: base\n-- upgrade\nDELIMITER $$\n"
                + "CREATE TABLE a (id int)$$\n-- downgrade\nDROP TABLE a;\nSELECT 1;\n");

        assertThat(revision.upgrade().statements()).containsExactly(new Statement("CREATE TABLE a (id int)", 4));
        assertThat(revision.downgrade().statements()).containsExactly(new Statement("DROP TABLE a", 6),
                new Statement("SELECT 1", 7));
    }

    @Test
    void anOpenParenthesisInTheUpgradeDoesNotHoldTheDowngradesSemicolons() {
        Revision revision = parse(PostgresSyntax.INSTANCE, "-- parents: base\n-- upgrade\nSELECT (1\n"
                + "-- downgrade\nSELECT 2;\nSELECT 3;\n");

        assertThat(revision.upgrade().statements()).containsExactly(new Statement("SELECT (1", 3));
        assertThat(revision.downgrade().statements()).containsExactly(new Statement("SELECT 2", 5),
                new Statement("SELECT 3", 6));
    }

    @Test
    void aSectionThatCannotBeSplitIsReportedWithItsLineWhileTheOtherIsRead() {
        RevisionFileParser.Result result = RevisionFileParser.parse(FILE, ("-- parents: base\n-- upgrade\n"
                + "SELECT 1;\n-- downgrade\nSELECT 'open;\n").getBytes(StandardCharsets.UTF_8), PostgresSyntax.INSTANCE);

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(5);
            assertThat(problem.message()).startsWith("in the downgrade section, string literal opened on line 5");
        });
    }

    private static Revision parse(SqlSyntax syntax, String text) {
        RevisionFileParser.Result result = RevisionFileParser.parse(FILE, text.getBytes(StandardCharsets.UTF_8), syntax);
        assertThat(result.problems()).isEmpty();
        return result.revision();
    }
}
