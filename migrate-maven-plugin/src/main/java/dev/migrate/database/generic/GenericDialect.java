package dev.migrate.database.generic;

import dev.migrate.database.Database;
import dev.migrate.database.Identifier;
import dev.migrate.database.ScratchlessDialect;
import dev.migrate.database.MigrationLock;
import dev.migrate.database.Dialects;
import dev.migrate.common.Log;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Any database other than PostgreSQL and H2: standard SQL for the history table, no migration
 * lock, DDL not assumed to be transactional, and no catalog reader (so no verify).
 */
public final class GenericDialect extends ScratchlessDialect {

    /** The fallback: asked last, and it takes any URL. */
    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public boolean accepts(String url) {
        return true;
    }

    /** How this product's own client splits a script into statements. */
    @Override
    public dev.migrate.sql.SqlSyntax syntax() {
        return StandardSyntax.INSTANCE;
    }

    @Override
    public String displayName() {
        return "database";
    }

    @Override
    public String urlPrefix() {
        return "jdbc:";
    }

    @Override
    public List<String> names() {
        return List.of();
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public Set<String> reservedWords() {
        // what any other known product refuses: a fair stand-in for standard SQL's list
        return Dialects.all().stream().filter(product -> product != this)
                .flatMap(product -> product.reservedWords().stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    protected String textType() {
        return "VARCHAR(4000)";
    }

    @Override
    protected String timestampType() {
        return "TIMESTAMP";
    }

    @Override
    protected String ifNotExists() {
        return "";
    }

    @Override
    public MigrationLock lock(Supplier<java.sql.Connection> connector, String historyName, Duration timeout, Log log) {
        log.warn("No migration lock on this database: make sure only one migrate run moves it at a time");
        return () -> { };
    }

    @Override
    public String setSchemaSql(Identifier schema) {
        return "SET SCHEMA " + schema.name();
    }
}
