package dev.migrate.verify;

import dev.migrate.schema.DbObject;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.SnapshotDiff;
import dev.migrate.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables whose rows a phase can have changed, by name (lower case, any schema): those its
 * statements name and those whose definition the phase changed. Where statements can reach tables
 * they do not name (a DO block, a routine, a view, a trigger on a table they name), every table.
 * A name is enough to be counted, so the set errs on the side of reading too much, never too little;
 * tables referring to a reached one through a foreign key (cascades) are added by whoever knows the keys.
 */
final class Reach {

    /** Identifiers as a statement writes them, quoted or not; string contents and bodies are scanned as well. */
    private static final Pattern WORD = Pattern.compile("\"((?:[^\"]|\"\")+)\"|[A-Za-z_][A-Za-z0-9_$]*");
    private static final Set<String> ANYTHING = Set.of("do", "call", "execute");
    /**
     * Statements that define or drop a routine, view, trigger or rule run none of them (nor change
     * rows), so the names in them do not make the phase reach every table.
     */
    private static final Pattern DEFINES = Pattern.compile("(?is)\\s*(create\\s+(or\\s+replace\\s+)?|drop\\s+|comment\\s+on\\s+)"
            + "(function|procedure|view|materialized\\s+view|trigger|rule)\\b.*");

    /**
     * What a statement naming a word can run: a routine of that name (without its arguments), a view
     * of that name, the triggers of a table of that name; each found by that name in lower case.
     */
    private static final SchemaSnapshot.Lookup RUNS = new SchemaSnapshot.Lookup(object -> switch (object.kind()) {
        case FUNCTION, PROCEDURE -> {
            int paren = object.name().indexOf('(');
            yield (paren < 0 ? object.name() : object.name().substring(0, paren)).toLowerCase(Locale.ROOT);
        }
        case VIEW -> object.name().toLowerCase(Locale.ROOT);
        case TRIGGER -> {
            DbObject table = object.parent();
            yield table == null ? null : table.name().toLowerCase(Locale.ROOT);
        }
        default -> null;
    });

    /** Every table. */
    static final Reach ALL = new Reach(null);

    private final Set<String> names;
    /** The tables among {@link #names} that the phase made or changed and that are still there after it. */
    private final Set<String> changed;
    /** The tables the phase dropped as a whole, as {@link #table} keys them. */
    private final Set<String> gone;

    private Reach(Set<String> names) {
        this(names, Set.of(), Set.of());
    }

    private Reach(Set<String> names, Set<String> changed, Set<String> gone) {
        this.names = names == null ? null : Set.copyOf(names);
        this.changed = Set.copyOf(changed);
        this.gone = Set.copyOf(gone);
    }

    /** A table's key in {@link #gone}: its schema and name as the catalog spells them. */
    static String table(String schema, String name) {
        return schema + "\u0000" + name;
    }

    /** Whether every table is reached. */
    boolean all() {
        return names == null;
    }

    /**
     * The names reached, each in lower case and, where a statement quoted it or the catalog spells it
     * otherwise, also as written; only when not {@link #all()}.
     */
    Set<String> names() {
        return names;
    }

    /**
     * The tables (by name, as {@link #names()} spells them) that the phase's snapshots show made or
     * changed and still there: a table it did not make is one of these or one known before it.
     */
    Set<String> changed() {
        return changed;
    }

    /**
     * Whether the phase dropped the table {@code schema.name} as a whole and made or changed no
     * table of that name: it is not there to read. Across phases ({@link #and}) a table dropped by
     * one and made again by another counts as changed, so it is read.
     */
    boolean dropped(String schema, String name) {
        return gone.contains(table(schema, name)) && !changed.contains(name);
    }

    boolean contains(String tableName) {
        return names == null || names.contains(tableName.toLowerCase(Locale.ROOT));
    }

    Reach and(Reach other) {
        if (all() || other.all()) {
            return ALL;
        }
        Set<String> union = new HashSet<>(names);
        union.addAll(other.names);
        Set<String> changedUnion = new HashSet<>(changed);
        changedUnion.addAll(other.changed);
        Set<String> goneUnion = new HashSet<>(gone);
        goneUnion.addAll(other.gone);
        return new Reach(union, changedUnion, goneUnion);
    }

    /** This reach with {@code more} names (tables it reaches through others); what it changed stays. */
    Reach withNames(Set<String> more) {
        Set<String> union = new HashSet<>(names);
        union.addAll(more);
        return new Reach(union, changed, gone);
    }

    static Reach of(Set<String> names) {
        return new Reach(names);
    }

    /** Only the words {@code statements} name, and whether one of them can reach what it does not name. */
    static Reach named(List<Statement> statements) {
        return words(statements, false);
    }

    private static Reach words(List<Statement> statements, boolean runningOnly) {
        Set<String> words = new HashSet<>();
        for (Statement statement : statements) {
            if (runningOnly && DEFINES.matcher(statement.sql()).matches()) {
                continue;
            }
            Matcher matcher = WORD.matcher(statement.sql());
            boolean first = true;
            while (matcher.find()) {
                String exact = matcher.group(1) != null ? matcher.group(1).replace("\"\"", "\"") : matcher.group();
                String word = exact.toLowerCase(Locale.ROOT);
                if (first && ANYTHING.contains(word)) {
                    return ALL;
                }
                first = false;
                words.add(word);
                // a quoted name as written too, so that a catalog can look names up exactly (through its index)
                if (matcher.group(1) != null) {
                    words.add(exact);
                }
            }
        }
        return new Reach(words);
    }

    /**
     * What a phase that ran {@code statements} between the snapshots {@code before} and {@code after}
     * can have changed.
     */
    static Reach of(List<Statement> statements, SchemaSnapshot before, SchemaSnapshot after) {
        Reach words = named(statements);
        return words.all() ? ALL : of(words, words(statements, true).names, before, after);
    }

    /**
     * Reach's scans of statement lists, each scanned once while it is among the last few scanned:
     * verify scans a revision's upgrade before it runs (the lock report), after it and after its
     * re-upgrade. The words depend on the statements' text only, so equal lists share them.
     */
    static final class Scans {
        private static final int KEPT = 4;
        /** Statements -> their words, and the words of those that can run something (null until asked). */
        private final Map<List<Statement>, Reach[]> last = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Statement>, Reach[]> eldest) {
                return size() > KEPT;
            }
        };

        /** As {@link Reach#named}. */
        Reach named(List<Statement> statements) {
            return scanned(statements)[0];
        }

        /** As {@link Reach#of(List, SchemaSnapshot, SchemaSnapshot)}. */
        Reach of(List<Statement> statements, SchemaSnapshot before, SchemaSnapshot after) {
            Reach[] words = scanned(statements);
            if (words[0].all()) {
                return ALL;
            }
            if (words[1] == null) {
                words[1] = words(statements, true);
            }
            return Reach.of(words[0], words[1].names, before, after);
        }

        private Reach[] scanned(List<Statement> statements) {
            Reach[] words = last.get(statements);
            if (words == null) {
                words = new Reach[] {Reach.named(statements), null};
                last.put(statements, words);
            }
            return words;
        }
    }

    /**
     * What a phase whose statements name {@code words} (not {@link #all()}), {@code running} of them
     * where a statement may run something, can have changed between {@code before} and {@code after}.
     */
    private static Reach of(Reach words, Set<String> running, SchemaSnapshot before, SchemaSnapshot after) {
        // the names of routines, views and triggered tables count where a statement may run them
        Set<String> tables = new HashSet<>();
        Set<String> changed = new HashSet<>();
        Set<String> gone = new HashSet<>();
        for (SnapshotDiff.Difference difference : SnapshotDiff.between(before, after)) {
            DbObject object = difference.object();
            DbObject table = object.kind() == DbObject.Kind.TABLE ? object : object.parent();
            if (table != null && table.kind() == DbObject.Kind.TABLE) {
                tables.add(table.name().toLowerCase(Locale.ROOT));
                tables.add(table.name());
                // a table gone as a whole is named once, by itself: nothing of it is left to read
                if (object != table || !difference.isMissing()) {
                    changed.add(table.name().toLowerCase(Locale.ROOT));
                    changed.add(table.name());
                } else {
                    gone.add(table(table.schema(), table.name()));
                }
            }
        }
        for (SchemaSnapshot snapshot : before == after ? List.of(after) : List.of(before, after)) {
            if (snapshot.holdsAny(RUNS, running)) {
                return ALL;
            }
        }
        tables.addAll(words.names);
        return new Reach(tables, changed, gone);
    }
}
