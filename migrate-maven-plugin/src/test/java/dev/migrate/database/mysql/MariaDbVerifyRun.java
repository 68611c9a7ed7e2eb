package dev.migrate.database.mysql;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.common.Finding;
import dev.migrate.common.Severity;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.TestDatabase;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import java.nio.file.Path;
import java.util.List;

/** verify run by a MariaDB test over the revisions in a folder, and its findings' messages: what those tests share. */
final class MariaDbVerifyRun {

    private MariaDbVerifyRun() {
    }

    /** verify with {@code db} as the configured database and {@code schema} (null: none) as the configured schema. */
    static VerifyResult verify(TestDatabase db, Path revisions, String schema) {
        return verify(new MigrateConfig(db.url(), null, null, schema, revisions, null), new RecordingListener());
    }

    static VerifyResult verify(MigrateConfig config, RecordingListener listener) {
        return new Migrator(config, listener).verify(VerifyOptions.defaults());
    }

    /** The messages of {@code result}'s findings of {@code severity}, in order. */
    static List<String> messages(VerifyResult result, Severity severity) {
        return result.findings().stream().filter(f -> f.severity() == severity).map(Finding::message).toList();
    }
}
