package dev.migrate.verify;

import dev.migrate.common.Finding;
import dev.migrate.common.FileWriteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes verify's result as a JUnit XML report (the Surefire format CI servers read): one test case
 * per revision per check, failed when an error concerns it, skipped when the check did not run.
 */
public final class JUnitXmlReport {

    public static final String FILE_NAME = "TEST-migrate-verify.xml";

    private JUnitXmlReport() {
    }

    /** Writes the report into {@code directory} (created if needed) and returns its path. */
    public static Path write(VerifyResult result, Path directory) {
        StringBuilder cases = new StringBuilder();
        int[] counts = new int[3]; // tests, failures, skipped
        testCase(cases, counts, "migrate.verify.graph", Phase.HEADS, result.findings().stream()
                .filter(f -> Phase.of(f) == Phase.HEADS).toList(), false, 0);
        List<Finding> mergeOrder = result.findings().stream().filter(f -> Phase.of(f) == Phase.MERGE_ORDER).toList();
        if (!mergeOrder.isEmpty()) {
            long millis = result.costs().stream().filter(cost -> cost.check().equals(Phase.MERGE_ORDER.label()))
                    .mapToLong(VerifyResult.Cost::millis).sum();
            testCase(cases, counts, "migrate.verify.graph", Phase.MERGE_ORDER, mergeOrder, false, millis);
        }
        for (VerifyResult.Row row : result.rows()) {
            boolean cycle = row.revisionId() == null;
            String className = "migrate.verify." + (cycle ? "full_cycle" : row.name());
            List<Finding> findings = result.findings().stream()
                    .filter(f -> cycle ? f.revisionId() == null && (Phase.of(f) == Phase.BASE || Phase.of(f) == Phase.HEAD)
                            : row.revisionId().equals(f.revisionId()) && Phase.of(f) != Phase.MERGE_ORDER)
                    .toList();
            List<Phase> phases = cycle ? List.of(Phase.BASE, Phase.HEAD)
                    : List.of(Phase.UPGRADE, Phase.DOWNGRADE, Phase.REUPGRADE);
            long[] times = cycle ? new long[] {row.downMillis(), row.reupMillis()}
                    : new long[] {row.upMillis(), row.downMillis(), row.reupMillis()};
            for (int i = 0; i < phases.size(); i++) {
                Phase phase = phases.get(i);
                List<Finding> own = findings.stream().filter(f -> Phase.of(f) == phase).toList();
                boolean ran = times[i] >= 0;
                testCase(cases, counts, className, phase, own, !ran && own.stream().noneMatch(Finding::isError), times[i]);
            }
        }
        long others = result.findings().stream().filter(f -> f.isError() && Phase.of(f) == Phase.UPGRADE
                && f.revisionId() == null).count();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"migrate-verify\" tests=\"" + counts[0] + "\" failures=\"" + (counts[1] + others)
                + "\" errors=\"0\" skipped=\"" + counts[2] + "\" time=\"" + seconds(result.took().toMillis()) + "\">\n"
                + "  <properties>\n    <property name=\"database\" value=\"" + escape(result.database()) + "\"/>\n"
                + "  </properties>\n" + cases + "</testsuite>\n";
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(FILE_NAME);
            Files.writeString(file, xml, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new FileWriteException("cannot write the verify report into " + directory + " (" + e
                    + "); check that the folder is writable, or set migrate.verify.reportDirectory", e);
        }
    }

    private static void testCase(StringBuilder out, int[] counts, String className, Phase phase, List<Finding> findings,
            boolean skipped, long millis) {
        counts[0]++;
        out.append("  <testcase classname=\"").append(escape(className)).append("\" name=\"")
                .append(escape(phase.testName())).append("\" time=\"").append(seconds(Math.max(0, millis))).append("\"");
        List<Finding> errors = findings.stream().filter(Finding::isError).toList();
        List<Finding> notes = findings.stream().filter(f -> !f.isError()).toList();
        if (errors.isEmpty() && notes.isEmpty() && !skipped) {
            out.append("/>\n");
            return;
        }
        out.append(">\n");
        if (!errors.isEmpty()) {
            counts[1]++;
            String text = String.join("\n", errors.stream().map(Finding::message).toList());
            out.append("    <failure message=\"").append(escape(errors.get(0).message())).append("\" type=\"")
                    .append(phase.label()).append("\">").append(escape(text)).append("</failure>\n");
        } else if (skipped) {
            counts[2]++;
            out.append("    <skipped/>\n");
        }
        if (!notes.isEmpty()) {
            out.append("    <system-out>").append(escape(String.join("\n", notes.stream()
                    .map(f -> f.severity().name().toLowerCase(Locale.ROOT) + ": " + f.message()).toList())))
                    .append("</system-out>\n");
        }
        out.append("  </testcase>\n");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\n' -> escaped.append("&#10;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
