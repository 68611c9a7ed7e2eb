package dev.migrate.testing;

import dev.migrate.MigrateConfig;
import java.nio.file.Path;

/** Configurations the tests share. */
public final class Configs {

    private Configs() {
    }

    /** The database at {@code url} with the revisions in {@code revisions}; every other setting its default. */
    public static MigrateConfig config(String url, Path revisions) {
        return new MigrateConfig(url, null, null, null, revisions, null);
    }
}
