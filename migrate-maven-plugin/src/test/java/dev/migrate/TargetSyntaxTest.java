package dev.migrate;

import static dev.migrate.testing.Ids.R1;
import dev.migrate.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.mysql.MysqlSyntax;
import dev.migrate.revision.InvalidRevisionsException;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionFileParser;
import dev.migrate.sql.Statement;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revision files are split by the rules of the database the configuration's URL names. */
class TargetSyntaxTest {


    @TempDir
    Path dir;

    @Test
    void h2UrlSplitsAsH2sScriptRunnerSoASlashSlashCommentHidesItsSemicolon() {
        RevisionFiles.in(dir).add(R1 + "_create_a", "base",
                "CREATE TABLE a (id INT PRIMARY KEY); // the key; not a statement\nINSERT INTO a VALUES (1);",
                "DROP TABLE a;");
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            Migrator migrator = new Migrator(Configs.config(db.url(), dir),
                    new RecordingListener());

            assertThat(migrator.load().resolve(R1).upgrade().statements()).extracting(Statement::sql)
                    .containsExactly("CREATE TABLE a (id INT PRIMARY KEY)",
                            "INSERT INTO a VALUES (1)");
            migrator.upgrade("head");

            assertThat(db.column("SELECT COUNT(*) FROM a")).containsExactly("1");
        }
    }

    @Test
    void postgresUrlKeepsPsqlRulesForTheSameFile() {
        RevisionFiles.in(dir).add(R1 + "_create_a", "base",
                "CREATE TABLE a (id INT PRIMARY KEY); // the key; not a statement\nINSERT INTO a VALUES (1);",
                "DROP TABLE a;");
        Migrator migrator = new Migrator(Configs.config("jdbc:postgresql://127.0.0.1:1/none", dir), new RecordingListener());

        assertThat(migrator.load().resolve(R1).upgrade().statements()).extracting(Statement::sql)
                .containsExactly("CREATE TABLE a (id INT PRIMARY KEY)", "// the key", "not a statement\nINSERT INTO a"
                        + " VALUES (1)");
    }

    @Test
    void mysqlFileKeepsLinesAfterHashCommentsAndDelimiterLinesAndFindsMarkersAtTopLevelOnly() {
        String file = String.join("\n",
                "-- parents: base",                                         // 1
                "-- upgrade",                                               // 2
                "# the table; with a semicolon",                            // 3
                "CREATE TABLE `a` (id int, note varchar(20) DEFAULT '",     // 4
                "-- downgrade');",                                          // 5 inside a string
                "DELIMITER $$",                                             // 6
                "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW",         // 7
                "BEGIN SET NEW.note = 'x;'; END$$",                         // 8
                "DELIMITER ;",                                              // 9
                "#",                                                        // 10
                "INSERT INTO a VALUES (1, 'it\\'s');",                      // 11
                "-- downgrade",                                             // 12
                "DROP TABLE `a`;");                                         // 13
        RevisionFileParser.Result result = RevisionFileParser.parse(Path.of(R1 + "_a.sql"),
                file.getBytes(StandardCharsets.UTF_8), MysqlSyntax.INSTANCE);

        assertThat(result.problems()).isEmpty();
        Revision revision = result.revision();
        assertThat(revision.upgrade().statements()).extracting(Statement::line).containsExactly(4, 7, 11);
        assertThat(revision.upgrade().statements().get(1).sql()).endsWith("END");
        assertThat(revision.downgrade().statements()).extracting(Statement::sql).containsExactly("DROP TABLE `a`");
    }

    @Test
    void unsplittableMysqlFilesAreFileLineProblemsReportedTogether() {
        Path good = Path.of(R1 + "_a.sql");
        RevisionFileParser.Result backtick = RevisionFileParser.parse(good,
                "-- parents: base\n-- upgrade\nCREATE TABLE `a (id int);\n-- downgrade\nDROP TABLE a;\n"
                        .getBytes(StandardCharsets.UTF_8), MysqlSyntax.INSTANCE);
        RevisionFileParser.Result delimiter = RevisionFileParser.parse(good,
                "-- parents: base\n-- upgrade\nDELIMITER\n-- downgrade\nDELIMITER $$\nSELECT 1\nDELIMITER ;\n"
                        .getBytes(StandardCharsets.UTF_8), MysqlSyntax.INSTANCE);

        assertThat(backtick.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("quoted identifier opened on line 3 is never closed");
        });
        assertThat(delimiter.problems()).extracting(p -> p.line()).containsExactly(3, 7);
        assertThat(delimiter.problems().get(0).message()).contains("names no separator");
        assertThat(delimiter.problems().get(1).message()).contains("not ended by its separator '$$'");
    }

    @Test
    void mysqlRoutineBodyWithoutDelimiterLinesIsAFileProblemNotTransactionControl() {
        // as golang-migrate's MySQL files have it: the mysql client ends the statement at DECLARE's ';'
        String file = String.join("\n",
                "-- parents: base",                                          // 1
                "-- upgrade",                                                // 2
                "CREATE TABLE t (id INT PRIMARY KEY, note VARCHAR(20));",    // 3
                "CREATE PROCEDURE fix_notes()",                              // 4
                "BEGIN",                                                     // 5
                "  DECLARE n INT;",                                          // 6
                "  IF n > 0 THEN UPDATE t SET note = ''; END IF;",           // 7
                "END;",                                                      // 8
                "CALL fix_notes();",                                         // 9
                "DROP PROCEDURE fix_notes;",                                 // 10
                "-- downgrade",                                              // 11
                "DELIMITER //",                                              // 12
                "CREATE TRIGGER t_note BEFORE INSERT ON t FOR EACH ROW",     // 13
                "BEGIN IF NEW.note IS NULL THEN SET NEW.note = ''; END IF; END//", // 14
                "DELIMITER ;",                                               // 15
                "DROP TABLE t;");                                            // 16
        RevisionFileParser.Result result = RevisionFileParser.parse(Path.of(R1 + "_a.sql"),
                file.getBytes(StandardCharsets.UTF_8), MysqlSyntax.INSTANCE);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("in the upgrade section, the BEGIN ... END body of this CREATE PROCEDURE"
                    + " ends at its first ';'").contains("DELIMITER //");
        });
    }

    @Test
    void aBacktickTableCrashesNothingOnPostgresRules() {
        RevisionFiles.in(dir).add(R1 + "_create_a", "base", "CREATE TABLE `a`;\nCREATE TABLE (id int);", "");
        Migrator migrator = new Migrator(Configs.config("jdbc:postgresql://127.0.0.1:1/none", dir), new RecordingListener());

        assertThat(migrator.lint(dev.migrate.lint.LintConfig.defaults())).extracting(f -> f.line() + " " + f.ruleId())
                .containsExactly("6 unparsed-statement"); // JSqlParser reads the first one, lint's keywords the second
        assertThat(migrator.load().resolve(R1).upgrade().statements()).extracting(Statement::line).containsExactly(5, 6);
        assertThat(migrator.offlineScript(null, "head", null, dev.migrate.testing.Products.POSTGRES)
                .plan().steps()).hasSize(1);
    }
}
