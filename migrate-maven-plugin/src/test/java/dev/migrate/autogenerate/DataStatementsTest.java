package dev.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which data statements a squash leaves out as writes to the database's own catalog: those the database calls so. */
class DataStatementsTest {

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
