package dev.migrate.revision;

import dev.migrate.database.postgres.PostgresSyntax;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.common.Finding;
import dev.migrate.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static final Path FILE = Path.of("20261120143000_grants.sql");

    private static Revision revision(String upgrade, String downgrade) {
        String text = "-- parents: base\n-- message: grants\n\n-- upgrade\n" + upgrade + "\n-- downgrade\n" + downgrade;
        RevisionFileParser.Result result = RevisionFileParser.parse(FILE, text.getBytes(StandardCharsets.UTF_8), PostgresSyntax.INSTANCE);
        assertThat(result.problems()).isEmpty();
        return result.revision();
    }

    private static Placeholders.Replaced replace(Map<String, String> values, Revision revision) {
        return new Placeholders(true, values).replace(List.of(revision), "tenant_1", null,
                "jdbc:postgresql://db/app?user=deployer");
    }

    private static List<String> upgradeSql(Placeholders.Replaced replaced) {
        return replaced.revisions().get(0).upgrade().statements().stream().map(Statement::sql).toList();
    }

    @Test
    void replacesEverywhereLikeFlywayInsideStringsAndDollarBodiesToo() {
        Revision revision = revision("GRANT SELECT ON t TO ${role};\n"
                + "COMMENT ON TABLE t IS 'read by ${role}';\n"
                + "CREATE FUNCTION f() RETURNS text AS $$ SELECT '${role}' $$ LANGUAGE sql;", "DROP TABLE t;");

        Placeholders.Replaced replaced = replace(Map.of("role", "reporting"), revision);

        assertThat(replaced.problems()).isEmpty();
        assertThat(upgradeSql(replaced)).containsExactly("GRANT SELECT ON t TO reporting",
                "COMMENT ON TABLE t IS 'read by reporting'",
                "CREATE FUNCTION f() RETURNS text AS $$ SELECT 'reporting' $$ LANGUAGE sql");
    }

    @Test
    void keepsTheTextAndChecksumAsWrittenSoANewValueIsNotAnEdit() {
        Revision revision = revision("GRANT SELECT ON t TO ${role};", "REVOKE SELECT ON t FROM ${role};");

        Revision first = replace(Map.of("role", "a"), revision).revisions().get(0);
        Revision second = replace(Map.of("role", "b"), revision).revisions().get(0);

        assertThat(first.upgrade().checksum()).isEqualTo(second.upgrade().checksum())
                .isEqualTo(revision.upgrade().checksum());
        assertThat(first.downgrade().text()).isEqualTo(revision.downgrade().text()).contains("${role}");
        assertThat(second.downgrade().statements()).extracting(Statement::sql).containsExactly("REVOKE SELECT ON t FROM b");
    }

    @Test
    void resolvesTheBuiltInsFromTheConfigurationAndTheRevision() {
        Revision revision = revision("CREATE TABLE ${migrate:schema}.t (by text DEFAULT '${migrate:user}',"
                + " rev text DEFAULT '${migrate:revision}');", "DROP TABLE t;");

        assertThat(upgradeSql(replace(Map.of(), revision))).containsExactly("CREATE TABLE tenant_1.t (by text DEFAULT"
                + " 'deployer', rev text DEFAULT '20261120143000')");
    }

    @Test
    void doubledDollarWritesTheLiteralPlaceholder() {
        Revision revision = revision("SELECT '$${role}', '${role}';", "SELECT 1;");

        assertThat(upgradeSql(replace(Map.of("role", "x"), revision))).containsExactly("SELECT '${role}', 'x'");
    }

    @Test
    void reportsEveryPlaceholderWithoutAValueWithItsFileLine() {
        Revision revision = revision("CREATE TABLE t (id int);\nGRANT SELECT ON t TO ${role};", "REVOKE ALL ON t FROM"
                + " ${other};\nDROP TABLE ${migrate:nope};");

        List<Finding> problems = replace(Map.of(), revision).problems();

        assertThat(problems).extracting(Finding::line).containsExactly(6, 8, 9);
        assertThat(problems.get(0).message()).contains("${role}", "upgrade section", "has no value",
                "-Dmigrate.placeholders.role=value", "$${role}");
        assertThat(problems.get(2).message()).contains("not a built-in placeholder");
    }

    @Test
    void aMissingSchemaForTheBuiltInSaysWhatToSet() {
        Revision revision = revision("SET search_path TO ${migrate:schema};", "SELECT 1;");

        List<Finding> problems = new Placeholders(true, Map.of()).replace(List.of(revision), null, null, "jdbc:h2:mem:x")
                .problems();

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("set migrate.schema"));
    }

    @Test
    void statementsKeepTheirFileLinesWhenAValueSpansLines() {
        Revision revision = revision("SELECT ${three_lines};\nCREATE TABLE after_it (id int);\n\nDROP TABLE x;",
                "SELECT 1;");

        List<Statement> statements = replace(Map.of("three_lines", "1,\n2,\n3"), revision).revisions().get(0)
                .upgrade().statements();

        assertThat(statements).extracting(Statement::sql).containsExactly("SELECT 1,\n2,\n3",
                "CREATE TABLE after_it (id int)", "DROP TABLE x");
        assertThat(statements).extracting(Statement::line).containsExactly(5, 6, 8);
    }

    @Test
    void theReplacedTextIsSplitByPsqlRules() {
        Revision revision = revision("${two_statements};", "SELECT 1;");

        assertThat(upgradeSql(replace(Map.of("two_statements", "SELECT 1; SELECT ';'"), revision)))
                .containsExactly("SELECT 1", "SELECT ';'");
    }

    @Test
    void aValueThatOpensAQuoteIsAProblemOnThePlaceholdersLine() {
        Revision revision = revision("SELECT 1;\nSELECT ${broken};", "SELECT 1;");

        List<Finding> problems = replace(Map.of("broken", "'oops"), revision).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("placeholders replaced", "does not close");
        });
    }

    @Test
    void disabledLeavesTheSqlAsWritten() {
        Revision revision = revision("SELECT '${role}', '$${role}';", "SELECT 1;");

        Placeholders.Replaced replaced = new Placeholders(false, Map.of()).replace(List.of(revision), null, null, null);

        assertThat(replaced.problems()).isEmpty();
        assertThat(upgradeSql(replaced)).containsExactly("SELECT '${role}', '$${role}'");
    }

    @Test
    void textThatIsNoPlaceholderNameIsLeftAlone() {
        Revision revision = revision("SELECT '${1}', '${ role }', '$x{y}';", "SELECT 1;");

        Placeholders.Replaced replaced = replace(Map.of(), revision);

        assertThat(replaced.problems()).isEmpty();
        assertThat(upgradeSql(replaced)).containsExactly("SELECT '${1}', '${ role }', '$x{y}'");
    }

    @Test
    void printsNamesButNeverValues() {
        assertThat(new Placeholders(true, Map.of("secret", "hunter2")).toString()).contains("secret")
                .doesNotContain("hunter2");
    }
}
