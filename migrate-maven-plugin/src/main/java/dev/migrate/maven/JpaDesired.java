package dev.migrate.maven;

import dev.migrate.Migrator;
import dev.migrate.autogenerate.jpa.JpaSource;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/**
 * {@code -Dmigrate.desired=jpa[:packages]}: describes the project's compiled classes and runtime
 * class path to the core, which has the project's Hibernate write the entities' DDL into
 * {@code target/migrate/jpa}; that folder is then the desired schema.
 */
final class JpaDesired {

    static final String PREFIX = "migrate.jpa.";

    private JpaDesired() {
    }

    static String resolve(String given, Migrator migrator, MavenProject project, MavenSession session,
            JpaSettings settings) throws MojoExecutionException {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        List<Path> classpath = new ArrayList<>();
        try {
            for (String element : project.getRuntimeClasspathElements()) {
                classpath.add(Path.of(element));
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("cannot resolve the project's runtime dependencies to read its entities: "
                    + e.getMessage(), e);
        }
        List<Path> resources = List.of(classes, project.getBasedir().toPath().resolve("src/main/resources"));
        Map<String, String> properties = new LinkedHashMap<>();
        if (settings != null && settings.getProperties() != null) {
            properties.putAll(settings.getProperties());
        }
        properties.putAll(commandLine(session));
        Path folder = Path.of(project.getBuild().getDirectory(), "migrate", "jpa");
        return migrator.jpaDesiredSchema(new JpaSource(classes, classpath, resources, JpaSource.packagesOf(given.strip()),
                properties), folder).toString();
    }

    /** The {@code -Dmigrate.jpa.<name>=<value>} settings, prefix removed. */
    private static Map<String, String> commandLine(MavenSession session) {
        Map<String, String> settings = new LinkedHashMap<>();
        Properties user = session == null ? new Properties() : session.getUserProperties();
        for (String name : user.stringPropertyNames()) {
            if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
                settings.put(name.substring(PREFIX.length()), user.getProperty(name));
            }
        }
        return settings;
    }

    static boolean isJpa(String given) {
        return JpaSource.isJpa(given);
    }

    static String resolveAny(String given, File basedir, Migrator migrator, MavenProject project, MavenSession session,
            JpaSettings settings) throws MojoExecutionException {
        return isJpa(given) ? resolve(given, migrator, project, session, settings) : Desired.resolve(given, basedir);
    }
}
