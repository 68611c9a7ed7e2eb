package dev.migrate.revision;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code -- key: value} lines of a revision file's header. Comment lines that are not
 * header lines are documentation, unless their key looks like a misspelt header key, which is
 * reported so that a typo never silently drops a setting.
 */
final class HeaderParser {

    /** Receives the problems found, as line and message. */
    interface Problems {
        void add(int line, String message);
    }

    private static final String EXAMPLE_ID = "20261120143000";

    private final String ownId;
    private final Problems problems;
    private final Map<HeaderKey, Integer> seen = new EnumMap<>(HeaderKey.class);
    private boolean parentsLookalike;

    List<String> parents;
    int parentsLine;
    String message = "";
    List<String> dependsOn = List.of();
    int dependsOnLine;
    List<String> branchLabels = List.of();
    boolean transactional = true;
    boolean irreversible;
    Set<String> lintIgnore = Set.of();
    List<String> tags = List.of();
    int tagsLine;
    List<String> replaces = List.of();
    int replacesLine;

    HeaderParser(String ownId, Problems problems) {
        this.ownId = ownId;
        this.problems = problems;
    }

    /** One comment line of the header; {@code body} is the text after {@code --}. */
    void comment(int line, String body) {
        int colon = body.indexOf(':');
        if (colon < 0) {
            return;
        }
        String candidate = body.substring(0, colon).strip();
        String value = body.substring(colon + 1).strip();
        HeaderKey key = HeaderKey.of(candidate);
        if (key == null) {
            checkLookalike(line, candidate);
            return;
        }
        Integer earlier = seen.putIfAbsent(key, line);
        if (earlier != null) {
            problems.add(line, "header '" + key.text + "' is given twice, on lines " + earlier + " and " + line
                    + "; keep only one of them");
            return;
        }
        read(key, line, value);
    }

    /** Reports what must be there but is not; call after the last header line. */
    void finish() {
        // a misspelt parents line was already reported with the fix; saying it is missing adds nothing
        if (!seen.containsKey(HeaderKey.PARENTS) && !parentsLookalike) {
            problems.add(1, "the header has no 'parents' line; add '-- parents: base' above '-- upgrade' for a first"
                    + " revision, or '-- parents: <id>' naming the revision this one follows (several ids, comma"
                    + " separated, for a merge)");
        }
    }

    private void read(HeaderKey key, int line, String value) {
        switch (key) {
            case PARENTS:
                parentsLine = line;
                parents = readParents(line, value);
                break;
            case MESSAGE:
                message = value;
                break;
            case DEPENDS_ON:
                dependsOnLine = line;
                dependsOn = readIds(line, value, "depends-on", false);
                break;
            case BRANCH:
                branchLabels = readNames(line, value, "branch", "branch labels");
                break;
            case TRANSACTIONAL:
                transactional = readBoolean(line, value, key, "'false' runs the upgrade outside a transaction");
                break;
            case IRREVERSIBLE:
                irreversible = readBoolean(line, value, key, "'true' acknowledges an empty downgrade section");
                break;
            case LINT_IGNORE:
                lintIgnore = new LinkedHashSet<>(readNames(line, value, "lint-ignore", "lint rule ids"));
                break;
            case TAGS:
                tagsLine = line;
                tags = readTags(line, value);
                break;
            case REPLACES:
                replacesLine = line;
                replaces = readIds(line, value, "replaces", false);
                break;
            default:
                throw new IllegalStateException(key.toString());
        }
    }

    private List<String> readParents(int line, String value) {
        List<String> items = items(value);
        boolean hasBase = items.stream().anyMatch(item -> item.equalsIgnoreCase("base"));
        if (hasBase && items.size() == 1) {
            return List.of();
        }
        if (hasBase) {
            problems.add(line, "'parents: " + value + "' mixes 'base' with revision ids; write 'base' alone for a"
                    + " first revision, or only the ids of the parent revisions");
            return List.of();
        }
        return readIds(line, value, "parents", true);
    }

    private List<String> readIds(int line, String value, String key, boolean parentsKey) {
        List<String> items = items(value);
        String expected = parentsKey
                ? "write 'base' for a first revision, or the full ids of the parent revisions, comma separated"
                : "list the full ids of the revisions it depends on, comma separated, or remove the line";
        if (value.isEmpty()) {
            problems.add(line, "'" + key + ":' has no value; " + expected);
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String item : items) {
            if (item.isEmpty()) {
                problems.add(line, "'" + key + ": " + value + "' has an empty entry; remove the stray comma");
            } else if (!isRevisionId(item)) {
                problems.add(line, "'" + item + "' in '" + key + ":' is not a full 14-digit revision id; write the"
                        + " id exactly as it starts the revision's file name (for example " + EXAMPLE_ID + ")");
            } else if (item.equals(ownId)) {
                problems.add(line, "the revision names itself (" + item + ") in '" + key + ":'; a revision cannot"
                        + " come after itself: name other revisions only");
            } else if (ids.contains(item)) {
                problems.add(line, "'" + key + ":' lists " + item + " twice; list each revision once");
            } else {
                ids.add(item);
            }
        }
        return ids;
    }

    private List<String> readNames(int line, String value, String key, String what) {
        if (value.isEmpty()) {
            problems.add(line, "'" + key + ":' has no value; list the " + what + ", comma separated, or remove the"
                    + " line");
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String item : items(value)) {
            if (item.isEmpty()) {
                problems.add(line, "'" + key + ": " + value + "' has an empty entry; remove the stray comma");
            } else if (item.indexOf('@') >= 0) {
                problems.add(line, "'" + item + "' in '" + key + ":' contains '@', which separates a label from"
                        + " 'head' in targets such as label@head; remove the '@'");
            } else if (!isName(item)) {
                problems.add(line, "'" + item + "' in '" + key + ":' may only use letters, digits, '_', '-' and"
                        + " '.'; rename it");
            } else if (names.contains(item)) {
                problems.add(line, "'" + key + ":' lists '" + item + "' twice; list it once");
            } else {
                names.add(item);
            }
        }
        return names;
    }

    private List<String> readTags(int line, String value) {
        if (value.isEmpty()) {
            problems.add(line, "'tags:' has no value; list the release tags, comma separated, or remove the line");
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (String item : items(value)) {
            String problem = item.isEmpty() ? null : Tags.problem(item);
            if (item.isEmpty()) {
                problems.add(line, "'tags: " + value + "' has an empty entry; remove the stray comma");
            } else if (problem != null) {
                problems.add(line, problem);
            } else if (tags.contains(item)) {
                problems.add(line, "'tags:' lists '" + item + "' twice; list it once");
            } else {
                tags.add(item);
            }
        }
        return tags;
    }

    private boolean readBoolean(int line, String value, HeaderKey key, String meaning) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        problems.add(line, "'" + key.text + ": " + value + "' is neither true nor false; write '" + key.text
                + ": true' or '" + key.text + ": false' (" + meaning + ")");
        return key == HeaderKey.TRANSACTIONAL;
    }

    /** Reports a comment key that is a near miss of a header key; plain documentation passes. */
    private void checkLookalike(int line, String candidate) {
        HeaderKey key = HeaderKey.nearMiss(line, candidate, problems);
        if (key == HeaderKey.PARENTS) {
            parentsLookalike = true;
        }
    }

    private static List<String> items(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            items.add(item.strip());
        }
        return items;
    }

    static boolean isRevisionId(String s) {
        if (s.length() != 14) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
