package dev.migrate.autogenerate;

import dev.migrate.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.migrate.testing.BothDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.api.io.TempDir;

/** What autogenerate says besides SQL: renames, no difference, a broken desired schema, a TODO. */
class AutogenerateOutcomesTest {

    @TempDir
    Path work;

    @Test
    void warnsThatADroppedAndAnAddedColumnMayBeARename() throws Exception {
        KindFixture.Outcome outcome = KindFixture.run(TestDatabase.Kind.H2,
                "CREATE TABLE users (id INT PRIMARY KEY, bio VARCHAR(100));",
                "CREATE TABLE users (id INT PRIMARY KEY, about VARCHAR(200));", work);

        assertThat(outcome.file()).contains("ALTER TABLE users DROP COLUMN bio;")
                .contains("ALTER TABLE users ADD COLUMN about CHARACTER VARYING(200);");
        assertThat(outcome.result().warnings()).singleElement().asString()
                .contains("may be a rename").contains("ALTER TABLE users RENAME COLUMN bio TO about");
    }

    @Test
    void writesNoFileWhenTheSchemasAgree() throws Exception {
        KindFixture.Outcome outcome = KindFixture.run(TestDatabase.Kind.H2, "CREATE TABLE t (id INT PRIMARY KEY);",
                "CREATE TABLE t (id INT PRIMARY KEY);", work);

        assertThat(outcome.result().noDifference()).isTrue();
        assertThat(Files.list(work.resolve("migrations")).toList()).hasSize(1);
    }

    @Test
    void namesTheFileAndLineOfAFailingDesiredStatement() throws Exception {
        Path schema = Files.createDirectories(work.resolve("schema"));
        Files.writeString(schema.resolve("01.sql"), "CREATE TABLE a (id INT);\n\nCREATE TABLE b (id NOSUCHTYPE);\n");
        Migrator migrator = new Migrator(Configs.config("jdbc:h2:mem:outcomes;DB_CLOSE_DELAY=-1", work.resolve("migrations")), MigrationListener.SILENT);

        assertThatThrownBy(() -> migrator.autogenerate(new AutogenerateOptions(schema.toString(), "x")))
                .isInstanceOf(DesiredSchemaException.class)
                .hasMessageContaining(schema.resolve("01.sql") + ":3");
    }

    @Test
    void writesWhatItCannotExpressAsATodoNamingTheObject() throws Exception {
        RevisionFiles.in(work.resolve("migrations")).addWithHeader("20260101000000_head",
                "-- parents: base\n-- irreversible: true", "CREATE TABLE t (id INT PRIMARY KEY, n INT);", "");
        Path schema = Files.createDirectories(work.resolve("schema"));
        // H2 cannot move a column: the desired order is a TODO, not a silent difference
        Files.writeString(schema.resolve("01.sql"), "CREATE TABLE t (n INT, id INT PRIMARY KEY);");
        Migrator migrator = new Migrator(Configs.config("jdbc:h2:mem:todo;DB_CLOSE_DELAY=-1", work.resolve("migrations")), MigrationListener.SILENT);

        AutogenerateResult result = migrator.autogenerate(new AutogenerateOptions(schema.toString(), "reorder", false,
                true));

        assertThat(result.warnings()).singleElement().asString().startsWith("TODO in the new revision: column order of t");
        assertThat(Files.readString(result.file())).contains("-- TODO column order of t: the columns (n, id)")
                .contains("H2 places only a new column").doesNotContain("PostgreSQL");
    }

    @Test
    void writesNoRevisionWhenOnlyTheColumnOrderDiffersUnlessAsked() throws Exception {
        RevisionFiles.in(work.resolve("migrations")).addWithHeader("20260101000000_head",
                "-- parents: base\n-- irreversible: true", "CREATE TABLE t (id INT PRIMARY KEY, n INT);", "");
        Path schema = Files.createDirectories(work.resolve("schema"));
        Files.writeString(schema.resolve("01.sql"), "CREATE TABLE t (n INT, id INT PRIMARY KEY);");
        Migrator migrator = new Migrator(Configs.config("jdbc:h2:mem:orderonly;DB_CLOSE_DELAY=-1", work.resolve("migrations")), MigrationListener.SILENT);

        AutogenerateResult result = migrator.autogenerate(new AutogenerateOptions(schema.toString(), "reorder"));

        assertThat(result.noDifference()).isTrue();
        assertThat(result.warnings()).singleElement().asString().startsWith("column order of t: the columns (n, id)")
                .contains("no revision written").contains("-Dmigrate.autogenerate.columnOrder=true");
        assertThat(Files.list(work.resolve("migrations")).toList()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(BothDatabases.class)
    void addsNewColumnsInTheDesiredTablesOrder(BothDatabases.Lazy database) throws Exception {
        KindFixture.Outcome outcome = KindFixture.run(database.get().kind(),
                "CREATE TABLE posts (id INT PRIMARY KEY, title VARCHAR(50));",
                "CREATE TABLE posts (id INT PRIMARY KEY, title VARCHAR(50), summary VARCHAR(50), details VARCHAR(50));",
                work);

        assertThat(outcome.file().indexOf("summary")).isLessThan(outcome.file().indexOf("details"));
        assertThat(outcome.upgraded().columnOrder()).isEqualTo(outcome.wanted().columnOrder());
        assertThat(outcome.downgraded()).isEqualTo(outcome.head());
    }

    @Test
    void placesANewColumnBeforeItsNeighbourOnH2() throws Exception {
        KindFixture.Outcome outcome = KindFixture.run(TestDatabase.Kind.H2,
                "CREATE TABLE posts (id INT PRIMARY KEY, body VARCHAR(50));",
                "CREATE TABLE posts (id INT PRIMARY KEY, title VARCHAR(50), body VARCHAR(50));", work);

        assertThat(outcome.file()).contains("ADD COLUMN title CHARACTER VARYING(50) BEFORE body");
        assertThat(outcome.upgraded().columnOrder()).isEqualTo(outcome.wanted().columnOrder());
    }

    @Test
    void warnsThatRowsHoldingARemovedEnumValueFailTheUpgrade() throws Exception {
        KindFixture.Outcome outcome = KindFixture.run(TestDatabase.Kind.POSTGRESQL,
                "CREATE TYPE mood AS ENUM ('sad', 'meh', 'ok'); CREATE TABLE p (id int PRIMARY KEY, m mood);",
                "CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE p (id int PRIMARY KEY, m mood);", work);

        assertThat(outcome.result().warnings()).anySatisfy(warning -> assertThat(warning)
                .contains("the upgrade removes 'meh' from enum mood").contains("(in p.m)")
                .contains("verify's rows check"));
    }

    @Test
    void saysNothingOfRowsWhenAnEnumOnlyGainsAValue() throws Exception {
        KindFixture.Outcome outcome = KindFixture.run(TestDatabase.Kind.POSTGRESQL,
                "CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE p (id int PRIMARY KEY, m mood);",
                "CREATE TYPE mood AS ENUM ('sad', 'meh', 'ok'); CREATE TABLE p (id int PRIMARY KEY, m mood);", work);

        assertThat(outcome.result().warnings()).noneMatch(warning -> warning.contains("the upgrade removes"))
                .anyMatch(warning -> warning.contains("the downgrade removes 'meh' from enum mood"));
    }

    @Test
    void infersATableRenameWhoseConstraintsAndSequenceKeptTheirNames() throws Exception {
        KindFixture.Outcome outcome = KindFixture.run(TestDatabase.Kind.POSTGRESQL,
                "CREATE TABLE packages (id serial PRIMARY KEY, name text NOT NULL UNIQUE);",
                "CREATE TABLE packages (id serial PRIMARY KEY, name text NOT NULL UNIQUE);\n"
                        + "ALTER TABLE packages RENAME TO crates;", work);

        assertThat(outcome.file()).contains("ALTER TABLE packages RENAME TO crates;")
                .doesNotContain("CREATE TABLE crates").doesNotContain("DROP TABLE packages").doesNotContain("TODO");
        assertThat(outcome.result().warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("a rename was inferred: table packages goes and table crates comes")
                .contains("write DROP TABLE packages and the CREATE TABLE crates instead"));
        assertThat(outcome.upgraded()).isEqualTo(outcome.wanted());
        assertThat(outcome.downgraded()).isEqualTo(outcome.head());
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(BothDatabases.class)
    void infersAColumnRenameWhenOneColumnGoesAndOneAlikeComes(BothDatabases.Lazy database) throws Exception {
        KindFixture.Outcome outcome = KindFixture.run(database.get().kind(),
                "CREATE TABLE users (id INT PRIMARY KEY, bio VARCHAR(100) DEFAULT 'none');",
                "CREATE TABLE users (id INT PRIMARY KEY, about VARCHAR(100) DEFAULT 'none');", work);

        assertThat(outcome.file()).contains("RENAME").doesNotContain("DROP COLUMN").doesNotContain("ADD COLUMN");
        assertThat(outcome.result().warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("a rename was inferred: column users.bio goes and about comes"));
        assertThat(outcome.upgraded()).isEqualTo(outcome.wanted());
        assertThat(outcome.downgraded()).isEqualTo(outcome.head());
    }

    // as ory/hydra's flows: the referenced column is unique through an index, not a constraint (H2 2.x
    // refuses such a key: it wants a unique constraint)
    private static final String FLOW_AND_CODE = "CREATE TABLE flow (id INT PRIMARY KEY, challenge VARCHAR(40));\n"
            + "CREATE UNIQUE INDEX flow_challenge_idx ON flow (challenge);\n"
            + "CREATE TABLE code (id INT PRIMARY KEY, challenge VARCHAR(40));\n"
            + "ALTER TABLE code ADD CONSTRAINT code_challenge_fk FOREIGN KEY (challenge) REFERENCES flow (challenge);";

    @Test
    void createsAUniqueIndexBeforeTheForeignKeyThatReferencesItsColumns() throws Exception {
        KindFixture.Outcome outcome = KindFixture.run(TestDatabase.Kind.POSTGRESQL, "", FLOW_AND_CODE, work);

        String upgrade = section(outcome.file(), true);
        assertThat(outcome.result().warnings()).isEmpty();
        assertThat(upgrade.indexOf("CREATE UNIQUE INDEX flow_challenge_idx")).isGreaterThan(0)
                .isLessThan(upgrade.indexOf("code_challenge_fk"));
        assertThat(outcome.upgraded()).isEqualTo(outcome.wanted());
        assertThat(outcome.downgraded()).isEqualTo(outcome.head());
    }

    @Test
    void recreatesAUniqueIndexBeforeTheForeignKeyInTheDowngradeOfTheirDrop() throws Exception {
        KindFixture.Outcome outcome = KindFixture.run(TestDatabase.Kind.POSTGRESQL, FLOW_AND_CODE, "", work);

        String downgrade = section(outcome.file(), false);
        assertThat(outcome.result().warnings()).isEmpty();
        assertThat(downgrade.indexOf("CREATE UNIQUE INDEX flow_challenge_idx")).isGreaterThan(0)
                .isLessThan(downgrade.indexOf("code_challenge_fk"));
        assertThat(outcome.upgraded()).isEqualTo(outcome.wanted());
        assertThat(outcome.downgraded()).isEqualTo(outcome.head());
    }

    /** The upgrade or the downgrade section of a written revision. */
    private static String section(String file, boolean up) {
        String[] parts = file.split("(?m)^-- downgrade");
        return up ? parts[0] : parts[1];
    }
}
