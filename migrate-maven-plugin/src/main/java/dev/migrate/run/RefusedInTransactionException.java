package dev.migrate.run;

import dev.migrate.common.Finding;
import dev.migrate.common.MigrateException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A transactional revision holds a statement the database refuses inside a transaction block
 * ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...). Found while planning, so the revisions
 * before it are not committed first.
 */
public final class RefusedInTransactionException extends MigrateException {

    private final List<Finding> problems;

    public RefusedInTransactionException(List<Finding> problems) {
        super("statements that cannot run inside a transaction, in transactional revisions (nothing was run):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"))
                + "\n  The plugin runs each revision in a transaction of its own. Mark such a revision"
                + " '-- transactional: false' (and keep these statements in a revision of their own, as it then"
                + " runs statement by statement).");
        this.problems = List.copyOf(problems);
    }

    public List<Finding> problems() {
        return problems;
    }
}
