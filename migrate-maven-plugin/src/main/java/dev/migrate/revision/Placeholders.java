package dev.migrate.revision;

import dev.migrate.common.Finding;
import java.nio.file.Path;
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
 * @param strict whether a value that changes the SQL around it (adds a statement, closes a quote)
 *     is an error ({@code migrate.placeholders.strict}) rather than a warning
 */
public record Placeholders(boolean enabled, Map<String, String> values, boolean strict) {

    /** Replacement on, no values of the user's: only the built-ins resolve. */
    public static final Placeholders NONE = new Placeholders(true, Map.of());

    /** Values whose escapes are warnings. */
    public Placeholders(boolean enabled, Map<String, String> values) {
        this(enabled, values, false);
    }

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
     * written), a problem with file and line for each placeholder without a value, and a warning
     * (a problem, when strict) for each value that changes the SQL around it.
     */
    public record Replaced(List<Revision> revisions, List<Finding> problems, List<Finding> warnings) {

        public Replaced {
            revisions = List.copyOf(revisions);
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Replaces the placeholders of every revision. {@code schema} and {@code user} are the
     * configured ones (null when none is configured; the user is then taken from {@code url}).
     */
    public Replaced replace(List<Revision> revisions, String schema, String user, String url) {
        if (!enabled) {
            return new Replaced(revisions, List.of(), List.of());
        }
        String effectiveUser = user != null ? user : userOf(url);
        List<Revision> replaced = new ArrayList<>(revisions.size());
        List<Finding> problems = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        for (Revision revision : revisions) {
            if (revision.upgrade().text().indexOf("${") < 0 && revision.downgrade().text().indexOf("${") < 0) {
                // nothing to replace: as SectionText would leave it, without building its values
                replaced.add(revision);
                continue;
            }
            Map<String, String> builtIns = new HashMap<>();
            builtIns.put("schema", schema);
            builtIns.put("user", effectiveUser);
            builtIns.put("revision", revision.id());
            SectionText up = new SectionText(revision, revision.upgrade(), "upgrade", values, builtIns, problems,
                    warnings, strict);
            SectionText down = new SectionText(revision, revision.downgrade(), "downgrade", values, builtIns, problems,
                    warnings, strict);
            if (!up.changed() && !down.changed()) {
                replaced.add(revision);
                continue;
            }
            replaced.add(revision.withSections(up.section(), down.section()));
        }
        return new Replaced(replaced, problems, warnings);
    }

    /**
     * A file's text that is not a revision (a desired schema's SQL) with its placeholders replaced
     * exactly as in revisions; {@code used} holds the value each placeholder of the text received,
     * so a generated revision can write the placeholder back.
     *
     * @param text the replaced text, or the text as written when replacement is off
     * @param used value by placeholder name ({@code migrate:schema} for a built-in), in order of first use
     * @param problems one for each placeholder without a value, with file and line
     */
    public record ReplacedText(String text, Map<String, String> used, List<Finding> problems) {
    }

    /** Replaces the placeholders of {@code text}, read from {@code file}; built-ins as for revisions, but no revision. */
    public ReplacedText replaceText(Path file, String text, String schema, String user, String url) {
        Map<String, String> used = new java.util.LinkedHashMap<>();
        List<Finding> problems = new ArrayList<>();
        if (!enabled || text.indexOf("${") < 0) {
            return new ReplacedText(text, used, problems);
        }
        Map<String, String> builtIns = new HashMap<>();
        builtIns.put("schema", schema);
        builtIns.put("user", user != null ? user : userOf(url));
        StringBuilder out = new StringBuilder(text.length());
        Matcher matcher = PLACEHOLDER.matcher(text);
        int at = 0;
        while (matcher.find(at)) {
            out.append(text, at, matcher.start());
            String name = matcher.group(2);
            if (!matcher.group(1).isEmpty()) {
                out.append("${").append(name).append('}');
            } else {
                String value = name.startsWith(BUILT_IN) ? builtIns.get(name.substring(BUILT_IN.length()))
                        : values.get(name);
                if (value == null) {
                    int line = 1 + (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
                    problems.add(Finding.problem(file, line, "placeholder ${" + name + "} has no value; give it one"
                            + " in the plugin's <placeholders> or with -Dmigrate.placeholders." + name + "=value (for a"
                            + " built-in, set the migrate." + name.substring(name.indexOf(':') + 1) + " it stands for),"
                            + " or write $${" + name + "} for the literal text"));
                    value = matcher.group();
                } else {
                    used.putIfAbsent(name, value);
                }
                out.append(value);
            }
            at = matcher.end();
        }
        out.append(text, at, text.length());
        return new ReplacedText(out.toString(), used, problems);
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
        return "Placeholders[enabled=" + enabled + ", strict=" + strict + ", names=" + new java.util.TreeSet<>(values.keySet()) + "]";
    }
}
