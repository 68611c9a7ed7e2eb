package dev.migrate.database;

import java.util.Set;

/**
 * Words a database does not accept as an unquoted table or schema name. The plugin writes the
 * history table's and the schema's names into its SQL unquoted, so a configured name must not be
 * one of them. Each product keeps its own list; this class only reads one.
 */
public final class ReservedWords {

    private ReservedWords() {
    }

    /** The words of {@code text}, separated by single spaces, as a set. */
    public static Set<String> of(String text) {
        return Set.of(text.split(" "));
    }
}
