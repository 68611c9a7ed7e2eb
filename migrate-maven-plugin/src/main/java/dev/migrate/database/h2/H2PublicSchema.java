package dev.migrate.database.h2;

import dev.migrate.schema.UnnamedSchema;

/** H2's {@code PUBLIC} schema, which users leave unnamed. */
public final class H2PublicSchema implements UnnamedSchema {

    @Override
    public boolean isUnnamed(String schema) {
        return "PUBLIC".equals(schema);
    }
}
