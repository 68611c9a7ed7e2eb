package dev.migrate.autogenerate;

import dev.migrate.common.FileWriteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes {@code TEST-migrate-check.xml}: one JUnit test case per comparison check made. */
final class CheckReport {

    static final String FILE_NAME = "TEST-migrate-check.xml";

    private CheckReport() {
    }

    static Path write(CheckResult result, Path directory) {
        StringBuilder cases = new StringBuilder();
        int failures = 0;
        for (CheckResult.Comparison comparison : result.checked()) {
            List<CheckResult.Finding> errors = result.errors().stream().filter(f -> f.comparison() == comparison).toList();
            cases.append("  <testcase classname=\"migrate.check\" name=\"").append(escape(comparison.testName()))
                    .append("\" time=\"").append(String.format(Locale.ROOT, "%.3f", result.took().toMillis() / 1000.0))
                    .append("\"");
            if (errors.isEmpty()) {
                cases.append("/>\n");
                continue;
            }
            failures++;
            StringBuilder text = new StringBuilder();
            errors.forEach(f -> text.append(f.message()).append('\n'));
            cases.append(">\n    <failure message=\"").append(escape(errors.size() + " difference(s): "
                    + errors.get(0).message())).append("\">").append(escape(text.toString())).append("</failure>\n")
                    .append("  </testcase>\n");
        }
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"migrate.check\" tests=\""
                + result.checked().size() + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"0\">\n" + cases
                + "</testsuite>\n";
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            Files.writeString(file, xml, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new FileWriteException("cannot write the check report " + file + " (" + e + ")", e);
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (cp == '\n' || cp == '\t' || cp >= 0x20) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
