package dev.migrate.database;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Turns the phrase a snapshot keys a comment by ("column orders.total", "constraint ck on table
 * orders", "function f(integer)") into the object clause of COMMENT ON, names quoted by the
 * writer's {@code quote}.
 */
public final class CommentTarget {

    private static final String[] KINDS = {"materialized view", "table", "view", "column", "sequence", "index",
        "type", "domain", "schema", "function", "procedure", "extension"};

    private CommentTarget() {
    }

    public static String of(String phrase, UnaryOperator<String> quote) {
        for (String kind : new String[] {"constraint", "trigger"}) {
            if (phrase.startsWith(kind + " ")) {
                String rest = phrase.substring(kind.length() + 1);
                int on = rest.indexOf(" on ");
                String owner = rest.substring(on + " on ".length());
                String ownerClause = owner.startsWith("domain ") ? "DOMAIN " + dotted(owner.substring(7), quote)
                        : dotted(owner.substring(owner.indexOf(' ') + 1), quote);
                return kind.toUpperCase() + " " + quote.apply(rest.substring(0, on)) + " ON " + ownerClause;
            }
        }
        for (String kind : KINDS) {
            if (phrase.startsWith(kind + " ")) {
                String rest = phrase.substring(kind.length() + 1);
                if (kind.equals("function") || kind.equals("procedure")) {
                    int paren = rest.indexOf('(');
                    return kind.toUpperCase() + " " + dotted(rest.substring(0, paren), quote) + rest.substring(paren);
                }
                return kind.toUpperCase() + " " + dotted(rest, quote);
            }
        }
        return phrase;
    }

    /** "s.t.c" with each part quoted as needed. */
    public static String dotted(String name, UnaryOperator<String> quote) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("\\.")) {
            parts.add(quote.apply(part));
        }
        return String.join(".", parts);
    }
}
