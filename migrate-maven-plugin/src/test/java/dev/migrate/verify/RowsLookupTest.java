package dev.migrate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.Dialects;
import dev.migrate.database.RowSeeder;
import dev.migrate.database.SeedTable;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionFileParser;
import dev.migrate.schema.DbObject.Kind;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rows check looks up in the catalog only the tables a phase can have left to read: those it
 * made or changed, and those it names that were tables before it and that it did not drop.
 */
class RowsLookupTest {

    private static final String URL = "jdbc:h2:mem:rows_lookup_" + ProcessHandle.current().pid();

    /** The H2 seeder, recording the names each lookup asks for. */
    private static final class Recording implements RowSeeder {
        private final RowSeeder seeder = Dialects.forUrl(URL).rowSeeder();
        private final List<Set<String>> asked = new ArrayList<>();

        @Override
        public boolean supported() {
            return true;
        }

        @Override
        public List<SeedTable> tables(Connection connection, String historySchema, String historyTable)
                throws SQLException {
            return seeder.tables(connection, historySchema, historyTable);
        }

        @Override
        public List<SeedTable> tables(Connection connection, String historySchema, String historyTable,
                Set<String> names) throws SQLException {
            asked.add(new TreeSet<>(names));
            return seeder.tables(connection, historySchema, historyTable, names);
        }

        @Override
        public List<String> seed(Connection connection, List<SeedTable> tables, Map<String, Long> counts, int rows)
                throws SQLException {
            return seeder.seed(connection, tables, counts, rows);
        }

        @Override
        public List<Unemptied> empty(Connection connection, List<SeedTable> tables) throws SQLException {
            return seeder.empty(connection, tables);
        }
    }

    private static final SchemaSnapshot A_AND_B = SchemaSnapshot.builder()
            .put(Kind.TABLE, "PUBLIC", null, "A", "table").put(Kind.TABLE, "PUBLIC", null, "B", "table").build();

    private Connection connection;
    private final Recording seeder = new Recording();
    private final List<String> findings = new ArrayList<>();
    private RowsCheck rows;
    private Revision revision;

    @BeforeEach
    void twoTablesFilled() throws SQLException {
        connection = DriverManager.getConnection(URL);
        execute("CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(20))");
        execute("CREATE TABLE b (id INT PRIMARY KEY)");
        rows = new RowsCheck(seeder, 3, false, (severity, phase, id, message) -> findings.add(message), "PUBLIC",
                "MIGRATE_HISTORY");
        revision = RevisionFileParser.parse(Path.of("20260101000000_step.sql"),
                "-- parents: base\n-- upgrade\nSELECT 1;\n-- downgrade\nSELECT 1;\n".getBytes(StandardCharsets.UTF_8),
                Dialects.forUrl(URL).syntax()).revision();
        rows.beforeUpgrade(revision, connection);
        assertThat(rows.counts()).containsOnly(Map.entry("PUBLIC.A", 3L), Map.entry("PUBLIC.B", 3L));
    }

    @AfterEach
    void close() throws SQLException {
        execute("DROP ALL OBJECTS");
        connection.close();
    }

    @Test
    void aTableThePhaseDroppedIsNotLookedUp() throws SQLException {
        execute("DROP TABLE b");
        SchemaSnapshot onlyA = SchemaSnapshot.builder().put(Kind.TABLE, "PUBLIC", null, "A", "table").build();
        rows.ran(Reach.of(List.of(new Statement("DROP TABLE b", 1)), A_AND_B, onlyA));

        rows.beforeUpgrade(revision, connection);

        assertThat(seeder.asked).isEmpty();
        assertThat(rows.counts()).containsOnly(Map.entry("PUBLIC.A", 3L));
    }

    @Test
    void wordsThatNameNoTableAreNotLookedUp() throws SQLException {
        execute("UPDATE a SET name = 'changed' WHERE id = 1");
        rows.ran(Reach.of(List.of(new Statement("UPDATE a SET name = 'changed' WHERE id = 1", 1)), A_AND_B, A_AND_B));

        rows.beforeUpgrade(revision, connection);

        assertThat(seeder.asked).containsExactly(Set.of("a"));
        assertThat(rows.counts()).containsOnly(Map.entry("PUBLIC.A", 3L), Map.entry("PUBLIC.B", 3L));
    }

    @Test
    void aTableThePhaseMadeIsLookedUpAndFilled() throws SQLException {
        execute("CREATE TABLE c (id INT PRIMARY KEY)");
        SchemaSnapshot withC = SchemaSnapshot.builder().put(Kind.TABLE, "PUBLIC", null, "A", "table")
                .put(Kind.TABLE, "PUBLIC", null, "B", "table").put(Kind.TABLE, "PUBLIC", null, "C", "table").build();
        rows.ran(Reach.of(List.of(new Statement("CREATE TABLE c (id INT PRIMARY KEY)", 1)), A_AND_B, withC));

        rows.beforeUpgrade(revision, connection);

        assertThat(seeder.asked).hasSize(1);
        assertThat(seeder.asked.get(0)).contains("C", "c").doesNotContain("create", "table", "id", "int");
        assertThat(rows.counts()).containsOnly(Map.entry("PUBLIC.A", 3L), Map.entry("PUBLIC.B", 3L),
                Map.entry("PUBLIC.C", 3L));
        assertThat(findings).isEmpty();
    }

    private void execute(String sql) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
