package dev.migrate.autogenerate.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hibernate settings a Spring Boot application's own configuration file gives. */
class SpringBootSettingsTest {

    @TempDir
    Path resources;

    @Test
    void turnsSpringJpaKeysOfApplicationYmlIntoHibernateSettings() throws Exception {
        Files.writeString(resources.resolve("application.yml"), """
                spring:
                  datasource:
                    url: jdbc:postgresql://db/app   # never used
                  jpa:
                    database-platform: "org.hibernate.dialect.PostgreSQLDialect"
                    hibernate:
                      naming:
                        physical-strategy: com.acme.Naming
                    properties:
                      hibernate:
                        default_schema: 'app'
                        id.db_structure_naming_strategy: single
                ---
                spring:
                  config.activate.on-profile: test
                  jpa.properties.hibernate.default_schema: test_only
                """);

        assertThat(SpringBootSettings.read(getClass().getClassLoader(), List.of(resources))).contains(
                entry("hibernate.physical_naming_strategy", "com.acme.Naming"),
                entry("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect"),
                entry("hibernate.default_schema", "app"),
                entry("hibernate.id.db_structure_naming_strategy", "single"));
    }

    @Test
    void keepsBootsPhysicalNamingUnlessTheApplicationPropertiesNameAnother() throws Exception {
        Files.writeString(resources.resolve("application.properties"),
                "spring.jpa.properties.hibernate.default_schema=sales\nspring.jpa.hibernate.ddl-auto=update\n");

        assertThat(SpringBootSettings.read(getClass().getClassLoader(), List.of(resources)))
                .containsEntry("hibernate.physical_naming_strategy", SpringBootSettings.PHYSICAL)
                .containsEntry("hibernate.default_schema", "sales")
                .doesNotContainKey("hibernate.hbm2ddl.auto");
    }
}
