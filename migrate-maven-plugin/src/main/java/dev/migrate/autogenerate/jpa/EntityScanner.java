package dev.migrate.autogenerate.jpa;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the {@code @Entity}, {@code @Embeddable} and {@code @MappedSuperclass} classes among the
 * project's compiled classes, in the named packages (every package when none is named). Classes are
 * loaded without being initialised, so no static code of the application runs.
 */
final class EntityScanner {

    private static final List<String> MARKERS = List.of("jakarta.persistence.Entity", "jakarta.persistence.Embeddable",
            "jakarta.persistence.MappedSuperclass");

    private EntityScanner() {
    }

    /** Names of the mapped classes, sorted, so that the generated schema does not depend on file order. */
    static List<String> scan(Path classes, List<String> packages, ClassLoader loader) {
        List<Class<? extends Annotation>> markers = markers(loader);
        List<String> found = new ArrayList<>();
        for (String name : classNames(classes)) {
            if (!inPackages(name, packages)) {
                continue;
            }
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (markers.stream().anyMatch(type::isAnnotationPresent)) {
                    found.add(name);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // a class whose dependencies are not on the runtime class path cannot be an entity Hibernate loads
            }
        }
        return found.stream().sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Annotation>> markers(ClassLoader loader) {
        List<Class<? extends Annotation>> markers = new ArrayList<>();
        for (String marker : MARKERS) {
            try {
                markers.add((Class<? extends Annotation>) Class.forName(marker, false, loader));
            } catch (ClassNotFoundException e) {
                throw new UnsupportedOrmException("jakarta.persistence is not on the project's runtime class path ("
                        + marker + " is missing): add jakarta.persistence:jakarta.persistence-api");
            }
        }
        return markers;
    }

    static boolean inPackages(String className, List<String> packages) {
        if (packages.isEmpty()) {
            return true;
        }
        return packages.stream().anyMatch(p -> className.startsWith(p + "."));
    }

    private static List<String> classNames(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.endsWith("module-info.class") && !f.endsWith("package-info.class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new JpaModelException("cannot read the compiled classes in " + classes + " (" + e.getMessage()
                    + "); run 'mvn compile' first", e);
        }
    }
}
