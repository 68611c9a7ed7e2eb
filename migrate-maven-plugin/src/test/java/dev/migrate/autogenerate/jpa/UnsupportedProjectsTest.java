package dev.migrate.autogenerate.jpa;

import dev.migrate.testing.Products;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.common.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Projects whose entities cannot be read are refused, before any database is touched, with a message
 * naming what was found and what to do. Other ORMs are stood in for by classes of the same names.
 */
class UnsupportedProjectsTest {

    @TempDir
    Path work;

    /** Compiles {@code sources} (path -> code) into a folder of its own, as a stand-in jar. */
    private Path stubs(Map<String, String> sources) throws IOException {
        Path src = work.resolve("stub-src");
        Path out = Files.createDirectories(work.resolve("stubs"));
        List<String> arguments = new ArrayList<>(List.of("-d", out.toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("stubs do not compile");
        }
        return out;
    }

    @Test
    void refusesEclipseLinkByName() throws Exception {
        Path eclipseLink = stubs(Map.of("org/eclipse/persistence/jpa/PersistenceProvider.java",
                "package org.eclipse.persistence.jpa; public class PersistenceProvider {}"));

        assertThatThrownBy(() -> ProjectOrm.open(List.of(eclipseLink))).isInstanceOf(UnsupportedOrmException.class)
                .hasMessageContaining("EclipseLink (org.eclipse.persistence)").hasMessageContaining("Hibernate ORM 6 or 7");
    }

    @Test
    void refusesHibernate5WithJavaxPersistence() throws Exception {
        Path hibernate5 = stubs(Map.of(
                "javax/persistence/Entity.java", "package javax.persistence; public @interface Entity {}",
                "org/hibernate/jpa/HibernatePersistenceProvider.java",
                "package org.hibernate.jpa; public class HibernatePersistenceProvider {}",
                "org/hibernate/Version.java",
                "package org.hibernate; public class Version { public static String getVersionString() {"
                        + " return \"5.6.15.Final\"; } }"));

        assertThatThrownBy(() -> ProjectOrm.open(List.of(hibernate5))).isInstanceOf(UnsupportedOrmException.class)
                .hasMessageContaining("Hibernate ORM 5.6.15.Final with javax.persistence")
                .hasMessageContaining("upgrade Hibernate");
    }

    @Test
    void refusesAClassPathWithoutAnOrm() throws Exception {
        Path plain = Files.createDirectories(work.resolve("classes"));

        assertThatThrownBy(() -> ProjectOrm.open(List.of(plain))).isInstanceOf(UnsupportedOrmException.class)
                .hasMessageContaining("no JPA provider").hasMessageContaining("org.hibernate.orm:hibernate-core");
    }

    @Test
    void asksToCompileWhenThereAreNoClasses() {
        JpaSource source = new JpaSource(work.resolve("target/classes"), JpaProject.jars(), List.of(), List.of(),
                Map.of());

        assertThatThrownBy(() -> JpaDesiredSchema.write(source, Products.target("jdbc:h2:mem:unused"), work.resolve("jpa"),
                Log.SILENT)).isInstanceOf(JpaModelException.class).hasMessageContaining("no compiled classes in")
                .hasMessageContaining("mvn compile migrate:revision");
    }

    @Test
    void namesThePackagesWhenTheyHoldNoEntity() {
        JpaSource source = new JpaProject(work.resolve("project")).put("shop/Author.java",
                EntitiesAsDesiredSchemaTest.AUTHOR).compile("billing");

        // a port nothing listens on: the refusal must come before any database is asked anything
        assertThatThrownBy(() -> JpaDesiredSchema.write(source, Products.target("jdbc:postgresql://127.0.0.1:1/none"),
                work.resolve("jpa"), Log.SILENT)).isInstanceOf(JpaModelException.class)
                .hasMessageContaining("no @Entity, @Embeddable or @MappedSuperclass class in")
                .hasMessageContaining("in the package(s) billing");
    }
}
