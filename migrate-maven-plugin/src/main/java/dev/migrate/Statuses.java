package dev.migrate;

import dev.migrate.common.Redaction;
import dev.migrate.history.Status;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each database of a project stands, read without changing anything: what
 * {@code -Dmigrate.squash.prune=true} holds the range against before it deletes a file.
 */
final class Statuses {

    private Statuses() {
    }

    /**
     * Each of {@code databases} (name to configuration) by name, or, when there are none, the
     * configured database of {@code configured} by its URL.
     */
    static Map<String, Status> of(Migrator configured, MigrateConfig config, Map<String, MigrateConfig> databases,
            MigrationListener listener) {
        if (databases.isEmpty()) {
            return Map.of(Redaction.redactUrl(config.url()), configured.status());
        }
        Map<String, Status> statuses = new LinkedHashMap<>();
        databases.forEach((name, member) -> statuses.put(name, new Migrator(member, listener).status()));
        return statuses;
    }
}
