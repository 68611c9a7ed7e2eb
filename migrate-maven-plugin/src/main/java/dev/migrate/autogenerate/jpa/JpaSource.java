package dev.migrate.autogenerate.jpa;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a project's JPA entities are: its compiled classes and runtime class path (which brings the
 * project's own Hibernate), the packages to read, and the settings the build gives.
 *
 * @param classes the project's compiled classes ({@code target/classes})
 * @param classpath the project's runtime class path, its compiled classes included
 * @param resources folders searched for Spring Boot's {@code application.properties} / {@code .yml},
 *     first hit wins (the compiled classes, then {@code src/main/resources})
 * @param packages packages whose entities are read (and their sub-packages); empty means every
 *     entity of the compiled classes, or the persistence units of {@code META-INF/persistence.xml}
 * @param properties {@code hibernate.*} (and {@code jakarta.persistence.*}) settings from the build,
 *     the command line's already over the POM's
 */
public record JpaSource(Path classes, List<Path> classpath, List<Path> resources, List<String> packages,
        Map<String, String> properties) {

    public JpaSource {
        classpath = List.copyOf(classpath);
        resources = List.copyOf(resources);
        packages = List.copyOf(packages);
        properties = Map.copyOf(new LinkedHashMap<>(properties));
    }

    /**
     * The packages named by a {@code migrate.desired} value: {@code jpa} gives none (everything),
     * {@code jpa:com.acme.model,com.acme.billing} gives those two.
     */
    public static List<String> packagesOf(String desired) {
        int colon = desired.indexOf(':');
        if (colon < 0) {
            return List.of();
        }
        return java.util.Arrays.stream(desired.substring(colon + 1).split(",")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
    }

    /** Whether a {@code migrate.desired} value asks for the JPA entities ({@code jpa} or {@code jpa:...}). */
    public static boolean isJpa(String desired) {
        if (desired == null) {
            return false;
        }
        String value = desired.strip();
        return value.equals("jpa") || value.startsWith("jpa:");
    }
}
