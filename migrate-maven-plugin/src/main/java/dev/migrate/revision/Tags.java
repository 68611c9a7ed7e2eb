package dev.migrate.revision;

import java.util.Locale;

/**
 * What makes a release tag ({@code -- tags:}) well formed. A tag is a target, so it must not read as
 * another kind of target: not a keyword, not digits alone (an id prefix), not starting with '-' (a
 * relative target), without '@' (a branch target).
 */
public final class Tags {

    private Tags() {
    }

    /** Why {@code tag} cannot be a release tag, as the end of a sentence naming it; null when it can. */
    public static String problem(String tag) {
        if (tag == null || tag.isEmpty()) {
            return "tag is empty; give a name such as 'release-1.0'";
        }
        String lower = tag.toLowerCase(Locale.ROOT);
        if (tag.indexOf('@') >= 0) {
            return "tag '" + tag + "' contains '@', which separates a label from 'head' in targets such as"
                    + " label@head; remove the '@'";
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.';
            if (!ok) {
                return "tag '" + tag + "' may only use letters, digits, '.', '-' and '_'; rename it";
            }
        }
        if (lower.equals("head") || lower.equals("heads") || lower.equals("base") || lower.equals("current")) {
            return "tag '" + tag + "' is a target keyword (head, heads, base, current); choose another tag, such as"
                    + " 'release-" + tag + "'";
        }
        if (tag.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "tag '" + tag + "' is only digits, which a target reads as a revision id prefix; add a letter or"
                    + " a '.', such as 'v" + tag + "'";
        }
        if (!Character.isLetterOrDigit(tag.charAt(0))) {
            return "tag '" + tag + "' must start with a letter or a digit ('-N' is a relative target); rename it";
        }
        return null;
    }
}
