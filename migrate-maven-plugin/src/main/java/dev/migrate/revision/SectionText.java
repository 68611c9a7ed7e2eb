package dev.migrate.revision;

import dev.migrate.common.Finding;
import dev.migrate.sql.Statement;
import dev.migrate.sql.StatementSplitter;
import dev.migrate.sql.UnsplittableSqlException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * One section with its placeholders replaced and split again by the rules it was split by. A value holding line
 * breaks would move every later statement down; each line of the replaced text remembers the file
 * line it came from, so statements keep the lines of the file as written.
 */
final class SectionText {

    private final Section section;
    private final boolean changed;

    SectionText(Revision revision, Section original, String which, Map<String, String> values,
            Map<String, String> builtIns, List<Finding> problems, List<Finding> warnings, boolean strict) {
        String text = original.text();
        if (text.indexOf("${") < 0) {
            this.section = original;
            this.changed = false;
            return;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        // fileLine[k] = the file line on which line k (0-based) of the replaced text starts
        int[] fileLine = new int[16];
        int outLines = 1;
        int line = original.firstLine();
        fileLine[0] = line;
        boolean missing = false;
        Matcher matcher = Placeholders.PLACEHOLDER.matcher(text);
        int at = 0;
        while (true) {
            int next = matcher.find(at) ? matcher.start() : text.length();
            for (int i = at; i < next; i++) {
                char c = text.charAt(i);
                out.append(c);
                if (c == '\n') {
                    line++;
                    fileLine = grow(fileLine, outLines);
                    fileLine[outLines++] = line;
                }
            }
            if (next == text.length()) {
                break;
            }
            String name = matcher.group(2);
            String value;
            if (!matcher.group(1).isEmpty()) {
                value = "${" + name + "}";
            } else {
                value = valueOf(name, values, builtIns);
                if (value == null) {
                    missing = true;
                    problems.add(Finding.problem(revision.file(), line, "placeholder ${" + name + "} in the " + which
                            + " section has no value; " + advice(name, builtIns)));
                    value = matcher.group();
                }
            }
            for (int i = 0; i < value.length(); i++) {
                out.append(value.charAt(i));
                if (value.charAt(i) == '\n') {
                    // a line break inside a value: the next text still belongs to the placeholder's line
                    fileLine = grow(fileLine, outLines);
                    fileLine[outLines++] = line;
                }
            }
            at = matcher.end();
        }
        this.changed = true;
        if (missing) {
            this.section = original;
            return;
        }
        List<Statement> statements = List.of();
        try {
            statements = remap(StatementSplitter.split(out.toString(), 1, original.syntax()), fileLine);
        } catch (UnsplittableSqlException e) {
            int where = fileLine[Math.min(e.line(), outLines) - 1];
            problems.add(Finding.problem(revision.file(), where, "in the " + which + " section with its placeholders"
                    + " replaced, " + e.getMessage() + "; a placeholder's value opens a quote or comment that it"
                    + " does not close: check the values used in this section"));
        }
        List<String> escaping = PlaceholderEscapes.find(text, original.statements(), statements,
                name -> valueOf(name, values, builtIns), original.syntax());
        if (!escaping.isEmpty()) {
            int where = escapingLine(original.statements(), escaping);
            String names = escaping.stream().map(name -> "${" + name + "}").collect(Collectors.joining(", "));
            String message = "in the " + which + " section, the value of " + names + " changes the SQL around it: with"
                    + " it the section splits into " + statements.size() + " statement(s) (as written, "
                    + original.statements().size() + "), or a quote or comment it stands in is closed; check that"
                    + " value" + (strict ? "" : " (-Dmigrate.placeholders.strict=true makes this an error)");
            Finding finding = Finding.problem(revision.file(), where, message);
            (strict ? problems : warnings).add(strict ? finding : new Finding(dev.migrate.common.Severity.WARNING,
                    Finding.FILES, revision.id(), revision.file(), where, message, null));
        }
        this.section = new Section(text, original.firstLine(), statements, original.checksum(), original.syntax());
    }

    /** The file line of the first statement as written that holds one of {@code names}. */
    private static int escapingLine(List<Statement> written, List<String> names) {
        for (Statement statement : written) {
            if (names.stream().anyMatch(name -> statement.sql().contains("${" + name + "}"))) {
                return statement.line();
            }
        }
        return written.isEmpty() ? 0 : written.get(0).line();
    }

    /** The section with placeholders replaced in its statements; its text and checksum as written. */
    Section section() {
        return section;
    }

    /** Whether the section holds any placeholder at all. */
    boolean changed() {
        return changed;
    }

    private static String valueOf(String name, Map<String, String> values, Map<String, String> builtIns) {
        if (name.startsWith(Placeholders.BUILT_IN)) {
            return builtIns.get(name.substring(Placeholders.BUILT_IN.length()));
        }
        return values.get(name);
    }

    private static String advice(String name, Map<String, String> builtIns) {
        if (name.startsWith(Placeholders.BUILT_IN)) {
            String builtIn = name.substring(Placeholders.BUILT_IN.length());
            if (!builtIns.containsKey(builtIn)) {
                return "it is not a built-in placeholder (those are ${migrate:schema}, ${migrate:user} and"
                        + " ${migrate:revision}); correct the name, or write $${" + name + "} for the literal text";
            }
            return "no " + builtIn + " is configured: set migrate." + builtIn + " (the plugin does not ask the"
                    + " database before it has checked every file)";
        }
        return "give it one in the plugin's <placeholders> (<" + name + ">value</" + name + ">) or with -Dmigrate"
                + ".placeholders." + name + "=value, or write $${" + name + "} for the literal text";
    }

    private static List<Statement> remap(List<Statement> statements, int[] fileLine) {
        List<Statement> remapped = new ArrayList<>(statements.size());
        for (Statement statement : statements) {
            remapped.add(new Statement(statement.sql(), fileLine[statement.line() - 1]));
        }
        return remapped;
    }

    private static int[] grow(int[] array, int needed) {
        return needed < array.length ? array : Arrays.copyOf(array, array.length * 2);
    }
}
