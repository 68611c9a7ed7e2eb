package dev.migrate.verify;

import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ground of the tests that write a history of revisions to a folder and verify it on a fresh
 * database of one kind: the folder, the files in it, and the database, made when a test first asks
 * for it and dropped after the test.
 */
abstract class VerifiedHistory {

    private final TestDatabase.Kind kind;

    @TempDir
    Path dir;

    RevisionFiles files;

    private TestDatabase db;

    VerifiedHistory(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void folder() {
        files = RevisionFiles.in(dir);
    }

    @AfterEach
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    TestDatabase db() {
        if (db == null) {
            db = TestDatabase.create(kind);
        }
        return db;
    }

    VerifyResult verify() {
        return VerifyFixture.verify(db(), dir);
    }

    VerifyResult verify(VerifyOptions options) {
        return VerifyFixture.verify(db(), dir, options);
    }
}
