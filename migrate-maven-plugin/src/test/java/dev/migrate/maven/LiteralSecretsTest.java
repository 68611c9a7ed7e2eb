package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A password the plugin receives as a literal was resolved (or written) in the POM, so mvn -X prints
 * it: warned about, naming the safe ways. Expressions the plugin resolves itself are not.
 */
class LiteralSecretsTest {

    @Test
    void aPasswordResolvedByMavenBeforeThePluginRanIsWarnedAboutNamingTheThreeSafeWays() {
        // <password>${db.password}</password> or ${env.DB_PASSWORD} arrives already resolved
        assertThat(LiteralSecrets.warnings("s3cret", null)).singleElement().asString()
                .contains("mvn -X prints it")
                .contains("${db.password}", "${env.DB_PASSWORD}", "${x} with -Dx=")
                .contains("beyond its reach")
                .contains("-Dmigrate.password=", "a migrate.password property", "<serverId>",
                        "an environment variable read by that <server>")
                .doesNotContain("s3cret");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "${migrate.password}", "${db.password}"})
    void anExpressionLeftForThePluginIsNotWarnedAbout(String raw) {
        // the mojo's default ${migrate.password} (-Dmigrate.password), or a property Maven did not know
        assertThat(LiteralSecrets.warnings(raw, "${migrate.url}")).isEmpty();
    }

    @Test
    void aUrlWithALiteralPasswordIsWarnedAboutToo() {
        assertThat(LiteralSecrets.warnings(null, "jdbc:postgresql://db/app?user=app&password=s3cret"))
                .singleElement().asString().contains("URL", "holds a password", "mvn -X prints it")
                .doesNotContain("s3cret");
        assertThat(LiteralSecrets.warnings(null, "jdbc:postgresql://db/app?user=app")).isEmpty();
        assertThat(LiteralSecrets.warnings(null, "jdbc:postgresql://db/app?password=${db.password}")).isEmpty();
    }
}
