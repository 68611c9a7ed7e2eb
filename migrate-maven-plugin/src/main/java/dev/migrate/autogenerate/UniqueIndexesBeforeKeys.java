package dev.migrate.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Unique indexes created before foreign keys, in both sections. A key may reference columns that
 * only a unique index (not a constraint) makes unique, and PostgreSQL wants that index to exist when
 * the key is added, as in ory/hydra's {@code hydra_oauth2_flow}. {@link Step} puts keys before
 * indexes; a diff (or its downgrade) that creates both such an index and such a key needs the index
 * first, so every unique index is created with the constraints, just before the keys.
 */
final class UniqueIndexesBeforeKeys {

    private static final Pattern UNIQUE = Pattern.compile("(?is)^CREATE\\s+UNIQUE\\s+INDEX\\b.*");

    private UniqueIndexesBeforeKeys() {
    }

    /** {@code changes} with each unique index's creation moved before the foreign keys; itself when none moves. */
    static SchemaChanges of(SchemaChanges changes) {
        List<Change> moved = new ArrayList<>();
        boolean any = false;
        for (Change change : changes.changes()) {
            boolean up = createsUnique(change, change.upStep(), change.up());
            boolean down = createsUnique(change, change.downStep(), change.down());
            if (up || down) {
                moved.add(new Change(change.object(), change.summary(), up ? Step.ADD_CONSTRAINT : change.upStep(),
                        change.upRank(), change.up(), down ? Step.ADD_CONSTRAINT : change.downStep(),
                        change.downRank(), change.down(), change.todo(), change.warning()));
                any = true;
            } else {
                moved.add(change);
            }
        }
        return any ? new SchemaChanges(moved) : changes;
    }

    private static boolean createsUnique(Change change, Step step, List<String> statements) {
        return !change.isTodo() && step == Step.CREATE_INDEX && !statements.isEmpty()
                && statements.stream().allMatch(sql -> UNIQUE.matcher(sql.strip()).matches());
    }
}
