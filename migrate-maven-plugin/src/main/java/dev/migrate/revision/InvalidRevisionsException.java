package dev.migrate.revision;

import dev.migrate.common.MigrateException;
import dev.migrate.common.Finding;
import java.util.List;
import java.util.stream.Collectors;

/** The revision files have problems; every problem found in one run is listed. */
public final class InvalidRevisionsException extends MigrateException {

    private final List<Finding> problems;

    public InvalidRevisionsException(List<Finding> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Finding> problems() {
        return problems;
    }

    private static String format(List<Finding> problems) {
        String noun = problems.size() == 1 ? "problem" : "problems";
        return problems.size() + " " + noun + " in the revision files (nothing was run; fix them and run again):\n"
                + problems.stream().sorted().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
