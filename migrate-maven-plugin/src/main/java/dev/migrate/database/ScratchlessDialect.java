package dev.migrate.database;

import java.util.Optional;

/**
 * A product with no catalog reader, so no verify: no scratch databases, no synthetic rows, no lock
 * sampling. The generic fallback is one; so is any product added before its catalog reader.
 */
public abstract class ScratchlessDialect extends StandardDialect {

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
}
