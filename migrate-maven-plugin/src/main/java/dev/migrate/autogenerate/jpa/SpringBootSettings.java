package dev.migrate.autogenerate.jpa;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The Hibernate settings a Spring Boot application runs with: Boot's naming strategies, then the
 * {@code spring.jpa.*} keys of {@code application.properties} or {@code application.yml} (the
 * default profile only) turned into the {@code hibernate.*} settings Boot passes on.
 */
final class SpringBootSettings {

    static final String PHYSICAL = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";
    /** Boot 3's implicit strategy, and where Boot 4 moved it. */
    private static final List<String> IMPLICIT = List.of(
            "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy",
            "org.springframework.boot.hibernate.SpringImplicitNamingStrategy");

    private SpringBootSettings() {
    }

    /** Whether the project's class path holds Spring Boot. */
    static boolean applies(ClassLoader loader) {
        return ProjectOrm.present(loader, "org.springframework.boot.SpringApplication");
    }

    /** Boot's defaults overlaid with the application's own {@code spring.jpa.*} settings. */
    static Map<String, String> read(ClassLoader loader, List<Path> resources) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("hibernate.physical_naming_strategy", PHYSICAL);
        IMPLICIT.stream().filter(name -> ProjectOrm.present(loader, name)).findFirst()
                .ifPresent(name -> settings.put("hibernate.implicit_naming_strategy", name));
        Map<String, String> application = applicationProperties(resources);
        application.forEach((key, value) -> {
            if (key.startsWith("spring.jpa.properties.")) {
                settings.put(key.substring("spring.jpa.properties.".length()), value);
            }
        });
        copy(application, "spring.jpa.hibernate.naming.physical-strategy", settings, "hibernate.physical_naming_strategy");
        copy(application, "spring.jpa.hibernate.naming.implicit-strategy", settings, "hibernate.implicit_naming_strategy");
        copy(application, "spring.jpa.database-platform", settings, "hibernate.dialect");
        return settings;
    }

    private static void copy(Map<String, String> from, String key, Map<String, String> to, String setting) {
        String value = from.get(key);
        if (value != null && !value.isBlank()) {
            to.put(setting, value.strip());
        }
    }

    /** The first {@code application.properties} or {@code application.yml}/{@code .yaml} found, flattened. */
    static Map<String, String> applicationProperties(List<Path> resources) {
        for (Path folder : resources) {
            Path properties = folder.resolve("application.properties");
            if (Files.isRegularFile(properties)) {
                return properties(properties);
            }
            for (String name : List.of("application.yml", "application.yaml")) {
                Path yaml = folder.resolve(name);
                if (Files.isRegularFile(yaml)) {
                    return yaml(yaml);
                }
            }
        }
        return Map.of();
    }

    private static Map<String, String> properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new JpaModelException("cannot read " + file + " (" + e.getMessage() + "); fix the file, or give the"
                    + " Hibernate settings in the plugin's <jpa><properties>", e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    /**
     * Nested YAML mappings flattened to dotted keys, scalar values only: enough for the
     * {@code spring.jpa} block. The first document only (later ones are profile-specific).
     */
    static Map<String, String> yaml(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JpaModelException("cannot read " + file + " (" + e.getMessage() + "); fix the file, or give the"
                    + " Hibernate settings in the plugin's <jpa><properties>", e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        Deque<Map.Entry<Integer, String>> path = new ArrayDeque<>();
        boolean started = false;
        for (String line : lines) {
            String text = stripComment(line);
            if (text.strip().equals("---")) {
                if (started) {
                    break;
                }
                continue;
            }
            if (text.isBlank() || text.strip().startsWith("-")) {
                continue;
            }
            started = true;
            int indent = text.length() - text.stripLeading().length();
            int colon = text.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = unquote(text.substring(indent, colon).strip());
            String value = text.substring(colon + 1).strip();
            while (!path.isEmpty() && path.peekLast().getKey() >= indent) {
                path.removeLast();
            }
            String prefix = path.stream().map(Map.Entry::getValue).reduce((a, b) -> a + "." + b).map(p -> p + ".")
                    .orElse("");
            if (value.isEmpty()) {
                path.addLast(Map.entry(indent, key));
            } else {
                map.put(prefix + key, unquote(value));
            }
        }
        return map;
    }

    private static String stripComment(String line) {
        boolean single = false;
        boolean double_ = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !double_) {
                single = !single;
            } else if (c == '"' && !single) {
                double_ = !double_;
            } else if (c == '#' && !single && !double_ && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
