package dev.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.common.Finding;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MySQL/MariaDB rules: an ALTER that may copy a table, data changes beside DDL, the three-byte utf8. */
class MysqlLintTest {

    static final String R1 = "20260101000000";
    static final String R2 = "20260102000000";

    @TempDir
    Path dir;

    List<Finding> lint(String url, String upgrade, String downgrade) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_t", "base", "CREATE TABLE t (id INT PRIMARY KEY, note VARCHAR(20));", "DROP TABLE t;");
        files.add(R2 + "_change", R1, upgrade, downgrade);
        return new Migrator(new MigrateConfig(url, null, null, null, dir, null), new RecordingListener())
                .lint(LintConfig.defaults()).stream()
                .filter(f -> f.file().getFileName().toString().startsWith(R2)).toList();
    }

    List<Finding> lint(String upgrade, String downgrade) {
        return lint("jdbc:mariadb://127.0.0.1:1/unused", upgrade, downgrade);
    }

    static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }

    @Test
    void alterThatMayCopyAnExistingTableIsToldToAskForAnAlgorithm() {
        List<Finding> findings = lint("ALTER TABLE t MODIFY note VARCHAR(40);",
                "ALTER TABLE t MODIFY note VARCHAR(20);");

        assertThat(findings).filteredOn(f -> f.ruleId().equals("alter-may-copy")).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(5);
            assertThat(f.message()).startsWith("ALTER TABLE t (modify ...) may copy the whole table");
            assertThat(f.toString()).contains("ALGORITHM=INPLACE, LOCK=NONE");
        });
    }

    @Test
    void alterThatNamesItsAlgorithmOrOnlyAddsAColumnOrWorksOnANewTableIsNotFlagged() {
        assertThat(rules(lint("ALTER TABLE t MODIFY note VARCHAR(40), ALGORITHM=INPLACE, LOCK=NONE;\n"
                + "ALTER TABLE t ADD COLUMN paid_at DATETIME NULL;\n"
                + "CREATE TABLE u (id INT PRIMARY KEY, code CHAR(2));\nALTER TABLE u MODIFY code CHAR(3);",
                "DROP TABLE u;\nALTER TABLE t DROP COLUMN paid_at;\nALTER TABLE t MODIFY note VARCHAR(20),"
                        + " ALGORITHM=COPY;"))).doesNotContain("alter-may-copy");
    }

    @Test
    void dataChangesBesideDdlAreNotOneTransaction() {
        List<Finding> findings = lint("ALTER TABLE t ADD COLUMN paid TINYINT(1) NOT NULL DEFAULT 0;\n"
                + "UPDATE t SET paid = 1 WHERE note = 'paid';", "ALTER TABLE t DROP COLUMN paid;");

        assertThat(findings).filteredOn(f -> f.ruleId().equals("implicit-commit")).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(6);
            assertThat(f.message()).isEqualTo("the upgrade changes data (line 6) and runs DDL (line 5), which MySQL and"
                    + " MariaDB commit on their own: the upgrade is not one transaction, and one that fails halfway"
                    + " leaves what ran before the failure in place");
        });
    }

    @Test
    void revisionOfDataOnlyIsOneTransaction() {
        assertThat(rules(lint("INSERT INTO t (id, note) VALUES (1, 'one');\nUPDATE t SET note = 'uno';",
                "DELETE FROM t WHERE id = 1;"))).doesNotContain("implicit-commit");
    }

    @Test
    void threeByteUtf8IsFlaggedAndUtf8mb4IsNot() {
        List<Finding> findings = lint("CREATE TABLE a (s VARCHAR(10)) DEFAULT CHARSET=utf8;\n"
                + "CREATE TABLE b (s VARCHAR(10) COLLATE utf8mb3_general_ci);\n"
                + "CREATE TABLE c (s VARCHAR(10)) DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
                + "INSERT INTO c VALUES ('utf8');", "DROP TABLE c;\nDROP TABLE b;\nDROP TABLE a;");

        assertThat(findings).filteredOn(f -> f.ruleId().equals("utf8-three-byte")).extracting(Finding::line)
                .containsExactly(5, 6);
    }

    @Test
    void procedureTheUpgradeCallsAndDropsIsNotLeftForTheDowngrade() {
        assertThat(rules(lint("DELIMITER //\nCREATE PROCEDURE FixNotes()\nBEGIN\n  UPDATE t SET note = '' WHERE note IS NULL;"
                + "\nEND//\nDELIMITER ;\nCALL FixNotes();\nDROP PROCEDURE IF EXISTS FixNotes;", "SELECT 1;")))
                .doesNotContain("downgrade-forgets-object");
    }

    @Test
    void mysqlRulesHoldOnMysqlOnly() {
        String upgrade = "ALTER TABLE t MODIFY note VARCHAR(40) CHARACTER SET utf8;\nUPDATE t SET note = 'x';";
        String downgrade = "ALTER TABLE t MODIFY note VARCHAR(20);";

        assertThat(rules(lint("jdbc:mysql://127.0.0.1:1/unused", upgrade, downgrade)))
                .contains("alter-may-copy", "implicit-commit", "utf8-three-byte");
        assertThat(rules(lint("jdbc:h2:mem:unused", upgrade, downgrade)))
                .doesNotContain("alter-may-copy", "implicit-commit", "utf8-three-byte");
        assertThat(Rule.ALTER_MAY_COPY.appliesTo(null)).isFalse();
    }
}
