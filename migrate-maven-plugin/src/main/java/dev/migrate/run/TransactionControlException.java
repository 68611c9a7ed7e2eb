package dev.migrate.run;

import dev.migrate.common.MigrateException;
import dev.migrate.common.Finding;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A transactional revision contains its own BEGIN, COMMIT or ROLLBACK, which would silently end
 * the transaction the plugin runs it in. Found before anything runs.
 */
public final class TransactionControlException extends MigrateException {

    private final List<Finding> problems;

    public TransactionControlException(List<Finding> problems) {
        this(problems, List.of());
    }

    /** With {@code alsoRefused}, the plan's statements refused in a transaction, named in the same message. */
    public TransactionControlException(List<Finding> problems, List<Finding> alsoRefused) {
        super("transaction control in transactional revisions (nothing was run):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"))
                + "\n  The plugin runs each revision in a transaction of its own. Remove the statement, or add"
                + " '-- transactional: false' to the revision's header to run it statement by statement."
                + (alsoRefused.isEmpty() ? "" : "\nstatements that cannot run inside a transaction, in the same"
                        + " plan:\n" + alsoRefused.stream().map(p -> "  " + p).collect(Collectors.joining("\n"))));
        this.problems = List.copyOf(problems);
    }

    public List<Finding> problems() {
        return problems;
    }
}
