package dev.migrate.bench;

import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.common.Finding;
import dev.migrate.lint.LintConfig;
import dev.migrate.testing.Configs;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints what {@code migrate:verify} finds in a folder of revisions, so that two builds of the
 * plugin can be compared message for message: verify runs with its defaults and lint, as the goal
 * runs them, and every finding comes out on one line (severity, source, revision, file name, line,
 * message, fix; line breaks shown as {@code \n}), sorted, then each result row (name, result) in
 * history order. Standard error gets the findings again in verify's own order, for a look at
 * differences of order alone. Uses only API that older builds have too, so the same class,
 * compiled against either build's classes, runs on both.
 *
 * <p>Run, once per build, each against a fresh database, then {@code diff} the two dumps:
 * {@code MIGRATE_TEST_PG_URL="jdbc:postgresql://127.0.0.1:5432/DB?user=ROLE" java -cp
 * target/classes:target/test-classes:CLASSPATH dev.migrate.bench.FindingsDump FOLDER > dump.txt}.
 * Messages that quote a view definition folded at creation time ({@code 'now'::timestamp}) or a
 * system trigger's name carry the run's clock or catalog ids, and the lock report's findings on
 * several tables of one statement come in catalog-id order: those differ from run to run on one
 * build too.
 */
public final class FindingsDump {

    private FindingsDump() {
    }

    public static void main(String[] args) {
        String url = System.getenv().getOrDefault("MIGRATE_TEST_PG_URL",
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        Migrator migrator = new Migrator(Configs.config(url, Path.of(args[0])), MigrationListener.SILENT);
        VerifyResult result = migrator.verify(VerifyOptions.defaults(), LintConfig.defaults());
        List<String> findings = result.findings().stream().map(FindingsDump::line).sorted().toList();
        System.out.println("findings " + findings.size() + " (errors " + result.errors().size() + ", warnings "
                + result.warnings().size() + "), rows " + result.rows().size());
        findings.forEach(System.out::println);
        result.rows().forEach(row -> System.out.println("row " + row.name() + " | " + oneLine(row.result())));
        // verify's own order, to standard error: a difference only in order shows there, not above
        result.findings().forEach(finding -> System.err.println("in verify's order: " + line(finding)));
    }

    private static String line(Finding finding) {
        String file = finding.file() == null ? "-" : finding.file().getFileName().toString();
        return finding.severity() + " | " + finding.source() + " | " + finding.revisionId() + " | " + file + ":"
                + finding.line() + " | " + oneLine(finding.message()) + " | fix: " + oneLine(finding.fix());
    }

    private static String oneLine(String text) {
        return text == null ? "-" : text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
