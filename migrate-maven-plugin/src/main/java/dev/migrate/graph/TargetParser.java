package dev.migrate.graph;

import java.util.Locale;
import java.util.regex.Pattern;

/** Reads a target as users type it; every refusal lists the forms that are accepted. */
final class TargetParser {

    static final String FORMS = "head, heads, base, a revision id or a unique prefix of one (digits),"
            + " +N or -N (N >= 1), <label>@head, a release tag (letters, digits, '.', '-', '_')";

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern ID_OR_PREFIX = Pattern.compile("[0-9]{1,14}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private TargetParser() {
    }

    static Target parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidTargetException("no target given; use one of: " + FORMS);
        }
        String target = text.strip();
        switch (target.toLowerCase(Locale.ROOT)) {
            case "head":
                return new Target.Head();
            case "heads":
                return new Target.Heads();
            case "base":
                return new Target.Base();
            default:
                break;
        }
        char first = target.charAt(0);
        if (first == '+' || first == '-') {
            return relative(target);
        }
        int at = target.indexOf('@');
        if (at >= 0) {
            return branchHead(target, at);
        }
        boolean digits = DIGITS.matcher(target).matches();
        if (ID_OR_PREFIX.matcher(target).matches() || !digits && TAG.matcher(target).matches()) {
            // a tag is resolved against the graph's 'tags:' headers when planning, like an id
            return new Target.Revision(target);
        }
        throw new InvalidTargetException("'" + target + "' is not a target; use one of: " + FORMS);
    }

    private static Target relative(String target) {
        String digits = target.substring(1);
        if (!DIGITS.matcher(digits).matches()) {
            throw new InvalidTargetException("'" + target + "' is not a target: '" + target.charAt(0)
                    + "' must be followed by a whole number of revisions, such as +1 or -2; use one of: " + FORMS);
        }
        int steps;
        try {
            steps = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new InvalidTargetException("'" + target + "' asks for more revisions than there can be; use a smaller N");
        }
        if (steps == 0) {
            throw new InvalidTargetException("'" + target + "' moves nothing; use +N or -N with N >= 1");
        }
        return new Target.Relative(target.charAt(0) == '-' ? -steps : steps);
    }

    private static Target branchHead(String target, int at) {
        String label = target.substring(0, at).strip();
        String rest = target.substring(at + 1);
        if (label.isEmpty() || !rest.equalsIgnoreCase("head")) {
            throw new InvalidTargetException("'" + target + "' is not a target: a branch target is <label>@head, with"
                    + " a label from a revision's 'branch:' header; use one of: " + FORMS);
        }
        return new Target.BranchHead(label);
    }
}
