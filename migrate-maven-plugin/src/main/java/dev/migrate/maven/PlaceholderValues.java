package dev.migrate.maven;

import dev.migrate.revision.Placeholders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The placeholder values of a build: the plugin's {@code <placeholders>} map, overridden by
 * project properties {@code migrate.placeholders.<name>}, overridden by the same properties on the
 * command line.
 */
final class PlaceholderValues {

    static final String PREFIX = "migrate.placeholders.";

    private PlaceholderValues() {
    }

    static Placeholders collect(boolean enabled, Map<String, String> configured, Properties project,
            Properties commandLine) {
        return collect(enabled, false, configured, project, commandLine);
    }

    static Placeholders collect(boolean enabled, boolean strict, Map<String, String> configured, Properties project,
            Properties commandLine) {
        Map<String, String> values = new LinkedHashMap<>();
        if (configured != null) {
            configured.forEach((name, value) -> values.put(name.strip(), value == null ? "" : value));
        }
        addProperties(values, project);
        addProperties(values, commandLine);
        return new Placeholders(enabled, values, strict);
    }

    private static void addProperties(Map<String, String> values, Properties properties) {
        if (properties == null) {
            return;
        }
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIX) && key.length() > PREFIX.length() && !key.equals(PREFIX + "enabled")
                    && !key.equals(PREFIX + "strict")) {
                values.put(key.substring(PREFIX.length()), properties.getProperty(key));
            }
        }
    }
}
