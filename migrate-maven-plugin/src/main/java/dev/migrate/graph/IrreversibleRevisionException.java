package dev.migrate.graph;

import dev.migrate.common.MigrateException;
import dev.migrate.revision.Revision;

/** A downgrade would have to pass through a revision whose downgrade section is empty. */
public final class IrreversibleRevisionException extends MigrateException {

    private final String revisionId;

    public IrreversibleRevisionException(Revision revision) {
        super("revision " + revision.describe() + " (" + revision.fileName() + ") cannot be downgraded: its downgrade"
                + " section has no statement. Write a downgrade for it, or choose a target above it.");
        this.revisionId = revision.id();
    }

    public String revisionId() {
        return revisionId;
    }
}
