package dev.migrate.lint;

import java.util.Set;

/**
 * Project-wide lint settings.
 *
 * @param disabled rule ids switched off for every revision
 * @param postgresVersion the PostgreSQL major version the revisions target; {@code ALTER TYPE ... ADD
 *     VALUE} is refused inside a transaction only before 12
 */
public record LintConfig(Set<String> disabled, int postgresVersion) {

    public static final int DEFAULT_POSTGRES_VERSION = 15;

    public LintConfig {
        disabled = Set.copyOf(disabled);
    }

    public static LintConfig defaults() {
        return new LintConfig(Set.of(), DEFAULT_POSTGRES_VERSION);
    }
}
