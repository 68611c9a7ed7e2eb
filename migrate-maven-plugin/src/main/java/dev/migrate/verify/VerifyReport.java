package dev.migrate.verify;

import dev.migrate.common.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines {@code migrate:verify} prints: a table of phases and times, then what it found. */
public final class VerifyReport {

    private VerifyReport() {
    }

    /** revision | up ms | down ms | re-up ms | result, one line per revision and one for the full cycle. */
    public static List<String> table(VerifyResult result) {
        int width = Math.max("revision".length(), result.rows().stream().mapToInt(r -> r.name().length()).max().orElse(0));
        String format = "%-" + width + "s | %7s | %7s | %8s | %s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, format, "revision", "up ms", "down ms", "re-up ms", "result"));
        lines.add("-".repeat(width) + "-+---------+---------+----------+-------------");
        for (VerifyResult.Row row : result.rows()) {
            lines.add(String.format(Locale.ROOT, format, row.name(), millis(row.upMillis()), millis(row.downMillis()),
                    millis(row.reupMillis()), row.result()));
        }
        return lines;
    }

    /** The closing line: how many revisions, errors and warnings, and how long it took. */
    public static String summary(VerifyResult result) {
        int errors = result.errors().size();
        int warnings = result.warnings().size();
        long revisions = result.rows().stream().filter(r -> r.revisionId() != null).count();
        return "Verified " + revisions + (revisions == 1 ? " revision" : " revisions") + " in "
                + result.took().toMillis() + " ms: " + count(errors, "error") + ", " + count(warnings, "warning")
                + (result.costs().isEmpty() ? "" : " (of which " + String.join(", ", result.costs().stream()
                        .map(cost -> cost.check() + " " + cost.millis() + " ms").toList()) + ")");
    }

    /** Every error, numbered, for the build failure message. */
    public static String failureMessage(VerifyResult result) {
        List<Finding> errors = result.errors();
        StringBuilder message = new StringBuilder("migrate:verify found " + count(errors.size(), "error") + ":");
        int n = 1;
        for (Finding error : errors) {
            message.append("\n  ").append(n++).append(". ").append(error.message());
        }
        return message.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String millis(long value) {
        return value < 0 ? "-" : Long.toString(value);
    }
}
