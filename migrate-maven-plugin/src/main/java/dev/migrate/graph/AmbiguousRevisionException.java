package dev.migrate.graph;

import dev.migrate.common.MigrateException;
import java.util.List;

/** A revision prefix matches several revisions; the message names all of them. */
public final class AmbiguousRevisionException extends MigrateException {

    private final List<String> candidates;

    public AmbiguousRevisionException(String prefix, List<String> candidates) {
        super("'" + prefix + "' matches " + candidates.size() + " revisions (" + String.join(", ", candidates)
                + "); give more digits of the id");
        this.candidates = List.copyOf(candidates);
    }

    public List<String> candidates() {
        return candidates;
    }
}
