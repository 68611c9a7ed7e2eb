package dev.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.h2.H2Syntax;
import dev.migrate.database.mysql.MysqlSyntax;
import dev.migrate.database.postgres.PostgresSyntax;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import dev.migrate.sql.SqlSyntax;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which statements a squash carries as data statements and which table each writes, and which of
 * them it leaves out as writes to the database's own catalog: those the database calls so.
 */
class DataStatementsTest {

    private static final SqlSyntax POSTGRES = PostgresSyntax.INSTANCE;
    private static final SqlSyntax MYSQL = MysqlSyntax.INSTANCE;

    /** Each statement of {@code tables}, read by {@code syntax}, writes the table it maps to. */
    private static void assertReads(SqlSyntax syntax, Map<String, String> tables) {
        Map<String, String> read = new HashMap<>();
        tables.keySet().forEach(sql -> read.put(sql, DataStatements.target(sql, syntax)));
        assertThat(read).isEqualTo(tables);
    }

    @Test
    void readsTheTableEachDataStatementWritesAsItNamesIt() {
        assertReads(POSTGRES, Map.of("INSERT INTO t (a) VALUES (1)", "t",
                "insert into Public.Flows values (1)", "Public.Flows",
                "INSERT INTO public . \"Flows\" VALUES (1)", "public.\"Flows\"",
                "UPDATE t SET a = 1", "t",
                "UPDATE \"only\" SET a = 1", "\"only\"",
                "DELETE FROM \"pg_things\" WHERE a = 1", "\"pg_things\"",
                "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", "t",
                "/* why */ -- and more\n UPDATE t SET a = 1", "t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1", "CREATE TABLE t (a INT)", "ALTER TABLE t ADD b INT", "DELETE t FROM t",
        "COPY t TO '/tmp/t.csv'", "COPY (SELECT 1) TO '/tmp/t.csv'", "WITH x AS (SELECT 1) SELECT * FROM x",
        "WITH x AS (SELECT 1), y AS (VALUES (2)) SELECT * FROM x, y", "-- UPDATE t SET a = 1",
        "MERGE t USING s ON t.a = s.a WHEN MATCHED THEN DELETE"})
    void takesNoOtherStatementAsADataStatement(String sql) {
        assertThat(DataStatements.target(sql, POSTGRES)).isNull();
    }

    @Test
    void readsACommentInsideTheStatementAsNoName() {
        assertReads(POSTGRES, Map.of("UPDATE /* c */ t SET a = 1", "t", "DELETE -- old rows\nFROM t", "t"));
    }

    @Test
    void readsAStatementAfterACommentOnlyTheDatabaseKnows() {
        assertReads(POSTGRES, Map.of("/* outer /* inner */ still a comment */ UPDATE t SET a = 1", "t"));
        assertReads(MYSQL, Map.of("# why\nINSERT INTO t VALUES (1)", "t"));
    }

    @Test
    void readsOnlyAsAKeywordBeforeTheTable() {
        assertReads(POSTGRES, Map.of("UPDATE ONLY t SET a = 1", "t",
                "UPDATE /* fix */ ONLY public.t SET a = 1", "public.t",
                "DELETE FROM ONLY t WHERE a = 1", "t",
                "MERGE INTO ONLY t USING s ON t.a = s.a WHEN MATCHED THEN DELETE", "t"));
    }

    @Test
    void keepsTheBlanksInsideAQuotedName() {
        assertReads(POSTGRES, Map.of("INSERT INTO \"my table\" VALUES (1)", "\"my table\"",
                "INSERT INTO \"my schema\" . \"my table\" VALUES (1)", "\"my schema\".\"my table\""));
    }

    @Test
    void readsMysqlModifiersBacktickNamesAndReplace() {
        assertReads(MYSQL, Map.of("INSERT IGNORE INTO t VALUES (1)", "t",
                "INSERT LOW_PRIORITY IGNORE t VALUES (1)", "t",
                "UPDATE `my t` SET a = 1", "`my t`",
                "UPDATE IGNORE `my t` SET a = 1", "`my t`",
                "UPDATE LOW_PRIORITY IGNORE db.`t` SET a = 1", "db.`t`",
                "DELETE QUICK FROM t WHERE a = 1", "t",
                "REPLACE INTO t VALUES (1)", "t"));
    }

    @Test
    void readsAModifierWordAsTheTableWhereItIsTheName() {
        assertReads(POSTGRES, Map.of("UPDATE ignore SET a = 1", "ignore", "UPDATE quick AS q SET a = 1", "quick",
                "DELETE FROM quick", "quick"));
    }

    @Test
    void readsTheStatementAWithListLeadsTo() {
        assertReads(POSTGRES, Map.of(
                "WITH ids AS (SELECT a FROM s) UPDATE t SET a = 2 WHERE a IN (SELECT a FROM ids)", "t",
                "WITH RECURSIVE n (i) AS MATERIALIZED (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3)"
                        + " SEARCH DEPTH FIRST BY i SET o, m AS NOT MATERIALIZED (SELECT 2)"
                        + " INSERT INTO t SELECT i FROM n", "t",
                "WITH gone AS (DELETE FROM s RETURNING a) DELETE FROM t WHERE a IN (SELECT a FROM gone)", "t",
                "WITH \"update\" AS (SELECT 1) UPDATE t SET a = 1", "t"));
    }

    @Test
    void readsAQueryWhoseWithListWritesAsWritingTheTableOfItsFirstDataStatement() {
        assertReads(POSTGRES, Map.of(
                "WITH x AS (SELECT 1), y AS (INSERT INTO t VALUES (1) RETURNING a), z AS (DELETE FROM s RETURNING a)"
                        + " SELECT * FROM y", "t",
                "WITH x AS (UPDATE ONLY t SET a = 1 RETURNING a) SELECT * FROM x", "t"));
    }

    @Test
    void readsCopyFromAFile() {
        assertReads(POSTGRES, Map.of("COPY t FROM '/tmp/t.csv'", "t",
                "COPY public.t (a, b) FROM '/tmp/t.csv' WITH (FORMAT csv)", "public.t"));
    }

    @Test
    void readsEveryPartOfAName() {
        assertReads(H2Syntax.INSTANCE, Map.of("INSERT INTO db.public.t VALUES (1)", "db.public.t"));
    }

    /** One statement per target, its text naming the target only. */
    private static DataStatements writing(String... targets) {
        return new DataStatements(List.of(targets).stream().map(t -> "UPDATE " + t + " SET x = 1").toList(),
                List.of(targets));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void leavesOutOnlyTheTablesTheDatabaseListsAsItsOwn(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind); Connection connection = db.connect()) {
            db.execute("CREATE TABLE pg_things (id INT)");
            db.execute("CREATE TABLE tables (id INT)");
            DataStatements all = switch (kind) {
                case POSTGRESQL -> writing("pg_things", "public.pg_things", "\"pg_things\"", "pg_index",
                        "pg_catalog.pg_index", "PG_CATALOG.\"pg_index\"", "information_schema.sql_features", "tables");
                case MARIADB -> writing("pg_things", db.name() + ".pg_things", "tables", "mysql.user",
                        "information_schema.tables");
                case H2 -> writing("pg_things", "PUBLIC.PG_THINGS", "tables");
            };

            DataStatements kept = all.withoutCatalogWrites(connection);

            assertThat(kept.targets()).containsExactlyElementsOf(switch (kind) {
                case POSTGRESQL -> List.of("pg_things", "public.pg_things", "\"pg_things\"", "tables");
                case MARIADB -> List.of("pg_things", db.name() + ".pg_things", "tables");
                case H2 -> List.of("pg_things", "PUBLIC.PG_THINGS", "tables");
            });
        }
    }
}
