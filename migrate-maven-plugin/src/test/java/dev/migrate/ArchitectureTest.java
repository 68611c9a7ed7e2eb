package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependencies between packages pointing one way: the core knows nothing of Maven, and
 * the leaves know nothing of what is built on them.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/migrate");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);

    /** For each package, the project packages it may import ("" is the base package dev.migrate). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "sql", Set.of(""),
            "revision", Set.of("", "sql"),
            "graph", Set.of("", "revision"),
            "db", Set.of("", "revision", "sql", "graph"),
            "lint", Set.of("", "revision", "sql", "graph"),
            "verify", Set.of("", "revision", "sql", "graph", "db", "lint"),
            "database", Set.of(),
            "autogenerate", Set.of("", "revision", "sql", "graph", "db", "verify", "database"));

    @Test
    void onlyTheMavenPackageImportsMaven() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            for (String imported : imports(file)) {
                if ((imported.startsWith("org.apache.maven") || imported.startsWith("org.codehaus.plexus"))
                        && !pkg.equals("maven")) {
                    offenders.add(file.getFileName() + " imports " + imported);
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void nothingOutsideTheMavenPackageImportsIt() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            if (!packageOf(file).equals("maven") && imports(file).stream().anyMatch(i -> i.startsWith("dev.migrate.maven"))) {
                offenders.add(file.getFileName().toString());
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void corePackagesImportOnlyWhatTheyBuildOn() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            Set<String> allowed = ALLOWED.get(pkg);
            if (allowed == null) {
                continue;
            }
            for (String imported : imports(file)) {
                if (!imported.startsWith("dev.migrate")) {
                    continue;
                }
                String target = imported.equals("dev.migrate") ? "" : imported.substring("dev.migrate.".length()).split("\\.")[0];
                if (!target.equals(pkg) && !allowed.contains(target)) {
                    offenders.add(pkg + "/" + file.getFileName() + " imports dev.migrate." + target);
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static String packageOf(Path file) {
        Path relative = SOURCES.relativize(file.getParent());
        return relative.toString().isEmpty() ? "" : relative.getName(0).toString();
    }

    private static List<String> imports(Path file) throws IOException {
        List<String> found = new ArrayList<>();
        Matcher matcher = IMPORT.matcher(Files.readString(file));
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
