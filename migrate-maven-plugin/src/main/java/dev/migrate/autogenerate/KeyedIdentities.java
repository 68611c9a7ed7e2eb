package dev.migrate.autogenerate;

import dev.migrate.database.ColumnSpec;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An identity column that comes (or goes) with a key on it, in one statement where the writer
 * wants them together: MySQL refuses an AUTO_INCREMENT column that is no key's column even between
 * two statements of one section ("there can be only one auto column and it must be defined as a
 * key"), so the column and its key are added together, and dropped together, both ways.
 */
final class KeyedIdentities {

    private static final Set<Step> ADDS = Set.of(Step.ADD_CONSTRAINT, Step.CREATE_INDEX);
    private static final Set<Step> DROPS = Set.of(Step.DROP_CONSTRAINT, Step.DROP_INDEX);

    private final Context c;

    KeyedIdentities(Context context) {
        this.c = context;
    }

    void combine() {
        for (int i = 0; i < c.changes.size(); i++) {
            Change column = c.changes.get(i);
            if (column.object().kind() != Kind.COLUMN || column.isTodo()) {
                continue;
            }
            boolean identityBefore = identity(c.before(column.object()));
            boolean identityAfter = identity(c.after(column.object()));
            if (identityBefore == identityAfter) {
                continue;
            }
            direction(i, identityAfter, true);
            direction(i, identityBefore, false);
        }
        OneStatement.dropEmptied(c);
        losersFirst(true);
        losersFirst(false);
    }

    /**
     * A table has one identity column at most: where one column loses its identity and another gains
     * one in the same direction, the loser goes first (before any column is added; altering or
     * dropping an existing column needs none of the new ones).
     */
    private void losersFirst(boolean up) {
        Set<DbObject> gaining = new java.util.HashSet<>();
        for (Change change : c.changes) {
            if (change.object().kind() == Kind.COLUMN && !change.isTodo() && gains(change.object(), up)) {
                gaining.add(Context.table(change.object()));
            }
        }
        for (int i = 0; i < c.changes.size(); i++) {
            Change change = c.changes.get(i);
            if (change.object().kind() != Kind.COLUMN || change.isTodo() || !gaining.contains(Context.table(
                    change.object())) || !gains(change.object(), !up)) {
                continue;
            }
            c.changes.set(i, up ? new Change(change.object(), change.summary(), Step.ADD_COLUMN, -1, change.up(),
                    change.downStep(), change.downRank(), change.down(), null, change.warning())
                    : new Change(change.object(), change.summary(), change.upStep(), change.upRank(), change.up(),
                            Step.ADD_COLUMN, -1, change.down(), null, change.warning()));
        }
    }

    /** Whether {@code column} has an identity at the end of the direction and not at its start. */
    private boolean gains(DbObject column, boolean up) {
        boolean before = identity(c.before(column));
        boolean after = identity(c.after(column));
        return up ? after && !before : before && !after;
    }

    private static boolean identity(String definition) {
        return definition != null && ColumnSpec.parse(definition).identity() != null;
    }

    /**
     * One direction of the column change at {@code at} ({@code up} or down), taking in the statements
     * of the keys on that column that the same direction adds (when the column gains its identity
     * there, after the column's) or drops (when it loses it, before).
     */
    private void direction(int at, boolean gains, boolean up) {
        Change column = c.changes.get(at);
        DbObject table = Context.table(column.object());
        Set<Step> keySteps = gains ? ADDS : DROPS;
        List<Integer> parts = new ArrayList<>();
        for (int k = 0; k < c.changes.size(); k++) {
            Change key = c.changes.get(k);
            Kind kind = key.object().kind();
            if ((kind != Kind.CONSTRAINT && kind != Kind.INDEX) || key.isTodo() || key.statements(up).isEmpty()
                    || !table.equals(Context.table(key.object())) || !keySteps.contains(key.step(up))) {
                continue;
            }
            // the key as it stands once the direction has run when added there, before it when dropped there
            String definition = gains == up ? c.after(key.object()) : c.before(key.object());
            if (definition != null && KeyColumns.names(definition, column.object().name())) {
                parts.add(k);
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        parts.add(gains ? 0 : parts.size(), at);
        OneStatement.fold(c, table, up, parts, at);
    }
}
