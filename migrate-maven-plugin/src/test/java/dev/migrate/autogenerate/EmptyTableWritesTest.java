package dev.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.mysql.MysqlSyntax;
import dev.migrate.database.postgres.PostgresSyntax;
import dev.migrate.sql.SqlSyntax;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which UPDATEs and DELETEs of a range run on a table that holds no rows, and where the walk stops trusting that. */
class EmptyTableWritesTest {

    private static final SqlSyntax POSTGRES = PostgresSyntax.INSTANCE;

    /** The positions among the data statements of {@code statements}, squashed from base. */
    private static Set<Integer> fromBase(String... statements) {
        return EmptyTableWrites.of(List.of(statements), EmptyTableWrites.Start.BASE, POSTGRES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ONLY ", "/* fix */ ONLY public."})
    void findsUpdatesAndDeletesOnATableTheRangeCreatedBeforeAnyRowIsWritten(String only) {
        assertThat(fromBase("CREATE TABLE flows (id INT, ui TEXT)",
                "UPDATE " + only + "flows SET ui = '{}' WHERE ui = ''", "DELETE FROM " + only + "\"FLOWS\" WHERE ui IS NULL", "INSERT INTO flows (id) VALUES (1)",
                "UPDATE " + only + "flows SET ui = '[]'")).containsExactly(0, 1);
    }

    @Test
    void keepsWritesToATableThatWasThereBeforeTheRange() {
        assertThat(EmptyTableWrites.of(List.of("UPDATE public.clients SET secret = ''"), new EmptyTableWrites.Start(
                Set.of("clients"), Set.of(), false), POSTGRES)).isEmpty();
    }

    @Test
    void followsAWriteToATableThatWasThereBeforeTheRangeWhenNoTriggerWas() {
        List<String> statements = List.of("CREATE TABLE flows (id INT)", "UPDATE clients SET secret = ''",
                "UPDATE flows SET id = 2");

        assertThat(EmptyTableWrites.of(statements, new EmptyTableWrites.Start(Set.of("clients"), Set.of(), false),
                POSTGRES))
                .containsExactly(1);
        // a trigger's function there may write the new table
        assertThat(EmptyTableWrites.of(statements, new EmptyTableWrites.Start(Set.of("clients"), Set.of(), true),
                POSTGRES))
                .isEmpty();
    }

    @Test
    void trustsNothingAfterAWriteToATableTheRangeDidNotMakeNorFoundThere() {
        assertThat(fromBase("CREATE EXTENSION postgis", "CREATE TABLE flows (id INT)",
                "UPDATE spatial_ref_sys SET srtext = ''", "UPDATE flows SET id = 2")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DO $$ BEGIN INSERT INTO flows VALUES (1); END $$", "SELECT fill_flows()",
        "CALL fill_flows()", "WITH x AS (INSERT INTO flows VALUES (1) RETURNING id) SELECT 1",
        "SET search_path TO other, public", "CREATE TABLE flows_2024 PARTITION OF flows FOR VALUES IN (1)",
        "CREATE EVENT TRIGGER fill ON ddl_command_end EXECUTE FUNCTION fill()"})
    void trustsNothingAfterAStatementThatMayWriteRowsItCannotFollow(String statement) {
        assertThat(fromBase("CREATE TABLE flows (id INT)", statement, "UPDATE flows SET id = 2")).isEmpty();
    }

    @Test
    void keepsWritesToATableATriggerOrRuleIsOnAndTrustsNothingAfterThem() {
        assertThat(fromBase("CREATE TABLE flows (id INT)", "CREATE TABLE log (id INT)",
                "CREATE TRIGGER audit AFTER UPDATE ON flows FOR EACH STATEMENT EXECUTE FUNCTION audit()",
                "UPDATE flows SET id = 2", "DELETE FROM log")).isEmpty();
        assertThat(fromBase("CREATE TABLE flows (id INT)", "CREATE RULE keep AS ON DELETE TO flows DO INSTEAD NOTHING",
                "DELETE FROM flows")).isEmpty();
    }

    @Test
    void trustsNothingAfterACallOfAFunctionTheProjectMade() {
        assertThat(fromBase("CREATE FUNCTION fill() RETURNS INT AS $$ INSERT INTO flows VALUES (1) RETURNING 1 $$"
                + " LANGUAGE sql", "CREATE TABLE flows (id INT)", "CREATE TABLE kinds (id INT DEFAULT fill())",
                "UPDATE flows SET id = 2")).isEmpty();
        assertThat(EmptyTableWrites.of(List.of("CREATE TABLE flows (id INT)", "INSERT INTO flows VALUES (fill())",
                "UPDATE flows SET id = 2"), new EmptyTableWrites.Start(Set.of(), Set.of("fill"), false), POSTGRES))
                .isEmpty();
    }

    @Test
    void takesATableMadeFromAQueryAsHoldingRows() {
        assertThat(fromBase("CREATE TABLE flows AS SELECT 1 AS id", "UPDATE flows SET id = 2")).isEmpty();
    }

    @Test
    void followsARenameAndADropAndACreateAgain() {
        assertThat(fromBase("CREATE TABLE flows (id INT)", "ALTER TABLE flows RENAME TO flows_v2",
                "UPDATE flows_v2 SET id = 2", "INSERT INTO flows_v2 VALUES (1)", "DROP TABLE IF EXISTS flows_v2",
                "CREATE TABLE flows_v2 (id INT)", "DELETE FROM flows_v2")).containsExactly(0, 2);
    }

    @Test
    void takesTwoTablesByOneNameAsHoldingRows() {
        assertThat(fromBase("CREATE TABLE a.flows (id INT)", "INSERT INTO a.flows VALUES (1)",
                "CREATE TABLE b.flows (id INT)", "UPDATE a.flows SET id = 2")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE flows AS /* copied */ SELECT 1 AS id",
        "CREATE TABLE flows AS -- copied\nSELECT 1 AS id", "CREATE TABLE flows SELECT 1 AS id",
        "CREATE TABLE flows (id INT) AS ( /* copied */ SELECT 1)"})
    void takesATableMadeFromAQueryAsHoldingRowsWhateverCommentStandsInTheQuery(String create) {
        assertThat(fromBase(create, "UPDATE flows SET id = 2")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE /* kept empty */ TABLE flows (id INT)",
        "CREATE TABLE flows (\n  id INT -- filled later: as select would copy too much\n)",
        "CREATE TABLE flows (id INT, \"as select\" INT)", "CREATE TABLE flows (id INT, \"inherits\" INT)"})
    void findsAnUpdateOnATableMadeEmptyWhateverItsCommentsAndQuotedNamesSay(String create) {
        assertThat(fromBase(create, "UPDATE flows SET id = 2")).containsExactly(0);
    }

    @Test
    void findsAnUpdateOnATableWhoseQuotedNameHoldsABlank() {
        assertThat(fromBase("CREATE TABLE \"as select\" (id INT)", "UPDATE \"as select\" SET id = 2"))
                .containsExactly(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TRIGGER \"on audit\" AFTER INSERT ON flows FOR EACH ROW EXECUTE FUNCTION audit()",
        "CREATE TRIGGER audit AFTER INSERT /* not ON kinds */ ON flows FOR EACH ROW EXECUTE FUNCTION audit()",
        "CREATE /* audited */ TRIGGER audit AFTER INSERT ON flows FOR EACH ROW EXECUTE FUNCTION audit()",
        "CREATE TRIGGER audit AFTER UPDATE OF \"on\", id ON flows FOR EACH ROW EXECUTE FUNCTION audit()",
        "CREATE RULE \"to audit\" AS ON INSERT TO flows DO ALSO INSERT INTO log VALUES (NEW.id)",
        "CREATE /* logged */ RULE keep AS ON INSERT TO flows DO ALSO INSERT INTO log VALUES (NEW.id)"})
    void trustsNothingAfterAWriteToTheTableATriggerOrRuleIsOnWhateverItsNameOrCommentsSay(String code) {
        assertThat(fromBase("CREATE TABLE flows (id INT)", "CREATE TABLE log (id INT)", code,
                "INSERT INTO flows VALUES (1)", "DELETE FROM log")).isEmpty();
    }

    @Test
    void followsADropWhoseCommentNamesAnotherTable() {
        assertThat(fromBase("CREATE TABLE flows (id INT)", "INSERT INTO flows VALUES (1)",
                "DROP TABLE flows -- replaced below", "CREATE TABLE flows (id INT)", "UPDATE flows SET id = 2"))
                .containsExactly(1);
    }

    @Test
    void readsNoCallAndNoSearchPathInAString() {
        assertThat(EmptyTableWrites.of(List.of("CREATE TABLE flows (id INT, note TEXT)",
                "CREATE TABLE kinds (id INT, note TEXT)", "INSERT INTO kinds VALUES (1, 'see fill()')",
                "SET application_name = 'no search_path'", "UPDATE flows SET id = 2"), new EmptyTableWrites.Start(
                        Set.of(), Set.of("fill"), false), POSTGRES)).containsExactly(1);
    }

    @Test
    void findsAnUpdateOnATableMadeEmptyAfterMysqlModifiersAndBacktickNames() {
        assertThat(EmptyTableWrites.of(List.of("CREATE TABLE `my flows` (id INT)", "CREATE TABLE kinds (id INT)",
                "INSERT IGNORE INTO kinds VALUES (1)", "UPDATE LOW_PRIORITY `my flows` SET id = 2",
                "DELETE QUICK FROM kinds"), EmptyTableWrites.Start.BASE, MysqlSyntax.INSTANCE)).containsExactly(1);
    }
}
