package dev.migrate.autogenerate;

import dev.migrate.schema.DbObject;
import java.util.List;
import java.util.Objects;

/**
 * One difference between two schemas and the SQL that makes it, both ways: the upgrade turns the
 * head into the desired schema, the downgrade turns it back. A change that cannot be written (or
 * whose proof failed) carries a TODO reason instead and is written as a comment only.
 *
 * @param object the object that differs
 * @param summary what changes, for messages ("add column orders.total")
 * @param upStep where the upgrade statements run
 * @param upRank order within the step (views: by dependency depth)
 * @param up the upgrade statements
 * @param downStep where the downgrade statements run
 * @param downRank order within the step
 * @param down the downgrade statements
 * @param todo why this change is not written as SQL, or null
 * @param warning advice to print with it (a possible rename), or null
 */
public record Change(DbObject object, String summary, Step upStep, int upRank, List<String> up, Step downStep,
        int downRank, List<String> down, String todo, String warning) {

    public Change {
        Objects.requireNonNull(object, "object");
        up = List.copyOf(up);
        down = List.copyOf(down);
    }

    static Change of(DbObject object, String summary, Step upStep, List<String> up, Step downStep, List<String> down) {
        return new Change(object, summary, upStep, 0, up, downStep, 0, down, null, null);
    }

    static Change todo(DbObject object, String summary, String reason) {
        return new Change(object, summary, Step.COMMENT, 0, List.of(), Step.COMMENT, 0, List.of(), reason, null);
    }

    /** This change written as a TODO, keeping its statements to show them commented out. */
    public Change asTodo(String reason) {
        return new Change(object, summary, upStep, upRank, up, downStep, downRank, down, reason, warning);
    }

    Change withRanks(int up, int down) {
        return new Change(object, summary, upStep, up, this.up, downStep, down, this.down, todo, warning);
    }

    /** This change with {@code statements} as the upgrade's ({@code up}) or the downgrade's, written as SQL. */
    Change withStatements(boolean up, List<String> statements) {
        return up ? new Change(object, summary, upStep, upRank, statements, downStep, downRank, down, null, warning)
                : new Change(object, summary, upStep, upRank, this.up, downStep, downRank, statements, null, warning);
    }

    /** The upgrade's statements ({@code up}) or the downgrade's. */
    List<String> statements(boolean up) {
        return up ? this.up : down;
    }

    /** Where the upgrade's statements ({@code up}) or the downgrade's run. */
    Step step(boolean up) {
        return up ? upStep : downStep;
    }

    Change withWarning(String text) {
        return new Change(object, summary, upStep, upRank, up, downStep, downRank, down, todo, text);
    }

    public boolean isTodo() {
        return todo != null;
    }
}
