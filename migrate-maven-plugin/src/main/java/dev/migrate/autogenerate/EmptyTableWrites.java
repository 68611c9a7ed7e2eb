package dev.migrate.autogenerate;

import dev.migrate.revision.Revision;
import dev.migrate.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * the database itself are taken as writing no table of the project.
 */
final class EmptyTableWrites {

    private static final String NAME = "(?:\"[^\"]+\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"[^\"]+\"|[\\w$]+))*";

    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?"
            + "(?:(?:TEMP|TEMPORARY|UNLOGGED|CACHED|MEMORY)\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME + ")",
            Pattern.CASE_INSENSITIVE);

    /** What makes a new table hold rows from the start, or another table see its rows. */
    private static final Pattern FILLED_AT_CREATION = Pattern.compile(
            "\\bAS\\s*\\(?\\s*(?:SELECT|WITH|VALUES|TABLE|EXECUTE)\\b", Pattern.CASE_INSENSITIVE);

    /** A new table whose rows another table shows. */
    private static final Pattern INHERITING = Pattern.compile("\\bPARTITION\\s+OF\\b|\\bINHERITS\\b",
            Pattern.CASE_INSENSITIVE);

    /** Code set to run on writes or DDL whose table this walk could not read (an event trigger's is any). */
    private static final Pattern CODE = Pattern.compile("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+|EVENT\\s+)?"
            + "(?:TRIGGER|RULE)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern RENAME_TABLE = Pattern.compile("^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?"
            + "(?:ONLY\\s+)?(" + NAME + ")\\s+RENAME\\s+TO\\s+(" + NAME + ")\\s*$", Pattern.CASE_INSENSITIVE);

    private static final Pattern ATTACH = Pattern.compile("\\b(?:ATTACH\\s+PARTITION|INHERIT)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern DROP_TABLE = Pattern.compile("^DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(.*?)"
            + "(?:\\s+(?:CASCADE|RESTRICT))?\\s*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern CREATE_ROUTINE = Pattern.compile("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?"
            + "(?:FUNCTION|PROCEDURE|AGGREGATE)\\s+(" + NAME + ")", Pattern.CASE_INSENSITIVE);

    private static final Pattern CREATE_TRIGGER = Pattern.compile("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?"
            + "(?:CONSTRAINT\\s+)?TRIGGER\\b.*?\\bON\\s+(" + NAME + ")", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern CREATE_RULE = Pattern.compile("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?RULE\\b.*?"
            + "\\bTO\\s+(" + NAME + ")", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern COPY = Pattern.compile("^COPY\\s+(" + NAME + ")", Pattern.CASE_INSENSITIVE);

    private static final Pattern PART = Pattern.compile("\"([^\"]+)\"|([\\w$]+)");

    private static final Pattern CALL = Pattern.compile("(\"[^\"]+\"|[\\w$]+)\\s*\\(");

    private static final Pattern FIRST_WORD = Pattern.compile("^[A-Za-z]+");

    /** Statements that write no rows and run no code of the project. */
    private static final Set<String> INERT = Set.of("", "comment", "grant", "revoke", "analyze", "vacuum", "lock",
            "begin", "commit", "start", "end", "savepoint", "release", "checkpoint", "reindex", "cluster");

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
        start.tables().forEach(table -> live.merge(key(table), 1, Integer::sum));
        start.functions().forEach(function -> functions.add(key(function)));
        if (!start.triggers()) {
            start.tables().forEach(table -> quietAtStart.add(key(table)));
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

    /** As {@link #of(List, Start)}, for the upgrade statements of {@code replaced} run on a database at {@code start}. */
    static Set<Integer> of(List<Revision> replaced, SchemaSnapshot start) {
        List<String> statements = new ArrayList<>();
        replaced.forEach(revision -> revision.upgrade().statements().forEach(s -> statements.add(s.sql())));
        return of(statements, Start.of(start));
    }

    /**
     * The positions, counted among the data statements of {@code statements} as {@link DataStatements}
     * takes them, of the {@code UPDATE} and {@code DELETE} statements that run on a table holding no
     * rows.
     *
     * @param statements the range's upgrade statements, in run order
     * @param start what the database at the range's start has
     */
    static Set<Integer> of(List<String> statements, Start start) {
        EmptyTableWrites walk = new EmptyTableWrites(start);
        Set<Integer> positions = new TreeSet<>();
        int position = 0;
        for (String sql : statements) {
            String target = DataStatements.target(sql);
            if (walk.onEmptyTable(DataStatements.withoutLeadingComments(sql), target)) {
                positions.add(position);
            }
            if (target != null) {
                position++;
            }
        }
        return positions;
    }

    /** Follows one statement; whether it is an UPDATE or DELETE on a table that holds no rows. */
    private boolean onEmptyTable(String sql, String target) {
        if (blind) {
            return false;
        }
        String keyword = firstWord(sql);
        Matcher routine = CREATE_ROUTINE.matcher(sql);
        if (routine.find()) {
            // its body runs when it is called, not now
            functions.add(key(routine.group(1)));
            return false;
        }
        Matcher trigger = CREATE_TRIGGER.matcher(sql);
        if (trigger.find()) {
            watched.add(key(trigger.group(1)));
            return false;
        }
        Matcher rule = CREATE_RULE.matcher(sql);
        if (rule.find()) {
            watched.add(key(rule.group(1)));
            return false;
        }
        if (callsAFunctionOfTheProject(sql) || CODE.matcher(sql).find()) {
            blind = true;
            return false;
        }
        switch (keyword) {
            case "create" -> created(sql);
            case "alter" -> altered(sql);
            case "drop" -> dropped(sql);
            case "insert", "merge", "copy" -> written(target != null ? target : copied(sql));
            case "update", "delete" -> {
                if (target != null && empty.contains(key(target)) && !watched.contains(key(target))) {
                    return true;
                }
                written(target);
            }
            case "set", "reset" -> blind = sql.toLowerCase(Locale.ROOT).contains("search_path");
            default -> blind = !INERT.contains(keyword);
        }
        return false;
    }

    private void created(String sql) {
        Matcher table = CREATE_TABLE.matcher(sql);
        if (!table.find()) {
            return; // an index, a sequence, a type, a view, an extension: no rows of the project's tables
        }
        String rest = sql.substring(table.end());
        if (INHERITING.matcher(rest).find()) {
            blind = true; // its rows are the parent's too
            return;
        }
        String key = key(table.group(1));
        if (live.merge(key, 1, Integer::sum) == 1) {
            made.add(key);
            if (!FILLED_AT_CREATION.matcher(rest).find()) {
                empty.add(key);
            }
        } else {
            // two tables by one name: which one a later statement writes is not known here
            made.remove(key);
            empty.remove(key);
        }
    }

    private void altered(String sql) {
        Matcher rename = RENAME_TABLE.matcher(sql);
        if (rename.find()) {
            String from = key(rename.group(1));
            String to = key(rename.group(2));
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
        } else if (ATTACH.matcher(sql).find()) {
            blind = true;
        }
    }

    private void dropped(String sql) {
        Matcher drop = DROP_TABLE.matcher(sql);
        if (drop.find()) {
            for (String name : drop.group(1).split(",")) {
                gone(key(name));
            }
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

    private static String copied(String sql) {
        Matcher copy = COPY.matcher(sql);
        return copy.find() && !sql.substring(copy.end()).strip().toUpperCase(Locale.ROOT).startsWith("TO")
                ? copy.group(1) : null;
    }

    /**
     * A write to {@code table}: it holds rows from now on. A write to a table a trigger or rule of the
     * range is on, or to one the range did not make (made by an extension, or there at the start
     * when a trigger is) may run code that writes any other table.
     */
    private void written(String table) {
        if (table == null) {
            blind = true;
            return;
        }
        String key = key(table);
        empty.remove(key);
        if (watched.contains(key) || !made.contains(key) && !quietAtStart.contains(key)) {
            blind = true;
        }
    }

    private boolean callsAFunctionOfTheProject(String sql) {
        if (functions.isEmpty()) {
            return false;
        }
        Matcher word = CALL.matcher(sql);
        while (word.find()) {
            if (functions.contains(key(word.group(1)))) {
                return true;
            }
        }
        return false;
    }

    private static String firstWord(String sql) {
        Matcher word = FIRST_WORD.matcher(sql);
        return word.find() ? word.group().toLowerCase(Locale.ROOT) : "";
    }

    /** The last part of a name, unquoted and folded: two names that might be one table give one key. */
    static String key(String name) {
        String last = null;
        Matcher part = PART.matcher(name.strip());
        while (part.find()) {
            last = part.group(1) != null ? part.group(1) : part.group(2);
        }
        return last == null ? name.strip().toLowerCase(Locale.ROOT) : last.toLowerCase(Locale.ROOT);
    }
}
