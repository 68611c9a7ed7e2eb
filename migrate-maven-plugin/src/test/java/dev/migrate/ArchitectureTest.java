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
 * package holding the facade alone; Maven only in the maven package; no code outside a product
 * package ({@code database.postgres}, ...) naming it or asking which database it talks to; the URL
 * resolved in one place. The second half proves each check fails on a deliberate violation.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/migrate");

    /**
     * The packages, lowest first; each may use only those before it. "" is the facade (dev.migrate).
     * report and maven sit above the facade: they present what it returns; fanout runs the facade on
     * many databases at once, for the mojos. The product packages sit on the seam ({@code database});
     * beyond the order, nothing outside a product package may name it at all.
     */
    static final List<String> LAYERS = List.of("common", "sql", "revision", "graph", "lint", "schema", "database",
            "database.generic", "database.h2", "database.mysql", "database.postgres", "history", "run", "authoring",
            "scratch", "verify", "autogenerate", "autogenerate.jpa", "", "report", "fanout", "maven");

    /** The packages of one database product each. */
    static final Pattern PRODUCT = Pattern.compile("database\\.\\w+");

    /** The facade: what the mojos call. */
    static final int MAX_FACADE_FILES = 6;

    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.migrate\\.((?:[a-z]\\w*\\.)*)[A-Z]");
    private static final Pattern MAVEN = Pattern.compile("\\b(?:org\\.apache\\.maven|org\\.codehaus\\.plexus)\\.");
    /**
     * Ways of asking which product one talks to: a constant per product, {@code instanceof} or a
     * switch on a dialect, comparing a dialect or its display name, testing a URL's prefix, naming a
     * product's default schema, naming a product class.
     */
    private static final Pattern DATABASE_BRANCH = Pattern.compile(
            "Dialect\\.(?:POSTGRESQL|H2|GENERIC|MYSQL)\\b|instanceof\\s+\\w*Dialect\\b|\\b(?:dialect|product)\\(\\)\\s*[!=]="
                    + "|switch\\s*\\([^)]*(?:[dD]ialect|[pP]roduct)"
                    + "|displayName\\(\\)\\s*\\.\\s*(?:equals|equalsIgnoreCase|contains|startsWith)\\s*\\("
                    + "|\\.(?:equals|equalsIgnoreCase)\\s*\\(\\s*\\w*\\.?displayName\\(\\)"
                    + "|(?i:startsWith|contains|matches)\\s*\\(\\s*\"jdbc:[a-z]"
                    + "|\"public\"|\\b(?:Postgres|H2|Generic|MySql|Mysql|MariaDb)[A-Z]\\w*(?:Dialect|Writer|Reader|Lock|Seeder"
                    + "|Sampler|Series|Queries|Listing|ChangeLog|Units)\\b");

    /** Code that resolves a URL to its product; only the target's resolution may. */
    private static final Pattern URL_RESOLUTION = Pattern.compile("\\bDialects\\s*\\.\\s*forUrl\\b");

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
    void onlyAProductPackageKnowsItsProduct() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            offenders.addAll(databaseBranches(packageOf(file), file.getFileName().toString(), Files.readString(file)));
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void onlyTheTargetResolvesAUrlToItsProduct() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            offenders.addAll(urlResolutions(packageOf(file), file.getFileName().toString(), Files.readString(file)));
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
    void aProductPackageNamedFromOutsideIsCaught() {
        assertThat(layerViolations("verify", "X.java",
                "package dev.migrate.verify;\nimport dev.migrate.database.postgres.PostgresDialect;\n"))
                .containsExactly("verify/X.java uses dev.migrate.database.postgres (a product package)");
        assertThat(layerViolations("run", "X.java", "class X { Object d = new dev.migrate.database.h2.H2Dialect(); }"))
                .containsExactly("run/X.java uses dev.migrate.database.h2 (a product package)");
        assertThat(layerViolations("database", "X.java", "import dev.migrate.database.generic.GenericDialect;"))
                .containsExactly("database/X.java uses dev.migrate.database.generic (a product package)");
        assertThat(layerViolations("database.h2", "X.java", "import dev.migrate.database.postgres.PostgresLock;"))
                .containsExactly("database.h2/X.java uses dev.migrate.database.postgres (a product package)");
        assertThat(layerViolations("database.h2", "X.java", "import dev.migrate.database.h2.H2Units;\n"
                + "import dev.migrate.database.Dialect;")).isEmpty();
    }

    @Test
    void aProductPackageUsingWhatBuildsOnItIsCaught() {
        assertThat(layerViolations("database.postgres", "X.java", "import dev.migrate.run.MigrationRun;"))
                .containsExactly("database.postgres/X.java uses dev.migrate.run");
    }

    @Test
    void databaseBranchingOutsideAProductPackageIsCaught() {
        assertThat(databaseBranches("verify", "X.java", "if (scratch.dialect() == Dialect.H2) { }")).isNotEmpty();
        assertThat(databaseBranches("run", "X.java", "return switch (database.dialect()) { };")).hasSize(1);
        assertThat(databaseBranches("run", "X.java", "boolean pg = d instanceof PostgresDialect;")).isNotEmpty();
        assertThat(databaseBranches("run", "X.java", "if (target.product() != other) { }")).hasSize(1);
        assertThat(databaseBranches("verify", "X.java", "if (dialect.displayName().equals(\"PostgreSQL\")) { }"))
                .hasSize(1);
        assertThat(databaseBranches("verify", "X.java", "if (\"H2\".equalsIgnoreCase(d.displayName())) { }"))
                .hasSize(1);
        assertThat(databaseBranches("run", "X.java", "boolean h2 = url.startsWith(\"jdbc:h2:\");")).hasSize(1);
        assertThat(databaseBranches("run", "X.java", "boolean pg = url.contains(\"jdbc:postgresql\");")).hasSize(1);
        assertThat(databaseBranches("autogenerate", "X.java", "if (\"public\".equals(schema)) { }")).hasSize(1);
        assertThat(databaseBranches("database", "X.java", "SnapshotReader r = new H2SnapshotReader();")).hasSize(1);
        assertThat(databaseBranches("database", "X.java", "if (dialect == Dialect.H2) { }")).hasSize(1);
        assertThat(databaseBranches("database.postgres", "X.java", "if (\"public\".equals(schema)) { }")).isEmpty();
        assertThat(databaseBranches("autogenerate", "X.java", "if (desired.startsWith(\"jdbc:\")) { }")).isEmpty();
    }

    @Test
    void resolvingAUrlOutsideTheTargetIsCaught() {
        assertThat(urlResolutions("run", "X.java", "Dialect d = Dialects.forUrl(url);"))
                .containsExactly("run/X.java resolves a URL to its product");
        assertThat(urlResolutions("database", "DatabaseTarget.java", "Dialect d = Dialects.forUrl(url);")).isEmpty();
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
            String target = matcher.group(1).isEmpty() ? "" : matcher.group(1).substring(0, matcher.group(1).length() - 1);
            int used = LAYERS.indexOf(target);
            String message = null;
            if (target.equals(pkg)) {
                continue;
            } else if (PRODUCT.matcher(target).matches()) {
                message = place(pkg, fileName) + " uses dev.migrate." + target + " (a product package)";
            } else if (used < 0 || used > own) {
                message = place(pkg, fileName) + " uses dev.migrate" + (target.isEmpty() ? " (the facade)" : "." + target);
            }
            if (message != null && !offenders.contains(message)) {
                offenders.add(message);
            }
        }
        return offenders;
    }

    private static String place(String pkg, String fileName) {
        return (pkg.isEmpty() ? "" : pkg + "/") + fileName;
    }

    static List<String> mavenViolations(String pkg, String fileName, String source) {
        return !pkg.equals("maven") && MAVEN.matcher(source).find() ? List.of(pkg + "/" + fileName + " uses Maven")
                : List.of();
    }

    static List<String> databaseBranches(String pkg, String fileName, String source) {
        List<String> offenders = new ArrayList<>();
        if (PRODUCT.matcher(pkg).matches()) {
            return offenders;
        }
        Matcher matcher = DATABASE_BRANCH.matcher(source);
        while (matcher.find()) {
            offenders.add(place(pkg, fileName) + ": " + matcher.group());
        }
        return offenders;
    }

    static List<String> urlResolutions(String pkg, String fileName, String source) {
        boolean allowed = pkg.equals("database") && List.of("DatabaseTarget.java", "Dialects.java").contains(fileName);
        return !allowed && URL_RESOLUTION.matcher(source).find()
                ? List.of(place(pkg, fileName) + " resolves a URL to its product") : List.of();
    }

    private static String withoutPackageLine(String source) {
        return source.replaceFirst("(?m)^package [\\w.]+;", "");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    /** The package below dev.migrate, dotted ("database.postgres"); "" for the facade. */
    private static String packageOf(Path file) {
        Path relative = SOURCES.relativize(file.getParent());
        return relative.toString().isEmpty() ? "" : relative.toString().replace(java.io.File.separatorChar, '.');
    }
}
