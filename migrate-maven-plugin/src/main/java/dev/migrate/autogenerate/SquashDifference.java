package dev.migrate.autogenerate;

import dev.migrate.schema.SnapshotDiff;
import java.util.List;
import java.util.Objects;

/**
 * One way a squash, run in a scratch database, did not do what the chain it replaces did, with the
 * words the user reads. The squasher asks the kind rather than reading the words: rows that differ
 * may hold a value computed as the chain wrote it (a random UUID, the time), which it then compares
 * by whether it is there only.
 *
 * @param kind where the squash went its own way
 * @param message what the user reads, in the refusal and as a TODO in a forced file
 */
record SquashDifference(Kind kind, String message) {

    /** Where the squash went its own way. */
    enum Kind {
        /** A statement of the squash's upgrade failed. */
        UPGRADE_FAILS,
        /** After the squash's upgrade, an object is not as the chain left it. */
        SCHEMA,
        /** After the squash's upgrade, the rows of a table the chain wrote to differ or cannot be read. */
        ROWS,
        /** The squash's downgrade failed, or did not give the schema at the range's start again. */
        DOWNGRADE
    }

    SquashDifference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** {@code failed}: the statement and the database's error. */
    static SquashDifference upgradeFails(String failed) {
        return new SquashDifference(Kind.UPGRADE_FAILS, "the squash's upgrade fails: " + failed);
    }

    /** {@code difference} between the chain's schema (expected) and the squash's. */
    static SquashDifference schema(SnapshotDiff.Difference difference) {
        return new SquashDifference(Kind.SCHEMA, "after the squash's upgrade, " + difference.object().display()
                + " differs from the chain's: expected " + SnapshotDiff.collapse(String.valueOf(difference.expected()))
                + ", found " + SnapshotDiff.collapse(String.valueOf(difference.actual())));
    }

    /** The squash has no table {@code table} to read rows from (or not with the columns compared). */
    static SquashDifference rowsUnreadable(String table) {
        return new SquashDifference(Kind.ROWS, "after the squash's upgrade, the rows of " + table + " cannot be read"
                + " (the chain has the table)");
    }

    /** The rows of {@code table} as the chain left them and as the squash did (each as {@link Rows} reads them). */
    static SquashDifference rows(String table, List<String> chain, List<String> squash) {
        return new SquashDifference(Kind.ROWS, "after the squash's upgrade, the rows of " + table + " differ from the"
                + " chain's: expected " + chain + ", found " + squash);
    }

    /** {@code failed}: the statement and the database's error. */
    static SquashDifference downgradeFails(String failed) {
        return new SquashDifference(Kind.DOWNGRADE, "the squash's downgrade fails: " + failed);
    }

    /** {@code difference} between the schema at the range's start and the one the downgrade left. */
    static SquashDifference downgradeLeaves(SnapshotDiff.Difference difference) {
        return new SquashDifference(Kind.DOWNGRADE, "after the squash's downgrade, " + difference.object().display()
                + " differs from the schema at the range's start");
    }
}
