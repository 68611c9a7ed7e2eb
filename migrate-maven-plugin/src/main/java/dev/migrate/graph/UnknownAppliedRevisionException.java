package dev.migrate.graph;

import dev.migrate.common.MigrateException;
import java.util.List;

/** The database records applied revisions that no file defines. */
public final class UnknownAppliedRevisionException extends MigrateException {

    private final List<String> ids;

    public UnknownAppliedRevisionException(List<String> ids) {
        super("the database has applied revision(s) " + String.join(", ", ids) + " but no file in the revisions folder"
                + " defines them. Restore the missing file(s), or point migrate.revisions at the right folder.");
        this.ids = List.copyOf(ids);
    }

    public List<String> ids() {
        return ids;
    }
}
