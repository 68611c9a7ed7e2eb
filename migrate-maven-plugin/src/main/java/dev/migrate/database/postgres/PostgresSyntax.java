package dev.migrate.database.postgres;

import dev.migrate.sql.SqlSyntax;
import java.util.EnumSet;
import java.util.Set;

/**
 * How {@code psql} splits a script: {@code ''} strings with {@code ''''}, {@code E''} strings with backslash
 * escapes, dollar-quoted bodies, double-quoted identifiers, {@code --} comments, nested block
 * comments, semicolons inside parentheses and inside {@code BEGIN ATOMIC ... END} bodies.
 */
public final class PostgresSyntax implements SqlSyntax {

    /** The one instance: the rules have no state. */
    public static final PostgresSyntax INSTANCE = new PostgresSyntax();

    private static final Set<Feature> FEATURES = EnumSet.of(Feature.DOUBLE_QUOTED_IDENTIFIERS, Feature.PREFIXED_STRINGS,
            Feature.DOLLAR_QUOTES, Feature.NESTED_BLOCK_COMMENTS, Feature.PARENTHESES_HOLD_SEMICOLONS,
            Feature.BEGIN_ATOMIC_BODIES);

    private PostgresSyntax() {
    }

    @Override
    public String name() {
        return "PostgreSQL (psql)";
    }

    @Override
    public boolean has(Feature feature) {
        return FEATURES.contains(feature);
    }
}
