package dev.migrate.database.h2;

import dev.migrate.sql.SqlSyntax;
import java.util.EnumSet;
import java.util.Set;

/**
 * How H2's own script runner ({@code RunScript}, {@code ScriptReader}) splits a script: {@code ''}
 * strings, {@code $$ ... $$} strings, double-quoted identifiers, {@code --}, {@code //} and
 * block comments (not nested); a semicolon ends a statement even inside parentheses.
 */
public final class H2Syntax implements SqlSyntax {

    /** The one instance: the rules have no state. */
    public static final H2Syntax INSTANCE = new H2Syntax();

    private static final Set<Feature> FEATURES = EnumSet.of(Feature.DOUBLE_QUOTED_IDENTIFIERS, Feature.DOUBLE_DOLLAR_STRINGS,
            Feature.SLASH_SLASH_COMMENTS);

    private H2Syntax() {
    }

    @Override
    public String name() {
        return "H2 (RunScript)";
    }

    @Override
    public boolean has(Feature feature) {
        return FEATURES.contains(feature);
    }
}
