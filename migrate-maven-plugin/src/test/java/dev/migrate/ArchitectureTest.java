package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the structure as the contributors' page describes it: packages in one order, each using
 * only the packages before it (through imports and fully qualified names alike); the facade
 * package holding the facade alone; Maven only in the maven package; and no code outside the
 * database package asking which database it talks to. The second half proves each check fails on
 * a deliberate violation.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/migrate");

    /**
     * The packages, lowest first; each may use only those before it. "" is the facade (dev.migrate).
     * report and maven sit above the facade: they present what it returns; fanout runs the facade on
     * many databases at once, for the mojos.
     */
    static final List<String> LAYERS = List.of("common", "sql", "revision", "graph", "lint", "schema", "database",
            "history", "run", "authoring", "verify", "autogenerate", "", "report", "fanout", "maven");

    /** The facade: what the mojos call. */
    static final int MAX_FACADE_FILES = 6;

    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.migrate\\.(?:([a-z]\\w*)\\.)?[A-Z]");
    private static final Pattern MAVEN = Pattern.compile("\\b(?:org\\.apache\\.maven|org\\.codehaus\\.plexus)\\.");
    private static final Pattern DATABASE_BRANCH = Pattern.compile(
            "Dialect\\.(?:POSTGRESQL|H2|GENERIC)\\b|instanceof\\s+\\w*Dialect\\b|\\bdialect\\(\\)\\s*[!=]="
                    + "|switch\\s*\\([^)]*[dD]ialect");

    @Test
    void everyPackageUsesOnlyThePackagesBeneathIt() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            offenders.addAll(layerViolations(packageOf(file), file.getFileName().toString(), Files.readString(file)));
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyPackageHasItsPlaceInTheOrder() throws IOException {
        assertThat(sources()).extracting(ArchitectureTest::packageOf).allMatch(LAYERS::contains);
    }

    @Test
    void theFacadePackageHoldsTheFacadeAlone() throws IOException {
        List<String> facade = sources().stream().filter(f -> packageOf(f).isEmpty())
                .map(f -> f.getFileName().toString()).toList();
        assertThat(facade).hasSizeLessThanOrEqualTo(MAX_FACADE_FILES).contains("Migrator.java");
        assertThat(Files.readAllLines(SOURCES.resolve("Migrator.java"))).hasSizeLessThan(250);
    }

    @Test
    void onlyTheMavenPackageUsesMaven() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            offenders.addAll(mavenViolations(packageOf(file), file.getFileName().toString(), Files.readString(file)));
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void onlyTheDatabasePackageAsksWhichDatabaseItTalksTo() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            offenders.addAll(databaseBranches(packageOf(file), file.getFileName().toString(), Files.readString(file)));
        }
        assertThat(offenders).isEmpty();
    }

    // --- the checks fail on deliberate violations ---

    @Test
    void aLowerPackageImportingTheFacadeIsCaught() {
        assertThat(layerViolations("run", "X.java", "package dev.migrate.run;\nimport dev.migrate.Migrator;\n"))
                .containsExactly("run/X.java uses dev.migrate (the facade)");
    }

    @Test
    void aFullyQualifiedReferenceUpwardsIsCaught() {
        assertThat(layerViolations("graph", "X.java", "package dev.migrate.graph;\nclass X { dev.migrate.verify.Verifier v; }"))
                .containsExactly("graph/X.java uses dev.migrate.verify");
        assertThat(layerViolations("verify", "X.java", "package dev.migrate.verify;\nclass X { dev.migrate.graph.Plan p; }"))
                .isEmpty();
    }

    @Test
    void databaseBranchingOutsideTheDatabasePackageIsCaught() {
        assertThat(databaseBranches("verify", "X.java", "if (scratch.dialect() == Dialect.H2) { }")).isNotEmpty();
        assertThat(databaseBranches("run", "X.java", "return switch (database.dialect()) { };")).hasSize(1);
        assertThat(databaseBranches("run", "X.java", "boolean pg = d instanceof PostgresDialect;")).hasSize(1);
        assertThat(databaseBranches("database", "X.java", "if (dialect == Dialect.H2) { }")).isEmpty();
    }

    @Test
    void mavenOutsideTheMavenPackageIsCaught() {
        assertThat(mavenViolations("run", "X.java", "import org.apache.maven.plugin.Mojo;")).hasSize(1);
        assertThat(mavenViolations("maven", "X.java", "import org.apache.maven.plugin.Mojo;")).isEmpty();
    }

    static List<String> layerViolations(String pkg, String fileName, String source) {
        List<String> offenders = new ArrayList<>();
        int own = LAYERS.indexOf(pkg);
        Matcher matcher = REFERENCE.matcher(withoutPackageLine(source));
        while (matcher.find()) {
            String target = matcher.group(1) == null ? "" : matcher.group(1);
            int used = LAYERS.indexOf(target);
            if (!target.equals(pkg) && (used < 0 || used > own)) {
                String message = (pkg.isEmpty() ? "" : pkg + "/") + fileName + " uses dev.migrate"
                        + (target.isEmpty() ? " (the facade)" : "." + target);
                if (!offenders.contains(message)) {
                    offenders.add(message);
                }
            }
        }
        return offenders;
    }

    static List<String> mavenViolations(String pkg, String fileName, String source) {
        return !pkg.equals("maven") && MAVEN.matcher(source).find() ? List.of(pkg + "/" + fileName + " uses Maven")
                : List.of();
    }

    static List<String> databaseBranches(String pkg, String fileName, String source) {
        List<String> offenders = new ArrayList<>();
        if (pkg.equals("database")) {
            return offenders;
        }
        Matcher matcher = DATABASE_BRANCH.matcher(source);
        while (matcher.find()) {
            offenders.add(pkg + "/" + fileName + ": " + matcher.group());
        }
        return offenders;
    }

    private static String withoutPackageLine(String source) {
        return source.replaceFirst("(?m)^package [\\w.]+;", "");
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
}
