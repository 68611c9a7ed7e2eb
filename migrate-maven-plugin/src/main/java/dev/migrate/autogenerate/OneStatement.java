package dev.migrate.autogenerate;

import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements of several changes to one table, in one direction, written as the one statement the
 * writer makes of them, in one of those changes' place. MySQL checks some rules whenever a
 * statement ends (an AUTO_INCREMENT column is a key's column; a foreign key has an index), so
 * statements that break one in between must be one; {@link KeyedIdentities} and {@link IndexSwaps}
 * say which statements, this says how.
 */
final class OneStatement {

    private OneStatement() {
    }

    /**
     * The {@code up} (or downgrade) statements of the changes at {@code parts}, in that order, as one
     * statement of the change at {@code into} (one of them), the others left with none that way.
     * Nothing changes where the writer cannot make them one.
     */
    static void fold(Context c, DbObject table, boolean up, List<Integer> parts, int into) {
        List<String> statements = new ArrayList<>();
        for (int k : parts) {
            statements.addAll(c.changes.get(k).statements(up));
        }
        String one = c.writer.oneStatement(c.name(table), statements);
        if (one == null) {
            return;
        }
        for (int k : parts) {
            c.changes.set(k, c.changes.get(k).withStatements(up, List.of()));
        }
        c.changes.set(into, c.changes.get(into).withStatements(up, List.of(one)));
    }

    /** Removes the key and index changes that folds left with no statement either way. */
    static void dropEmptied(Context c) {
        c.changes.removeIf(change -> !change.isTodo() && change.up().isEmpty() && change.down().isEmpty()
                && (change.object().kind() == Kind.CONSTRAINT || change.object().kind() == Kind.INDEX));
    }
}
