package dev.migrate.autogenerate;

import dev.migrate.schema.DbObject;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.SnapshotDiff;
import dev.migrate.schema.SnapshotDiff.Difference;
import dev.migrate.scratch.Workbench;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Proves generated changes in the scratch database at the head: upgrade, the snapshot must equal the
 * desired one; downgrade, it must equal the head again. A change whose statement fails or whose
 * object still differs becomes a TODO, and the proof runs again without it, until what is left
 * passes. On PostgreSQL each attempt runs in one transaction that is rolled back; elsewhere the
 * scratch database is rebuilt at the head between attempts.
 */
final class Proof {

    /** The scratch database at the head of the revisions. */
    interface Scratch {
        Connection connection() throws SQLException;

        SchemaSnapshot read(Connection connection) throws SQLException;

        /** Whether DDL rolls back, so an attempt can be undone by a rollback. */
        boolean transactional();

        /** Brings a scratch database without transactional DDL back to the head. */
        void rebuild();

        /** Whether the database chose this constraint's name (see {@link ConstraintNames}). */
        default boolean namedByDatabase(DbObject object) {
            return false;
        }
    }

    /**
     * What the proof found.
     *
     * @param changes the changes, those that failed turned into TODOs
     * @param notes remarks that do not fail the proof (columns that come back in another order)
     */
    record Outcome(SchemaChanges changes, List<String> notes) {
        Outcome {
            notes = List.copyOf(notes);
        }
    }

    private static final int ATTEMPTS = 10;

    /** The proof's view of a workbench at the head of the revisions. */
    static Scratch on(Workbench workbench) {
        return new Scratch() {
            @Override
            public Connection connection() {
                return workbench.connection();
            }

            @Override
            public SchemaSnapshot read(Connection connection) throws SQLException {
                return workbench.read(connection);
            }

            @Override
            public boolean transactional() {
                return workbench.transactional();
            }

            @Override
            public void rebuild() {
                workbench.rebuild();
            }

            @Override
            public boolean namedByDatabase(DbObject object) {
                return workbench.dialect().snapshotReader().namedByDatabase(object);
            }
        };
    }

    private Proof() {
    }

    static Outcome prove(SchemaChanges generated, SchemaSnapshot head, SchemaSnapshot desired, Scratch scratch)
            throws SQLException {
        List<Change> changes = new ArrayList<>(generated.changes());
        List<String> notes = new ArrayList<>();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SchemaChanges current = new SchemaChanges(changes);
            notes.clear();
            Failure failure = attempt(current, head, desired, scratch, notes);
            if (failure == null) {
                return new Outcome(current, notes);
            }
            boolean blamed = false;
            for (int i = 0; i < changes.size(); i++) {
                Change change = changes.get(i);
                if (!change.isTodo() && failure.blames(change)) {
                    changes.set(i, change.asTodo(failure.reason()));
                    blamed = true;
                }
            }
            if (!blamed) {
                // nothing generated is to blame: the difference is one autogenerate cannot see or write
                for (DbObject object : failure.objects()) {
                    changes.add(Change.todo(object, object.display(), failure.reason()));
                }
                return new Outcome(new SchemaChanges(changes), notes);
            }
        }
        List<Change> gaveUp = changes.stream().map(c -> c.isTodo() ? c : c.asTodo("the proof did not pass after "
                + ATTEMPTS + " attempts")).toList();
        return new Outcome(new SchemaChanges(gaveUp), notes);
    }

    /** Why one attempt failed: a statement of one change, or objects that still differ. */
    private record Failure(Change change, Set<DbObject> objects, String reason) {

        boolean blames(Change candidate) {
            if (change != null) {
                return candidate.object().equals(change.object());
            }
            for (DbObject object : objects) {
                if (candidate.object().equals(object) || candidate.object().equals(Context.table(object))
                        || object.equals(Context.table(candidate.object()))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static Failure attempt(SchemaChanges changes, SchemaSnapshot head, SchemaSnapshot desired, Scratch scratch,
            List<String> notes) throws SQLException {
        try (Connection connection = scratch.connection()) {
            boolean transactional = scratch.transactional();
            connection.setAutoCommit(!transactional);
            try {
                Failure failure = run(connection, changes.upgrade(), "upgrade");
                if (failure == null) {
                    failure = compare(desired, scratch.read(connection), "after the generated upgrade", notes, scratch);
                }
                if (failure == null) {
                    failure = run(connection, changes.downgrade(), "downgrade");
                }
                if (failure == null) {
                    failure = compare(head, scratch.read(connection), "after the generated downgrade", notes, scratch);
                }
                return failure;
            } finally {
                if (transactional) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } finally {
            if (!scratch.transactional()) {
                scratch.rebuild();
            }
        }
    }

    private static Failure run(Connection connection, List<SchemaChanges.Placed> statements, String section) {
        for (SchemaChanges.Placed placed : statements) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(placed.sql());
            } catch (SQLException e) {
                String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
                return new Failure(placed.change(), Set.of(), "the generated " + section + " fails at \""
                        + SnapshotDiffText.shorten(placed.sql()) + "\": " + message + " (SQL state " + e.getSQLState() + ")");
            }
        }
        return null;
    }

    private static Failure compare(SchemaSnapshot expected, SchemaSnapshot actual, String when, List<String> notes,
            Scratch scratch) {
        Set<DbObject> objects = new LinkedHashSet<>();
        List<String> reasons = new ArrayList<>();
        // a table the upgrade creates gets constraint names of the scratch database's choosing
        SchemaSnapshot matched = ConstraintNames.matched(actual, expected, scratch::namedByDatabase);
        for (Difference difference : SnapshotDiff.between(matched, actual)) {
            if (difference.positionOnly()) {
                notes.add("the columns of " + difference.object().display() + " come back in another order "
                        + when + ": (" + difference.actual() + ") instead of (" + difference.expected() + ")");
                continue;
            }
            objects.add(difference.object());
            reasons.add(SnapshotDiffText.describe(difference, when));
        }
        return objects.isEmpty() ? null : new Failure(null, objects, String.join("; ", reasons));
    }
}
