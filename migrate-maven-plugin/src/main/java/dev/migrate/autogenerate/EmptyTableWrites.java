package dev.migrate.autogenerate;

import dev.migrate.revision.Revision;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.sql.SqlSyntax;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code UPDATE} and {@code DELETE} statements of a range that run on a table holding no rows:
 * one a plain {@code CREATE TABLE} of the range made, with nothing written to it since. Such a
 * statement changes nothing on any database at the range's start, so a squash need not carry it,
 * and carrying it can break the squash (its upgrade runs the data statements on the schema at the
 * range's end, where the column may have another type or be gone).
 *
 * <p>Conservative by construction: from the first statement that could write rows it cannot follow
 * (a {@code DO} block, a {@code SELECT} or {@code CALL}, a call of a function the project made, a
 * {@code CREATE TABLE ... PARTITION OF} or {@code INHERITS}, a {@code SET search_path}, a write to a
 * table a trigger or rule is on, or to a table the range did not make unless it was there at the
 * start and no trigger was), no later statement counts as running on an empty table. Names are compared by their last
 * part, case folded, so two tables that might be one are taken as one. Functions of extensions and of
 * the database itself are taken as writing no table of the project. Statements are read as the
 * database's lexer reads them, so that neither a comment nor a quoted name reads as a keyword.
 */
final class EmptyTableWrites {

    /** Statements that write no rows and run no code of the project. */
    private static final Set<String> INERT = Set.of("", "comment", "grant", "revoke", "analyze", "vacuum", "lock",
            "begin", "commit", "start", "end", "savepoint", "release", "checkpoint", "reindex", "cluster");

    /** What stands before TABLE in a CREATE TABLE, at most one of each set, in this order. */
    private static final Set<String> SCOPES = Set.of("global", "local");
    private static final Set<String> PERSISTENCE = Set.of("temp", "temporary", "unlogged", "cached", "memory");

    /** Words that begin a query, where a CREATE TABLE names no column: the new table holds its rows. */
    private static final Set<String> QUERY = Set.of("as", "select", "values", "table");

    /** How many tables by each (folded) name exist; which of them a CREATE TABLE of the range made. */
    private final Map<String, Integer> live = new HashMap<>();
    private final Set<String> made = new HashSet<>();
    private final Set<String> empty = new HashSet<>();
    /** Tables a trigger or rule of the range is on: a write to one runs code. */
    private final Set<String> watched = new HashSet<>();
    private final Set<String> functions = new HashSet<>();
    /** Set once a statement may have written rows this walk cannot follow. */
    private boolean blind;

    /** Tables there at the range's start when no trigger is: a write to one runs no code. */
    private final Set<String> quietAtStart = new HashSet<>();

    private EmptyTableWrites(Start start) {
        start.tables().forEach(table -> live.merge(folded(table), 1, Integer::sum));
        start.functions().forEach(function -> functions.add(folded(function)));
        if (!start.triggers()) {
            start.tables().forEach(table -> quietAtStart.add(folded(table)));
        }
    }

    /**
     * What the database at the range's start has. A rule there cannot write a table the range
     * creates (its queries name tables that exist); a trigger's function can, so a write to a table
     * there is followed only when there is no trigger at all.
     *
     * @param tables its tables and views (their names, maybe qualified)
     * @param functions its functions and procedures
     * @param triggers whether it has any trigger
     */
    record Start(Set<String> tables, Set<String> functions, boolean triggers) {

        static final Start BASE = new Start(Set.of(), Set.of(), false);

        Start {
            tables = Set.copyOf(tables);
            functions = Set.copyOf(functions);
        }

        static Start of(SchemaSnapshot snapshot) {
            Set<String> tables = new HashSet<>();
            Set<String> functions = new HashSet<>();
            boolean[] triggers = {false};
            snapshot.forEachObject((object, definition) -> {
                switch (object.kind()) {
                    case TABLE, VIEW, MATERIALIZED_VIEW -> tables.add(object.name());
                    case FUNCTION, PROCEDURE -> functions.add(object.name().replaceFirst("\\(.*", ""));
                    case TRIGGER -> triggers[0] = true;
                    default -> { }
                }
            });
            return new Start(tables, functions, triggers[0]);
        }
    }

    /**
     * As {@link #of(List, Start, SqlSyntax)}, for the upgrade statements of {@code replaced} run on a
     * database at {@code start}, read by {@code syntax}.
     */
    static Set<Integer> of(List<Revision> replaced, SchemaSnapshot start, SqlSyntax syntax) {
        List<String> statements = new ArrayList<>();
        replaced.forEach(revision -> revision.upgrade().statements().forEach(s -> statements.add(s.sql())));
        return of(statements, Start.of(start), syntax);
    }

    /**
     * The positions, counted among the data statements of {@code statements} as {@link DataStatements}
     * takes them, of the {@code UPDATE} and {@code DELETE} statements that run on a table holding no
     * rows.
     *
     * @param statements the range's upgrade statements, in run order
     * @param start what the database at the range's start has
     * @param syntax the lexical rules of the database's client, by which the statements were split
     */
    static Set<Integer> of(List<String> statements, Start start, SqlSyntax syntax) {
        EmptyTableWrites walk = new EmptyTableWrites(start);
        Set<Integer> positions = new TreeSet<>();
        int position = 0;
        for (String sql : statements) {
            StatementTokens words = StatementTokens.of(sql, syntax);
            int table = words.writtenTable();
            if (walk.onEmptyTable(words, table)) {
                positions.add(position);
            }
            if (table >= 0) {
                position++;
            }
        }
        return positions;
    }

    /**
     * Follows one statement; whether it is an UPDATE or DELETE on a table that holds no rows.
     * {@code table}: where the name of the table it writes stands when {@link DataStatements} takes
     * it as a data statement (see {@link StatementTokens#writtenTable}), else -1.
     */
    private boolean onEmptyTable(StatementTokens words, int table) {
        if (blind) {
            return false;
        }
        String keyword = words.word(0);
        if (keyword.equals("create") && createdCode(words)) {
            return false;
        }
        if (callsAFunctionOfTheProject(words)) {
            blind = true;
            return false;
        }
        switch (keyword) {
            case "create" -> created(words);
            case "alter" -> altered(words);
            case "drop" -> dropped(words);
            case "insert", "merge", "replace" -> written(key(words, table));
            case "copy" -> written(words.word(words.nameEnd(1)).equals("to") ? null : key(words, 1));
            case "update", "delete" -> {
                String written = key(words, table);
                if (written != null && empty.contains(written) && !watched.contains(written)) {
                    return true;
                }
                written(written);
            }
            case "set", "reset" -> blind = words.tokens().stream().anyMatch(t -> folded(t.text()).equals(
                    "search_path"));
            default -> blind = !INERT.contains(keyword);
        }
        return false;
    }

    /**
     * A CREATE of code that runs later: a routine (its body runs when it is called, not now), a
     * trigger or a rule (a write to its table runs code), or one whose table this walk cannot read,
     * after which it trusts nothing. False for any other CREATE.
     */
    private boolean createdCode(StatementTokens words) {
        int at = words.is(1, "or", "replace") ? 3 : 1;
        switch (words.word(at)) {
            case "function", "procedure", "aggregate" -> {
                String name = key(words, at + 1);
                if (name == null) {
                    return false;
                }
                functions.add(name);
            }
            case "trigger" -> watch(key(words, words.triggerTable(at + 1)));
            case "constraint", "event" -> {
                if (!words.word(at + 1).equals("trigger")) {
                    return false;
                }
                // an event trigger's table is any
                watch(words.word(at).equals("event") ? null : key(words, words.triggerTable(at + 2)));
            }
            case "rule" -> {
                int as = words.nameEnd(at + 1);
                watch(as > 0 && words.is(as, "as", "on") && words.word(as + 3).equals("to")
                        ? key(words, as + 4) : null);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void watch(String table) {
        if (table == null) {
            blind = true;
        } else {
            watched.add(table);
        }
    }

    private void created(StatementTokens words) {
        int at = 1;
        at += SCOPES.contains(words.word(at)) ? 1 : 0;
        at += PERSISTENCE.contains(words.word(at)) ? 1 : 0;
        if (!words.word(at).equals("table")) {
            return; // an index, a sequence, a type, a view, an extension: no rows of the project's tables
        }
        at += words.is(at + 1, "if", "not", "exists") ? 4 : 1;
        String key = key(words, at);
        if (key == null) {
            return;
        }
        List<String> rest = words.outsideParentheses(words.nameEnd(at));
        if (rest.contains("inherits") || Collections.indexOfSubList(rest, List.of("partition", "of")) >= 0) {
            blind = true; // its rows are the parent's too
            return;
        }
        if (live.merge(key, 1, Integer::sum) == 1) {
            made.add(key);
            if (rest.stream().noneMatch(QUERY::contains)) {
                empty.add(key);
            }
        } else {
            // two tables by one name: which one a later statement writes is not known here
            made.remove(key);
            empty.remove(key);
        }
    }

    private void altered(StatementTokens words) {
        int name = words.is(1, "table") ? 2 : -1;
        name += name > 0 && words.is(name, "if", "exists") ? 2 : 0;
        name += name > 0 && words.is(name, "only") ? 1 : 0;
        int rename = name > 0 ? words.nameEnd(name) : -1;
        int to = rename + 2;
        if (rename > 0 && words.is(rename, "rename", "to") && words.nameEnd(to) == words.size()) {
            renamed(key(words, name), key(words, to));
        } else if (words.contains("attach", "partition") || words.contains("inherit")) {
            blind = true;
        }
    }

    private void renamed(String from, String to) {
        boolean wasMade = made.remove(from);
        boolean wasEmpty = empty.remove(from);
        boolean wasWatched = watched.contains(from);
        gone(from);
        if (live.merge(to, 1, Integer::sum) == 1 && wasMade) {
            made.add(to);
            if (wasEmpty) {
                empty.add(to);
            }
            if (wasWatched) {
                watched.add(to);
            }
        } else {
            made.remove(to);
            empty.remove(to);
        }
    }

    private void dropped(StatementTokens words) {
        if (!words.is(1, "table")) {
            return;
        }
        int at = words.is(2, "if", "exists") ? 4 : 2;
        while (words.nameEnd(at) > 0) {
            gone(key(words, at));
            int end = words.nameEnd(at);
            at = words.is(end, ",") ? end + 1 : -1;
        }
    }

    private void gone(String key) {
        if (live.merge(key, -1, Integer::sum) <= 0) {
            live.remove(key);
            made.remove(key);
            empty.remove(key);
            watched.remove(key);
            quietAtStart.remove(key);
        }
    }

    /**
     * A write to {@code table} (a folded last part, null when not known): it holds rows from now on.
     * A write to a table a trigger or rule of the range is on, or to one the range did not make (made
     * by an extension, or there at the start when a trigger is) may run code that writes any other table.
     */
    private void written(String table) {
        if (table == null) {
            blind = true;
            return;
        }
        empty.remove(table);
        if (watched.contains(table) || !made.contains(table) && !quietAtStart.contains(table)) {
            blind = true;
        }
    }

    /** Whether a word followed by a parenthesis names a function the project made. */
    private boolean callsAFunctionOfTheProject(StatementTokens words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.is(i + 1, "(") && functions.contains(folded(words.word(i)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key of the name at {@code at}: its last part, folded, so that two names that might be one
     * give one key; null when no name is there.
     */
    private static String key(StatementTokens words, int at) {
        String name = words.lastPart(at);
        return name == null ? null : folded(name);
    }

    /** A name as the catalog holds it, folded, so that two names that might be one give one key. */
    private static String folded(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
