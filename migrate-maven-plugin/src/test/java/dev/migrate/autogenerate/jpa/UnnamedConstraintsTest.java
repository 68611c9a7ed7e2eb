package dev.migrate.autogenerate.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.CheckOptions;
import dev.migrate.autogenerate.SnapshotFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate leaves primary keys and enum checks unnamed, and H2 names them after a counter of the
 * database's objects: the same constraint gets another name in the database the revisions built
 * than in the one built from the entities. Such constraints match by what they are, not by name, so a
 * new entity created before the existing ones is one new table, not a rebuilt or TODO one.
 */
class UnnamedConstraintsTest {

    @TempDir
    Path work;

    private static final String ZEBRA = """
            package zoo;
            import jakarta.persistence.*;
            @Entity
            public class Zebra {
                public enum Stripes { BLACK, WHITE }
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                @Enumerated(EnumType.STRING) Stripes stripes;
            }
            """;

    private static final String AARDVARK = """
            package zoo;
            import jakarta.persistence.*;
            @Entity
            public class Aardvark {
                public enum Diet { ANTS, TERMITES }
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                @Enumerated(EnumType.STRING) Diet diet;
                @ManyToOne Zebra friend;
            }
            """;

    @Test
    void anEntityCreatedBeforeTheOthersOnH2IsOneNewTableWithoutTodos() throws Exception {
        String url = "jdbc:h2:file:" + work.resolve("h2/app").toAbsolutePath();
        Migrator migrator = EntitiesAsDesiredSchemaTest.migrator(url, work);
        JpaProject project = new JpaProject(work.resolve("project")).put("zoo/Zebra.java", ZEBRA);
        SnapshotFilter entities = new SnapshotFilter(true, List.of());

        JpaSource first = project.compile();
        Path desired = migrator.jpaDesiredSchema(first, work.resolve("jpa"));
        AutogenerateResult zebra = migrator.autogenerate(new AutogenerateOptions(desired.toString(), "zebra",
                entities));
        assertThat(zebra.warnings()).isEmpty();
        migrator.upgrade("head");

        JpaSource second = project.put("zoo/Aardvark.java", AARDVARK).compile();
        desired = migrator.jpaDesiredSchema(second, work.resolve("jpa"));
        AutogenerateResult aardvark = migrator.autogenerate(new AutogenerateOptions(desired.toString(), "aardvark",
                entities));

        assertThat(aardvark.warnings()).isEmpty();
        List<String> statements = EntityEditSeriesTest.upgradeStatements(Files.readString(aardvark.file()));
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).startsWith("create table aardvark");
        assertThat(statements.get(1)).startsWith("alter table aardvark add constraint");
        migrator.upgrade("head");
        JpaProject.validate(second, url);
        assertThat(migrator.check(new CheckOptions(desired.toString(), null, entities)).errors()).isEmpty();
        migrator.downgrade("-1");
        migrator.upgrade("head");
        assertThat(migrator.check(new CheckOptions(desired.toString(), null, entities)).errors()).isEmpty();
    }
}
