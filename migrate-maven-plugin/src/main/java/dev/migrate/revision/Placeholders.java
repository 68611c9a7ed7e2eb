package dev.migrate.revision;

import dev.migrate.common.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values for the {@code ${name}} placeholders of revision SQL, as the build supplies them. Every
 * {@code ${name}} of a section is replaced (in strings, dollar-quoted bodies and comments too, as
 * Flyway does) before the section is split into statements; {@code $${name}} writes a literal
 * {@code ${name}}. Checksums stay those of the text as written, so a new value is not an edit.
 *
 * @param enabled false leaves every section exactly as written
 * @param values the user's placeholders by name (case-sensitive)
 */
public record Placeholders(boolean enabled, Map<String, String> values) {

    /** Replacement on, no values of the user's: only the built-ins resolve. */
    public static final Placeholders NONE = new Placeholders(true, Map.of());

    /** The namespace of the built-in placeholders ({@code ${migrate:schema}} ...). */
    public static final String BUILT_IN = "migrate:";

    /** {@code ${name}} or {@code $${name}}; a name starts with a letter or underscore. */
    static final Pattern PLACEHOLDER = Pattern.compile("(\\$?)\\$\\{((?:migrate:)?[A-Za-z_][A-Za-z0-9_.-]*)}");

    private static final Pattern URL_USER = Pattern.compile("[?&;]user=([^&;]+)", Pattern.CASE_INSENSITIVE);

    public Placeholders {
        Map<String, String> copy = new HashMap<>();
        (values == null ? Map.<String, String>of() : values).forEach((k, v) -> copy.put(k, v == null ? "" : v));
        values = Map.copyOf(copy);
    }

    /**
     * What replacing gave: the revisions with their statements replaced (text and checksums as
     * written), and a problem with file and line for each placeholder without a value.
     */
    public record Replaced(List<Revision> revisions, List<Finding> problems) {

        public Replaced {
            revisions = List.copyOf(revisions);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Replaces the placeholders of every revision. {@code schema} and {@code user} are the
     * configured ones (null when none is configured; the user is then taken from {@code url}).
     */
    public Replaced replace(List<Revision> revisions, String schema, String user, String url) {
        if (!enabled) {
            return new Replaced(revisions, List.of());
        }
        String effectiveUser = user != null ? user : userOf(url);
        List<Revision> replaced = new ArrayList<>(revisions.size());
        List<Finding> problems = new ArrayList<>();
        for (Revision revision : revisions) {
            Map<String, String> builtIns = new HashMap<>();
            builtIns.put("schema", schema);
            builtIns.put("user", effectiveUser);
            builtIns.put("revision", revision.id());
            SectionText up = new SectionText(revision, revision.upgrade(), "upgrade", values, builtIns, problems);
            SectionText down = new SectionText(revision, revision.downgrade(), "downgrade", values, builtIns, problems);
            if (!up.changed() && !down.changed()) {
                replaced.add(revision);
                continue;
            }
            replaced.add(revision.withSections(up.section(), down.section()));
        }
        return new Replaced(replaced, problems);
    }

    /** The {@code user=} parameter of a JDBC URL, or null. */
    static String userOf(String url) {
        if (url == null) {
            return null;
        }
        Matcher matcher = URL_USER.matcher(url);
        return matcher.find() ? matcher.group(1) : null;
    }

    @Override
    public String toString() {
        // values may be credentials handed to a GRANT: names only
        return "Placeholders[enabled=" + enabled + ", names=" + new java.util.TreeSet<>(values.keySet()) + "]";
    }
}
