package dev.migrate.revision;

import java.util.Locale;

/**
 * The header keys of FORMAT.md, and how a comment's key that is none can still be a misspelt one:
 * a typo must never silently drop a setting.
 */
enum HeaderKey {
    PARENTS("parents"), MESSAGE("message"), DEPENDS_ON("depends-on"), BRANCH("branch"),
    TRANSACTIONAL("transactional"), IRREVERSIBLE("irreversible"), LINT_IGNORE("lint-ignore"),
    TAGS("tags"), REPLACES("replaces");

    final String text;
    final String squashed;

    HeaderKey(String text) {
        this.text = text;
        this.squashed = text.replace("-", "");
    }

    static HeaderKey of(String text) {
        for (HeaderKey key : values()) {
            if (key.text.equals(text)) {
                return key;
            }
        }
        return null;
    }

    /**
     * The header key {@code candidate} (a comment line's key that is none) is a near miss of, with
     * the problem reported: wrong case, '_' for '-', or a typo of one or two letters; null for
     * plain documentation.
     */
    static HeaderKey nearMiss(int line, String candidate, HeaderParser.Problems problems) {
        if (candidate.isEmpty() || candidate.length() > 30) {
            return null;
        }
        String lower = candidate.toLowerCase(Locale.ROOT);
        HeaderKey key = HeaderKey.of(lower);
        if (key != null) {
            problems.add(line, "header key '" + candidate + "' must be lower case; write '-- " + key.text + ": ...'");
            return key;
        }
        key = HeaderKey.of(lower.replace('_', '-'));
        if (key != null) {
            problems.add(line, "header key '" + candidate + "' is written with '_'; write '-- " + key.text
                    + ": ...' with '-'");
            return key;
        }
        String squashed = squash(lower);
        if (squashed == null) {
            return null;
        }
        boolean oneWord = candidate.indexOf(' ') < 0 && candidate.indexOf('\t') < 0;
        HeaderKey best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (HeaderKey k : HeaderKey.values()) {
            int limit = !oneWord ? 0 : k.squashed.length() >= 6 ? 2 : 1;
            int distance = Typos.distance(squashed, k.squashed, limit);
            if (distance <= limit && distance < bestDistance) {
                best = k;
                bestDistance = distance;
            }
        }
        if (best != null) {
            problems.add(line, "'" + candidate + ":' is not a header key; did you mean '" + best.text + "'? write '-- "
                    + best.text + ": ...', or reword the comment if it is documentation");
        }
        return best;
    }

    /** The candidate without '-', '_' and blanks, or null when it holds anything but letters. */
    private static String squash(String lower) {
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append(c);
            } else if (c != '-' && c != '_' && c != ' ' && c != '\t') {
                return null;
            }
        }
        return out.length() < 3 ? null : out.toString();
    }
}
