package dev.migrate.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A squash's unique indexes created before its foreign keys. A key may reference columns that only
 * a unique index (not a constraint) makes unique, and PostgreSQL wants that index to exist when the
 * key is added. The planner's order (keys, then indexes) suits a diff that adds one or the other; a
 * squash from base adds both, as ory/hydra's history does ({@code hydra_oauth2_flow}).
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
            if (!change.isTodo() && change.upStep() == Step.CREATE_INDEX && !change.up().isEmpty()
                    && change.up().stream().allMatch(sql -> UNIQUE.matcher(sql.strip()).matches())) {
                moved.add(new Change(change.object(), change.summary(), Step.ADD_CONSTRAINT, change.upRank(),
                        change.up(), change.downStep(), change.downRank(), change.down(), change.todo(),
                        change.warning()));
                any = true;
            } else {
                moved.add(change);
            }
        }
        return any ? new SchemaChanges(moved) : changes;
    }
}
