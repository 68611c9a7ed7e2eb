package dev.migrate.verify;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static dev.migrate.testing.Ids.R3;
import static dev.migrate.testing.Ids.R4;
import static dev.migrate.testing.Ids.R5;
import dev.migrate.testing.Configs;
import dev.migrate.common.Finding;
import dev.migrate.Migrator;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;

/** Runs verify for a test over the revisions in a folder, with the test database as the configured one. */
final class VerifyFixture {


    private VerifyFixture() {
    }

    static VerifyResult verify(TestDatabase db, Path revisions, VerifyOptions options) {
        return new Migrator(Configs.config(db.url(), revisions), new RecordingListener())
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
