package dev.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateConfig;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.revision.Placeholders;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desired schema's SQL files as autogenerate reads them: an empty folder is refused rather than
 * turned into a revision that drops everything, placeholders are replaced as in revisions (and
 * written back into the new revision), and every failing statement is reported at once.
 */
class DesiredSchemaFilesTest {

    @TempDir
    Path work;
    TestDatabase db;
    Path schema;

    @BeforeEach
    void headWithTwoTables() throws Exception {
        db = TestDatabase.create(TestDatabase.Kind.H2);
        RevisionFiles.in(work.resolve("migrations")).add("20260101000000_tables", "base",
                "CREATE TABLE a (id INT PRIMARY KEY);\nCREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b; DROP TABLE a;");
        schema = Files.createDirectories(work.resolve("schema"));
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private Migrator migrator(Map<String, String> placeholders) {
        return new Migrator(new MigrateConfig(db.url(), null, null, null, work.resolve("migrations"), null,
                Duration.ofSeconds(5), new Placeholders(true, placeholders)), MigrationListener.SILENT);
    }

    private long revisionFiles() throws Exception {
        try (var files = Files.list(work.resolve("migrations"))) {
            return files.count();
        }
    }

    @Test
    void refusesAnEmptyDesiredSchemaThatWouldDropEveryTable() throws Exception {
        Files.writeString(schema.resolve("README.sql"), "-- the schema goes here\n");

        assertThatThrownBy(() -> migrator(Map.of()).autogenerate(new AutogenerateOptions(schema.toString(), "x")))
                .isInstanceOf(DesiredSchemaException.class)
                .hasMessageContaining(schema + " has no statements: that would drop 2 table(s)")
                .hasMessageContaining("-Dmigrate.autogenerate.allowEmpty=true");
        assertThat(revisionFiles()).isEqualTo(1);
    }

    @Test
    void writesTheDropsFromAnEmptyDesiredSchemaWhenAllowed() throws Exception {
        AutogenerateResult result = migrator(Map.of()).autogenerate(new AutogenerateOptions(schema.toString(), "x",
                true, false));

        assertThat(Files.readString(result.file())).contains("DROP TABLE a;").contains("DROP TABLE b;");
    }

    @Test
    void replacesPlaceholdersInTheDesiredSchemaAndWritesThemBackIntoTheRevision() throws Exception {
        Files.writeString(schema.resolve("01.sql"), """
                CREATE TABLE a (id INT PRIMARY KEY);
                CREATE TABLE b (id INT PRIMARY KEY, status VARCHAR(${status_length}) DEFAULT '${initial_status}');
                """);
        Migrator migrator = migrator(Map.of("initial_status", "pending", "status_length", "37"));

        AutogenerateResult result = migrator.autogenerate(new AutogenerateOptions(schema.toString(), "status"));

        assertThat(Files.readString(result.file())).contains("(${status_length})").contains("'${initial_status}'")
                .doesNotContain("pending").doesNotContain("37");
        migrator.upgrade("head");
        assertThat(db.column("SELECT COLUMN_DEFAULT FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'B'"
                + " AND COLUMN_NAME = 'STATUS'"))
                .containsExactly("'pending'");
    }

    @Test
    void namesAPlaceholderWithoutAValueInTheDesiredSchema() throws Exception {
        Files.writeString(schema.resolve("01.sql"), "CREATE TABLE a (id INT PRIMARY KEY);\n\nGRANT SELECT ON a TO ${role};\n");

        assertThatThrownBy(() -> migrator(Map.of()).autogenerate(new AutogenerateOptions(schema.toString(), "x")))
                .isInstanceOf(DesiredSchemaException.class)
                .hasMessageContaining(schema.resolve("01.sql") + ":3")
                .hasMessageContaining("placeholder ${role} has no value");
    }

    @Test
    void reportsEveryFailingStatementOfTheDesiredSchemaWithFileAndLine() throws Exception {
        Files.writeString(schema.resolve("01.sql"), """
                CREATE TABLE a (id INT PRIMARY KEY);
                CREATE TABLE b (id NOSUCHTYPE);
                """);
        Files.writeString(schema.resolve("02.sql"), "\n\nCREATE INDEX ix ON nowhere (id);\n");

        assertThatThrownBy(() -> migrator(Map.of()).autogenerate(new AutogenerateOptions(schema.toString(), "x")))
                .isInstanceOf(DesiredSchemaException.class)
                .hasMessageContaining("2 statements")
                .hasMessageContaining(schema.resolve("01.sql") + ":2: ")
                .hasMessageContaining(schema.resolve("02.sql") + ":3: ");
    }
}
