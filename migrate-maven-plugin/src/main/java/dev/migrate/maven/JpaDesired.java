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
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.graph.Dependency;

/**
 * {@code -Dmigrate.desired=jpa[:packages]}: describes the project's compiled classes and runtime
 * class path to the core, which has the project's Hibernate write the entities' DDL into
 * {@code target/migrate/jpa}; that folder is then the desired schema. The goals do not ask Maven to
 * resolve dependencies up front: only this class does, and only for {@code jpa}, so a project whose
 * desired schema is SQL never waits for (or fails on) its dependencies.
 */
final class JpaDesired {

    static final String PREFIX = "migrate.jpa.";

    private JpaDesired() {
    }

    /** The scopes of the application's run-time class path, as Maven's runtime resolution gives it. */
    private static final Set<String> RUNTIME = Set.of("compile", "runtime");

    /** The Maven project the goal runs in, and the means to resolve its dependencies when needed. */
    record Project(MavenProject project, MavenSession session, ProjectDependenciesResolver resolver) {
    }

    static String resolve(String given, Migrator migrator, Project maven, JpaSettings settings)
            throws MojoExecutionException {
        MavenProject project = maven.project();
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        List<Path> classpath = new ArrayList<>();
        classpath.add(classes);
        classpath.addAll(runtimeDependencies(maven));
        List<Path> resources = List.of(classes, project.getBasedir().toPath().resolve("src/main/resources"));
        Map<String, String> properties = new LinkedHashMap<>();
        if (settings != null && settings.getProperties() != null) {
            properties.putAll(settings.getProperties());
        }
        properties.putAll(commandLine(maven.session()));
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

    static String resolveAny(String given, File basedir, Migrator migrator, Project maven, JpaSettings settings)
            throws MojoExecutionException {
        return isJpa(given) ? resolve(given, migrator, maven, settings) : Desired.resolve(given, basedir);
    }

    /** The jars of the project's compile and runtime scopes, resolved now (the goal did not ask Maven to). */
    private static List<Path> runtimeDependencies(Project maven) throws MojoExecutionException {
        DefaultDependencyResolutionRequest request = new DefaultDependencyResolutionRequest(maven.project(),
                maven.session().getRepositorySession());
        request.setResolutionFilter((node, parents) -> node.getDependency() == null
                || RUNTIME.contains(node.getDependency().getScope()));
        DependencyResolutionResult result;
        try {
            result = maven.resolver().resolve(request);
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("cannot resolve the project's runtime dependencies to read its entities"
                    + " (" + e.getMessage() + "); check them with 'mvn dependency:tree', or go online once", e);
        }
        List<Path> jars = new ArrayList<>();
        for (Dependency dependency : result.getResolvedDependencies()) {
            if (dependency.getArtifact().getFile() != null) {
                jars.add(dependency.getArtifact().getFile().toPath());
            }
        }
        return jars;
    }
}
