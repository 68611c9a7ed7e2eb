package dev.migrate.fanout;

import dev.migrate.MigrateConfig;
import java.util.Objects;

/**
 * One database, or one schema of a database, in a run over many: the name that prefixes its log
 * lines and names it in the summary, and its own configuration (so its own lock and history table).
 *
 * @param name a short name, unique within the run
 * @param config the configuration of this database or schema
 */
public record Member(String name, MigrateConfig config) {

    public Member {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
    }
}
