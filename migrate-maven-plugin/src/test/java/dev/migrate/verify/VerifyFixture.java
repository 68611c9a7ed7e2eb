package dev.migrate.verify;

import dev.migrate.common.Finding;
import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;

/** Runs verify for a test over the revisions in a folder, with the test database as the configured one. */
final class VerifyFixture {

    static final String R1 = "20260101000000";
    static final String R2 = "20260102000000";
    static final String R3 = "20260103000000";
    static final String R4 = "20260104000000";
    static final String R5 = "20260105000000";

    private VerifyFixture() {
    }

    static VerifyResult verify(TestDatabase db, Path revisions, VerifyOptions options) {
        return new Migrator(new MigrateConfig(db.url(), null, null, null, revisions, null), new RecordingListener())
                .verify(options);
    }

    static VerifyResult verify(TestDatabase db, Path revisions) {
        return verify(db, revisions, VerifyOptions.defaults());
    }

    static List<String> errors(VerifyResult result) {
        return result.errors().stream().map(Finding::message).toList();
    }

    /** Every finding's message but the lock report's warnings (which PostgreSQL adds to any ALTER of a table). */
    static List<String> apartFromLocks(VerifyResult result) {
        return result.findings().stream().map(Finding::message)
                .filter(message -> !message.matches("upgrade of \\S+ at \\S+ takes [A-Z ]+ on table .*")).toList();
    }

    static List<String> warnings(VerifyResult result) {
        return result.warnings().stream().map(Finding::message).toList();
    }
}
