package dev.migrate.autogenerate.jpa;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's own ORM, in a class loader of its own: the project's classes and runtime jars over
 * the JDK alone, so the plugin's classes (and its H2 and PostgreSQL drivers) never mix with the
 * application's, and the schema is the one the application's Hibernate will validate against.
 * Only Hibernate ORM 6 and 7 ({@code jakarta.persistence}) are accepted.
 */
final class ProjectOrm implements AutoCloseable {

    static final String PROVIDER = "org.hibernate.jpa.HibernatePersistenceProvider";

    private final URLClassLoader loader;
    private final String version;

    private ProjectOrm(URLClassLoader loader, String version) {
        this.loader = loader;
        this.version = version;
    }

    /** Opens the project's class path and checks that it holds a supported Hibernate. */
    static ProjectOrm open(List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new JpaModelException("cannot use " + entry + " of the project's class path: " + e.getMessage(), e);
            }
        }
        URLClassLoader loader = new URLClassLoader("migrate-jpa", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        try {
            String version = detect(loader);
            return new ProjectOrm(loader, version);
        } catch (RuntimeException e) {
            closeQuietly(loader);
            throw e;
        }
    }

    private static String detect(ClassLoader loader) {
        boolean hibernate = present(loader, PROVIDER);
        boolean jakarta = present(loader, "jakarta.persistence.Entity");
        boolean javax = present(loader, "javax.persistence.Entity");
        if (!hibernate) {
            if (present(loader, "org.eclipse.persistence.jpa.PersistenceProvider")) {
                throw new UnsupportedOrmException("the project uses EclipseLink (org.eclipse.persistence): the entities"
                        + " are read through Hibernate ORM 6 or 7 only; keep a SQL desired schema (src/main/schema) for"
                        + " this project, or use Hibernate ORM");
            }
            String api = jakarta ? "jakarta.persistence without Hibernate ORM" : javax
                    ? "javax.persistence without Hibernate ORM" : "no JPA provider";
            throw new UnsupportedOrmException("the project's runtime dependencies hold " + api + ": add"
                    + " org.hibernate.orm:hibernate-core 6.x or 7.x (Spring Boot: spring-boot-starter-data-jpa) to the"
                    + " project, run 'mvn compile' first, or use a SQL desired schema");
        }
        String version = hibernateVersion(loader);
        int major = major(version);
        if (major < 6 || !jakarta) {
            throw new UnsupportedOrmException("the project uses Hibernate ORM " + version + (javax
                    ? " with javax.persistence" : "") + ": the entities are read through Hibernate ORM 6 or 7"
                    + " (jakarta.persistence) only; upgrade Hibernate (Spring Boot 3 or later), or keep a SQL desired"
                    + " schema");
        }
        if (major > 7) {
            throw new UnsupportedOrmException("the project uses Hibernate ORM " + version + ", which this plugin has"
                    + " not been tested with (it reads entities through Hibernate ORM 6 and 7); use a SQL desired schema"
                    + " until a plugin release supports it");
        }
        return version;
    }

    private static String hibernateVersion(ClassLoader loader) {
        try {
            Method method = Class.forName("org.hibernate.Version", true, loader).getMethod("getVersionString");
            return String.valueOf(method.invoke(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return "(unknown version)";
        }
    }

    static int major(String version) {
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Integer.parseInt(version.substring(0, end));
    }

    static boolean present(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    ClassLoader loader() {
        return loader;
    }

    /** The Hibernate ORM version found, e.g. {@code 6.6.5.Final}. */
    String version() {
        return version;
    }

    @Override
    public void close() {
        closeQuietly(loader);
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // the jars stay open until the JVM ends; nothing the user can do about it
        }
    }
}
