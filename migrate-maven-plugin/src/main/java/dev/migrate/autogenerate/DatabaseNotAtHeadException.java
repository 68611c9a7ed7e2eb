package dev.migrate.autogenerate;

import dev.migrate.common.MigrateException;
import dev.migrate.revision.Revision;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The database autogenerate (or check) would compare the revisions' head with has revisions not
 * applied yet: the difference would undo them. Nothing is written; the message names them.
 */
public final class DatabaseNotAtHeadException extends MigrateException {

    DatabaseNotAtHeadException(String shownUrl, List<Revision> pending) {
        super("the database at " + shownUrl + " is not up to date: " + pending.size()
                + (pending.size() == 1 ? " revision is" : " revisions are") + " not applied to it ("
                + pending.stream().map(Revision::describe).collect(Collectors.joining(", "))
                + "), so comparing it with the head of the revisions would write a revision undoing them;"
                + " run mvn migrate:upgrade on it first, or point migrate.desired at a database at head", null);
    }
}
