package dev.migrate;

import dev.migrate.common.Redaction;
import dev.migrate.history.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where each database of a project stands, read without changing anything: what
 * {@code -Dmigrate.squash.prune=true} holds the range against before it deletes a file.
 */
final class Statuses {

    private Statuses() {
    }

    /**
     * Each of {@code databases} (name to configuration) by name, or, when there are none, the
     * configured database {@code config} by its URL; {@code statusOf} reads one database.
     */
    static Map<String, Status> of(MigrateConfig config, Map<String, MigrateConfig> databases,
            Function<MigrateConfig, Status> statusOf) {
        if (databases.isEmpty()) {
            return Map.of(Redaction.redactUrl(config.url()), statusOf.apply(config));
        }
        Map<String, Status> statuses = new LinkedHashMap<>();
        databases.forEach((name, member) -> statuses.put(name, statusOf.apply(member)));
        return statuses;
    }
}
