package dev.migrate.lint;

import java.util.List;
import java.util.Set;

/**
 * Project-wide lint settings.
 *
 * @param disabled rule ids switched off for every revision
 * @param postgresVersion the PostgreSQL major version the revisions target; {@code ALTER TYPE ... ADD
 *     VALUE} is refused inside a transaction only before 12
 * @param product the target product's name ({@code postgresql}, {@code h2}, ...), which decides the
 *     rules that apply ({@link Rule#appliesTo}); null applies every rule
 */
public record LintConfig(Set<String> disabled, int postgresVersion, String product) {

    public static final int DEFAULT_POSTGRES_VERSION = 15;

    public LintConfig {
        disabled = Set.copyOf(disabled);
    }

    /** Every rule, whatever the product. */
    public LintConfig(Set<String> disabled, int postgresVersion) {
        this(disabled, postgresVersion, null);
    }

    /** These settings for the product whose names are {@code names}: the first, or "" when it has none. */
    public LintConfig forProduct(List<String> names) {
        return new LintConfig(disabled, postgresVersion, names.isEmpty() ? "" : names.get(0));
    }

    public static LintConfig defaults() {
        return new LintConfig(Set.of(), DEFAULT_POSTGRES_VERSION);
    }
}
