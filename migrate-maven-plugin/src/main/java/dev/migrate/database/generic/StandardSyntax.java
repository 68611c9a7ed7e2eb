package dev.migrate.database.generic;

import dev.migrate.sql.SqlSyntax;
import java.util.EnumSet;
import java.util.Set;

/**
 * Standard SQL for a database the plugin has no product for: {@code ''} strings, double-quoted
 * identifiers, {@code --} and nested block comments, semicolons inside parentheses and
 * inside {@code BEGIN ATOMIC ... END} bodies (SQL/PSM).
 */
public final class StandardSyntax implements SqlSyntax {

    /** The one instance: the rules have no state. */
    public static final StandardSyntax INSTANCE = new StandardSyntax();

    private static final Set<Feature> FEATURES = EnumSet.of(Feature.DOUBLE_QUOTED_IDENTIFIERS, Feature.NESTED_BLOCK_COMMENTS,
            Feature.PARENTHESES_HOLD_SEMICOLONS, Feature.BEGIN_ATOMIC_BODIES);

    private StandardSyntax() {
    }

    @Override
    public String name() {
        return "standard SQL";
    }

    @Override
    public boolean has(Feature feature) {
        return FEATURES.contains(feature);
    }
}
