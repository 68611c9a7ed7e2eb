package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.revision.Placeholders;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PlaceholderValuesTest {

    static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void theCommandLineWinsOverProjectPropertiesWhichWinOverThePluginsMap() {
        Placeholders placeholders = PlaceholderValues.collect(true,
                Map.of("owner", "map", "region", "map", "label", "map"),
                properties("migrate.placeholders.region", "project", "migrate.placeholders.label", "project"),
                properties("migrate.placeholders.label", "cli", "migrate.url", "jdbc:h2:mem:x"));

        assertThat(placeholders.values()).containsExactlyInAnyOrderEntriesOf(
                Map.of("owner", "map", "region", "project", "label", "cli"));
    }

    @Test
    void theSwitchIsNoPlaceholderAndAnEmptyValueIsAValue() {
        Placeholders placeholders = PlaceholderValues.collect(false, null,
                properties("migrate.placeholders.enabled", "false", "migrate.placeholders.suffix", ""), null);

        assertThat(placeholders.enabled()).isFalse();
        assertThat(placeholders.values()).containsExactly(Map.entry("suffix", ""));
    }

    @Test
    void strictIsASwitchTooNotAPlaceholderNamedStrict() {
        Placeholders placeholders = PlaceholderValues.collect(true, true, null,
                properties("migrate.placeholders.strict", "true", "migrate.placeholders.role", "app"), null);

        assertThat(placeholders.strict()).isTrue();
        assertThat(placeholders.values()).containsExactly(Map.entry("role", "app"));
    }
}
