package dev.migrate.history;

import dev.migrate.common.MigrateException;
import dev.migrate.revision.Revision;
import java.util.List;
import java.util.stream.Collectors;

/** {@code validate} was asked to fail while revisions are pending, and some are. */
public final class PendingRevisionsException extends MigrateException {

    public PendingRevisionsException(List<Revision> pending) {
        super(pending.size() + (pending.size() == 1 ? " revision is" : " revisions are") + " not applied yet: "
                + pending.stream().map(Revision::describe).collect(Collectors.joining(", "))
                + ". Run mvn migrate:upgrade, or drop -Dmigrate.validate.failOnPending.");
    }
}
