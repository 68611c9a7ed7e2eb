package dev.migrate.verify;

import dev.migrate.common.Finding;
import dev.migrate.lint.LintConfig;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lint's findings for the whole history with no rule switched off, made once for a verify run: the
 * lint phase drops the rules the project switched off, and the lock report takes them as they are
 * when its settings are {@code config}; {@code findings} waits for them.
 */
record SharedLint(LintConfig config, Supplier<List<Finding>> findings) {
}
