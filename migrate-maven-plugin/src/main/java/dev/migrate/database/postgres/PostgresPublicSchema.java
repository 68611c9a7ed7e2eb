package dev.migrate.database.postgres;

import dev.migrate.schema.UnnamedSchema;

/** PostgreSQL's {@code public} schema, which users leave unnamed. */
public final class PostgresPublicSchema implements UnnamedSchema {

    @Override
    public boolean isUnnamed(String schema) {
        // in any case, as messages always left it out
        return "public".equalsIgnoreCase(schema);
    }
}
