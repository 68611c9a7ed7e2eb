package dev.migrate.lint;

import java.util.List;

/**
 * What lint needs to know about one statement.
 *
 * @param kind what sort of statement it is
 * @param names the objects it is about, unqualified and lower case: the created, dropped or altered
 *     table (or tables); for CREATE INDEX the index name, if given
 * @param onTable for CREATE INDEX, the table indexed; otherwise null
 * @param concurrently whether it says CONCURRENTLY (or, for REINDEX, needs no transaction for another reason)
 * @param actions for ALTER TABLE, its actions in order
 * @param parsed whether JSqlParser understood the statement (otherwise only keywords were read)
 */
record Facts(Kind kind, List<String> names, String onTable, boolean concurrently, List<Action> actions,
        boolean parsed) {

    Facts {
        names = List.copyOf(names);
        actions = List.copyOf(actions);
    }

    enum Kind {
        CREATE_TABLE, CREATE_INDEX, CREATE_OTHER, DROP_TABLE, DROP_INDEX, DROP_OTHER, TRUNCATE, ALTER_TABLE,
        REINDEX, VACUUM, CREATE_DATABASE, DROP_DATABASE, ALTER_SYSTEM, ALTER_TYPE_ADD_VALUE, TABLESPACE, OTHER
    }

    /** One action of an ALTER TABLE. */
    sealed interface Action {
    }

    record AddColumn(String column, boolean notNull, boolean hasDefault) implements Action {
    }

    record DropColumn(String column) implements Action {
    }

    /** {@code kind} is FOREIGN KEY, CHECK or OTHER. */
    record AddConstraint(String kind, boolean notValid) implements Action {
    }

    record RenameColumn(String from, String to) implements Action {
    }

    record RenameTable(String to) implements Action {
    }

    record ColumnType(String column) implements Action {
    }

    record OtherAction() implements Action {
    }

    String table() {
        return names.isEmpty() ? null : names.get(0);
    }
}
