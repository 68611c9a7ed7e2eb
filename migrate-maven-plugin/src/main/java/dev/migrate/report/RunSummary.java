package dev.migrate.report;

import dev.migrate.Outcome;
import dev.migrate.graph.Direction;

/** The closing line of a goal that moved the database. */
final class RunSummary {

    private RunSummary() {
    }

    /** The closing line of a goal that moved the database. */
    static String summary(String verb, Outcome outcome) {
        int count = outcome.plan().steps().size();
        String where = StatusReport.where(outcome.after());
        if (count == 0) {
            return "Nothing to " + verb + ": the database is at " + where;
        }
        String noun = count == 1 ? "revision" : "revisions";
        String past = outcome.plan().direction() == Direction.UP ? "Upgraded" : "Downgraded";
        if ("stamp".equals(verb)) {
            past = "Stamped";
        }
        return past + " " + count + " " + noun + " in " + outcome.took().toMillis() + " ms; the database is now at "
                + where;
    }
}
