package dev.migrate.database;

import java.util.HashSet;
import java.util.Set;

/**
 * Words a database does not accept as an unquoted table or schema name. The plugin writes the
 * history table's and the schema's names into its SQL unquoted, so a configured name must not be
 * one of them.
 */
final class ReservedWords {

    /**
     * PostgreSQL's reserved keywords and those reserved but allowed as function or type names
     * ({@code pg_get_keywords()} categories R and T): neither may name a table unquoted.
     */
    static final Set<String> POSTGRESQL = Set.of(words("all analyse analyze and any array as asc asymmetric"
            + " authorization binary both case cast check collate collation column concurrently constraint create"
            + " cross current_catalog current_date current_role current_schema current_time current_timestamp"
            + " current_user default deferrable desc distinct do else end except false fetch for foreign freeze from"
            + " full grant group having ilike in initially inner intersect into is isnull join lateral leading left"
            + " like limit localtime localtimestamp natural not notnull null offset on only or order outer overlaps"
            + " placing primary references returning right select session_user similar some symmetric system_user"
            + " table tablesample then to trailing true union unique user using variadic verbose when where window"
            + " with"));

    /** H2 2.x's keywords that it refuses as an unquoted table name. */
    static final Set<String> H2 = Set.of(words("_rowid_ all and any array as asymmetric authorization between case"
            + " cast check constraint cross current_catalog current_date current_path current_role current_schema"
            + " current_time current_timestamp current_user day default distinct else end except exists false fetch"
            + " for foreign from full group having hour if in inner intersect interval is join key left like limit"
            + " localtime localtimestamp minus minute month natural not null offset on or order primary qualify right"
            + " row rownum second select session_user set some symmetric system_user table to true uescape union"
            + " unique unknown user using value values when where window with year"));

    /** For any other database: what either of the two refuses, a fair stand-in for standard SQL's list. */
    static final Set<String> ANY = union(POSTGRESQL, H2);

    private ReservedWords() {
    }

    private static String[] words(String text) {
        return text.split(" ");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
