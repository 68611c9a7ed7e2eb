package dev.migrate.database;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the phrase a snapshot keys a comment by ("column orders.total", "constraint ck on table
 * orders", "function f(integer)") into the object clause of COMMENT ON, names quoted.
 */
public final class CommentTarget {

    private static final String[] KINDS = {"materialized view", "table", "view", "column", "sequence", "index",
        "type", "domain", "schema", "function", "procedure", "extension"};

    private CommentTarget() {
    }

    public static String of(String phrase, DdlWriter writer) {
        for (String kind : new String[] {"constraint", "trigger"}) {
            if (phrase.startsWith(kind + " ")) {
                String rest = phrase.substring(kind.length() + 1);
                int on = rest.indexOf(" on ");
                String owner = rest.substring(on + " on ".length());
                String ownerClause = owner.startsWith("domain ") ? "DOMAIN " + dotted(owner.substring(7), writer)
                        : dotted(owner.substring(owner.indexOf(' ') + 1), writer);
                return kind.toUpperCase() + " " + writer.quote(rest.substring(0, on)) + " ON " + ownerClause;
            }
        }
        for (String kind : KINDS) {
            if (phrase.startsWith(kind + " ")) {
                String rest = phrase.substring(kind.length() + 1);
                if (kind.equals("function") || kind.equals("procedure")) {
                    int paren = rest.indexOf('(');
                    return kind.toUpperCase() + " " + dotted(rest.substring(0, paren), writer) + rest.substring(paren);
                }
                return kind.toUpperCase() + " " + dotted(rest, writer);
            }
        }
        return phrase;
    }

    /** "s.t.c" with each part quoted as needed. */
    public static String dotted(String name, DdlWriter writer) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("\\.")) {
            parts.add(writer.quote(part));
        }
        return String.join(".", parts);
    }
}
