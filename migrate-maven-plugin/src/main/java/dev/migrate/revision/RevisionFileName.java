package dev.migrate.revision;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a revision file, {@code <14-digit UTC timestamp>_<slug>.sql}, checked.
 *
 * @param id the 14-digit revision id, or null when the name is not well formed
 * @param slug the part after the id, or null when the name is not well formed
 * @param problem what is wrong with the name and what to do, or null when it is valid
 */
record RevisionFileName(String id, String slug, String problem) {

    static final Pattern NAME = Pattern.compile("(\\d{14})_([a-z0-9][a-z0-9_]*)\\.sql");
    private static final Pattern LOOSE_NAME = Pattern.compile("(\\d{14})_(.*)\\.(?i:sql)");
    private static final Pattern STARTS_WITH_ID = Pattern.compile("\\d{14}_.*");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");
    private static final String EXAMPLE = "<yyyyMMddHHmmss>_<slug>.sql with a lower-case slug of letters, digits"
            + " and '_' (for example 20261120143000_create_users.sql)";

    static RevisionFileName parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return new RevisionFileName(null, null, explain(fileName));
        }
        String id = m.group(1);
        String dateProblem = checkTimestamp(id);
        if (dateProblem != null) {
            return new RevisionFileName(id, m.group(2), "the revision id " + id + " is not a valid UTC timestamp"
                    + " yyyyMMddHHmmss (" + dateProblem + "); rename the file with a real date and time, for example"
                    + " the current UTC time, and update the parents of revisions that name it");
        }
        return new RevisionFileName(id, m.group(2), null);
    }

    boolean isValid() {
        return problem == null;
    }

    boolean isWellFormed() {
        return id != null;
    }

    /** Null when the 14 digits form a real date and time, else what is wrong with them. */
    static String checkTimestamp(String id) {
        int month = Integer.parseInt(id.substring(4, 6));
        if (month < 1 || month > 12) {
            return "month " + id.substring(4, 6) + " does not exist";
        }
        try {
            LocalDateTime.of(Integer.parseInt(id.substring(0, 4)), month, Integer.parseInt(id.substring(6, 8)),
                    Integer.parseInt(id.substring(8, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            return null;
        } catch (DateTimeException e) {
            return e.getMessage();
        }
    }

    private static String explain(String fileName) {
        Matcher loose = LOOSE_NAME.matcher(fileName);
        if (loose.matches()) {
            String suggestion = loose.group(1) + "_" + slugOf(loose.group(2)) + ".sql";
            return "the file name does not match " + EXAMPLE + "; rename it to " + suggestion;
        }
        if (!STARTS_WITH_ID.matcher(fileName).matches()) {
            return "the file name does not start with a 14-digit revision id and '_'; rename it to " + EXAMPLE;
        }
        return "the file name does not match " + EXAMPLE + "; rename it";
    }

    /** A valid slug made from free text: lower case, runs of other characters turned into '_'. */
    static String slugOf(String text) {
        String slug = EDGE_UNDERSCORES.matcher(NOT_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("_")).replaceAll("");
        return slug.isEmpty() ? "revision" : slug;
    }
}
