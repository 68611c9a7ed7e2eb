package dev.migrate.database;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A schema or table name the plugin itself writes into SQL. Only plain identifiers are accepted,
 * so a name is never a way to smuggle SQL into a statement.
 */
public record Identifier(String name) {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public Identifier {
        if (name == null || !PLAIN.matcher(name).matches()) {
            throw new InvalidIdentifierException(name);
        }
    }

    /** The name as the catalog stores an unquoted identifier. */
    public String folded(boolean upperCase) {
        return upperCase ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name;
    }
}
