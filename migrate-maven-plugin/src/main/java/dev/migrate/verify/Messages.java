package dev.migrate.verify;

import dev.migrate.schema.DbObject;
import dev.migrate.schema.SnapshotDiff;
import dev.migrate.run.StatementFailedException;
import dev.migrate.revision.Revision;
import dev.migrate.schema.SnapshotDiff.Difference;
import java.util.ArrayList;
import java.util.List;

/** Turns differences and failures into the sentences verify reports. */
final class Messages {

    /** Which two schemas a comparison puts side by side, and how to say what differs. */
    enum Comparison {
        DOWNGRADE("before the upgrade", "after the downgrade", "leaves %s", "drops %s, which existed before the upgrade"),
        REUPGRADE("after the first upgrade", "after the re-upgrade", "creates %s, which the first upgrade did not",
                "does not recreate %s"),
        BASE("before the first revision", "after the downgrade to base", "leaves %s",
                "drops %s, which existed before the first revision"),
        HEAD("after the first upgrade to head", "after the re-upgrade to head",
                "creates %s, which the first upgrade to head did not", "does not recreate %s");

        private final String expectedWhen;
        private final String actualWhen;
        private final String extra;
        private final String missing;

        Comparison(String expectedWhen, String actualWhen, String extra, String missing) {
            this.expectedWhen = expectedWhen;
            this.actualWhen = actualWhen;
            this.extra = extra;
            this.missing = missing;
        }
    }

    private Messages() {
    }

    /** How messages name a revision: its file name without {@code .sql}, e.g. 20261120143000_add_orders. */
    static String name(Revision revision) {
        String file = revision.fileName();
        return file.endsWith(".sql") ? file.substring(0, file.length() - 4) : file;
    }

    /**
     * One sentence per difference: "downgrade of 20261120143000_add_orders leaves index
     * ix_orders_user on table orders".
     */
    static String difference(String subject, Comparison comparison, Difference difference) {
        if (difference.positionOnly()) {
            return subject + ": the columns of " + difference.object().display() + " come back in another order: ("
                    + difference.expected() + ") " + comparison.expectedWhen + ", (" + difference.actual() + ") "
                    + comparison.actualWhen + " (a column dropped and re-added goes to the end of its table)";
        }
        if (difference.isExtra()) {
            return subject + " " + comparison.extra.formatted(thing(difference, difference.actual()));
        }
        if (difference.isMissing()) {
            return subject + " " + comparison.missing.formatted(thing(difference, difference.expected()));
        }
        String[] sides = SnapshotDiff.contrast(difference.expected(), difference.actual());
        return subject + ": " + difference.object().display() + ": " + sides[0] + " " + comparison.expectedWhen + ", "
                + sides[1] + " " + comparison.actualWhen;
    }

    /** An object as a thing left behind or missing; a default also says its value. */
    private static String thing(Difference difference, String definition) {
        DbObject object = difference.object();
        if (object.kind() == DbObject.Kind.DEFAULT) {
            return "default " + SnapshotDiff.collapse(definition) + " on column "
                    + object.display().substring("default of column ".length());
        }
        return object.display();
    }

    /** "downgrade of X fails at file:line: SQL state 42P01: ..." */
    static String statementFailed(String subject, Revision revision, StatementFailedException e) {
        String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        return subject + " fails at " + revision.file() + ":" + e.line() + ": SQL state " + e.sqlState() + ": "
                + SnapshotDiff.collapse(cause == null ? "" : cause);
    }

    /** "upgrade of X fails on a table with rows: at file:line ...; it passed on empty tables" */
    static String failsWithRows(String name, Revision revision, StatementFailedException e) {
        String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        return "upgrade of " + name + " fails on a table with rows: at " + revision.file() + ":" + e.line()
                + ": SQL state " + e.sqlState() + ": " + SnapshotDiff.collapse(cause == null ? "" : cause)
                + "; it passed on empty tables, so it will fail on a production database that holds data:"
                + " give the statement what existing rows need (a default, a USING that converts them, a cleanup first)";
    }

    /** What the history table lists wrongly after a phase, or null when it agrees. */
    static String history(String subject, List<String> expected, List<String> actual) {
        if (expected.equals(actual)) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        // sets: this runs after every phase, with as many ids as revisions
        java.util.Set<String> expectedIds = new java.util.HashSet<>(expected);
        java.util.Set<String> actualIds = new java.util.HashSet<>(actual);
        List<String> extra = actual.stream().filter(id -> !expectedIds.contains(id)).toList();
        List<String> missing = expected.stream().filter(id -> !actualIds.contains(id)).toList();
        if (!extra.isEmpty()) {
            problems.add("lists " + String.join(", ", extra) + " as applied");
        }
        if (!missing.isEmpty()) {
            problems.add("does not list " + String.join(", ", missing));
        }
        return problems.isEmpty() ? null : "after the " + subject + " the history table " + String.join(" and ", problems);
    }
}
