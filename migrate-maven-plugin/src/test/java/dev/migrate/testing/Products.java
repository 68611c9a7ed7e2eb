package dev.migrate.testing;

import dev.migrate.MigrateConfig;
import dev.migrate.database.DatabaseTarget;
import dev.migrate.database.Dialect;
import dev.migrate.database.Dialects;

/** The registered products tests use, looked up as the plugin looks them up: by URL. */
public final class Products {

    public static final Dialect POSTGRES = Dialects.forUrl("jdbc:postgresql:");
    public static final Dialect H2 = Dialects.forUrl("jdbc:h2:");
    public static final Dialect MYSQL = Dialects.forUrl("jdbc:mariadb:");

    private Products() {
    }

    /** The database at {@code url} as the facade resolves it: no credentials, the default history table. */
    public static DatabaseTarget target(String url) {
        return DatabaseTarget.resolve(url, null, null, null, MigrateConfig.DEFAULT_HISTORY_TABLE);
    }

    /** The target of a configuration, resolved as the facade resolves it. */
    public static DatabaseTarget target(MigrateConfig config) {
        return DatabaseTarget.resolve(config.url(), config.user(), config.password(), config.schema(),
                config.historyTable());
    }
}
