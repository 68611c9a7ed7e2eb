package dev.migrate.autogenerate.jpa;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A project with entity sources, compiled here against the test class path's Hibernate 6, as
 * {@code mvn compile} would: each test edits its entities and compiles again, like a user does.
 */
final class JpaProject {

    private final Path root;
    private final Map<String, String> sources = new LinkedHashMap<>();

    JpaProject(Path root) {
        this.root = root;
    }

    /** Adds or replaces one source file, e.g. {@code ("shop/Book.java", "package shop; ...")}. */
    JpaProject put(String path, String code) {
        sources.put(path, code);
        return this;
    }

    JpaProject remove(String path) {
        sources.remove(path);
        return this;
    }

    Path classes() {
        return root.resolve("classes");
    }

    /** Compiles the sources into a fresh {@code classes} folder and describes the project. */
    JpaSource compile(Map<String, String> properties, String... packages) {
        try {
            Path src = root.resolve("src");
            delete(src);
            delete(classes());
            Files.createDirectories(classes());
            List<String> arguments = new ArrayList<>(List.of("-d", classes().toString(), "-classpath",
                    String.join(File.pathSeparator, jars().stream().map(Path::toString).toList()), "-proc:none"));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            StringWriter errors = new StringWriter();
            int status = compiler.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    errors.write(b);
                }
            }), arguments.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("the test's entities do not compile:\n" + errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(classes());
        classpath.addAll(jars());
        return new JpaSource(classes(), classpath, List.of(classes()), List.of(packages), properties);
    }

    JpaSource compile(String... packages) {
        return compile(Map.of(), packages);
    }

    /** The jars of the test class path: Hibernate 6, its dependencies, and the JDBC drivers. */
    static List<Path> jars() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(classpath.split(File.pathSeparator)).filter(p -> p.endsWith(".jar")).map(Path::of).toList();
    }

    /**
     * Has the project's Hibernate validate {@code url}'s schema against the entities, as
     * {@code hibernate.hbm2ddl.auto=validate} does when the application starts; throws when it refuses.
     */
    static void validate(JpaSource source, String url) throws Exception {
        try (URLClassLoader loader = overSharedJars(source.classpath())) {
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                Class<?> providerType = Class.forName(ProjectOrm.PROVIDER, true, loader);
                Object provider = providerType.getConstructor().newInstance();
                Class<?> unitType = Class.forName("jakarta.persistence.spi.PersistenceUnitInfo", true, loader);
                List<String> entities = EntityScanner.scan(source.classes(), source.packages(), loader);
                Object unit = Proxy.newProxyInstance(loader, new Class<?>[] {unitType}, new HibernateScript.Unit(loader,
                        source.classes().toUri().toURL(), entities, providerType.getName()));
                Map<String, Object> settings = new LinkedHashMap<>(source.properties());
                settings.put("hibernate.hbm2ddl.auto", "validate");
                settings.put("jakarta.persistence.jdbc.url", url);
                settings.put("hibernate.connection.url", url);
                Object factory;
                try {
                    factory = providerType.getMethod("createContainerEntityManagerFactory", unitType, Map.class)
                            .invoke(provider, unit, settings);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    Throwable cause = e.getCause();
                    while (cause.getCause() != null && cause.getCause() != cause) {
                        cause = cause.getCause();
                    }
                    throw new AssertionError("Hibernate's validator refuses the schema: " + cause.getMessage(), e);
                }
                factory.getClass().getMethod("close").invoke(factory);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }

    /**
     * The project's own entries of {@code classpath} (its classes) in a loader of their own, over
     * {@link SharedJars}: each validation loads the project's entities afresh, and Hibernate only once
     * in the JVM.
     */
    private static URLClassLoader overSharedJars(List<Path> classpath) throws IOException {
        List<Path> jars = jars();
        List<URL> own = new ArrayList<>();
        for (Path entry : classpath) {
            if (!jars.contains(entry)) {
                own.add(entry.toUri().toURL());
            }
        }
        return new URLClassLoader("jpa-project", own.toArray(URL[]::new), SharedJars.LOADER);
    }

    /**
     * The test class path's jars (Hibernate 6, its dependencies, the JDBC drivers) in one loader over
     * the JDK alone, made on first use and kept for the JVM: loading and warming Hibernate is most of
     * what a validation costs.
     */
    private static final class SharedJars {

        static final URLClassLoader LOADER = new URLClassLoader("jpa-test-jars", jars().stream().map(SharedJars::url)
                .toArray(URL[]::new), ClassLoader.getPlatformClassLoader());

        private static URL url(Path jar) {
            try {
                return jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
