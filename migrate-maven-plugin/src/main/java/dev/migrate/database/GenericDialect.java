package dev.migrate.database;

import dev.migrate.common.Log;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Any database other than PostgreSQL and H2: standard SQL for the history table, no migration
 * lock, DDL not assumed to be transactional, and no catalog reader (so no verify).
 */
final class GenericDialect extends StandardDialect {

    @Override public dev.migrate.sql.SqlSyntax syntax() { return dev.migrate.database.generic.StandardSyntax.INSTANCE; }

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
        return ReservedWords.ANY;
    }

    @Override
    String textType() {
        return "VARCHAR(4000)";
    }

    @Override
    String timestampType() {
        return "TIMESTAMP";
    }

    @Override
    String ifNotExists() {
        return "";
    }


    @Override
    public MigrationLock lock(Supplier<Database> connector, String historyName, Duration timeout, Log log) {
        log.warn("No migration lock on this database: make sure only one migrate run moves it at a time");
        return () -> { };
    }

    @Override
    public SnapshotReader snapshotReader() {
        throw new UnsupportedVerifyDatabaseException();
    }

    @Override
    public String createScratch(String adminUrl, String name, String user, String password) {
        throw new UnsupportedVerifyDatabaseException();
    }

    @Override
    public void dropScratch(String adminUrl, String url, String name, String user, String password) {
    }

    @Override
    public Optional<String> copyScratch(String adminUrl, String source, String name, String user, String password) {
        return Optional.empty();
    }

    @Override
    public RowSeeder rowSeeder() {
        return RowSeeder.UNSUPPORTED;
    }

    @Override
    public LockSampler lockSampler() {
        return LockSampler.UNSUPPORTED;
    }

    @Override
    public String describeScratch(String adminUrl, String name) {
        return name;
    }

    @Override
    public String setSchemaSql(Identifier schema) {
        return "SET SCHEMA " + schema.name();
    }
}
