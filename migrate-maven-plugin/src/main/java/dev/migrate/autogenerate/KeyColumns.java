package dev.migrate.autogenerate;

import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The columns a key's definition names, as the readers write them: "PRIMARY KEY (a, b)", "UNIQUE
 * INDEX (a(10) DESC)", "CREATE UNIQUE INDEX ux ON t USING btree (a) INCLUDE (b)", and a foreign
 * key's referenced table and columns ("FOREIGN KEY (x) REFERENCES app.t(a)").
 */
final class KeyColumns {

    private static final String REFERENCES = " REFERENCES ";

    private KeyColumns() {
    }

    /** The columns of the first parenthesized list in {@code definition}, unquoted, without order or prefix length. */
    static List<String> of(String definition) {
        int open = definition.indexOf('(');
        return open < 0 ? List.of() : list(definition, open);
    }

    /** Whether a key's definition ("PRIMARY KEY (a, b(10) DESC)", "UNIQUE INDEX (a)") has {@code column}. */
    static boolean names(String definition, String column) {
        return of(definition).contains(column);
    }

    /** Whether {@code object} with {@code definition} is a primary key, unique constraint or unique index. */
    static boolean isUnique(DbObject object, String definition) {
        if (definition == null) {
            return false;
        }
        return object.kind() == Kind.CONSTRAINT ? definition.startsWith("PRIMARY KEY") || definition.startsWith("UNIQUE")
                : object.kind() == Kind.INDEX && (definition.startsWith("UNIQUE") || definition.startsWith(
                        "CREATE UNIQUE INDEX"));
    }

    /**
     * Whether the key {@code key} (of {@code table}) may be the one that the foreign key {@code foreign}
     * (the constraint {@code foreignKey}) references: on that table, its columns those referenced in
     * any order (PostgreSQL and H2 pick such a key) or starting with them (MariaDB takes any index
     * that does). Errs towards yes: a foreign key dropped and added again for nothing costs time only.
     */
    static boolean serves(String key, DbObject table, String foreign, DbObject foreignKey) {
        if (key == null || !references(foreign, foreignKey, table)) {
            return false;
        }
        List<String> referenced = list(foreign, foreign.indexOf('(', foreign.indexOf(REFERENCES)));
        List<String> columns = of(key);
        return !referenced.isEmpty() && (columns.size() == referenced.size() && columns.containsAll(referenced)
                || columns.size() >= referenced.size() && columns.subList(0, referenced.size()).equals(referenced));
    }

    /** Whether the foreign key {@code foreignKey}, defined as {@code foreign}, references {@code table}. */
    static boolean references(String foreign, DbObject foreignKey, DbObject table) {
        int at = foreign.indexOf(REFERENCES);
        int open = at < 0 ? -1 : foreign.indexOf('(', at);
        if (open < 0) {
            return false;
        }
        String target = unquote(foreign.substring(at + REFERENCES.length(), open));
        return target.equals(table.name()) ? Objects.equals(table.schema(), foreignKey.schema())
                : target.equals(table.schema() + "." + table.name());
    }

    /** The comma-separated names inside the parentheses opening at {@code open}. */
    private static List<String> list(String definition, int open) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open; i < definition.length(); i++) {
            char ch = definition.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0 || ch == ',' && depth == 1) {
                names.add(name(definition.substring(start, i)));
                start = i + 1;
                if (ch == ')') {
                    break;
                }
            }
        }
        return names;
    }

    /** The column a list entry names: a quoted name whole, else up to a prefix length, order or operator class. */
    private static String name(String part) {
        String name = part.strip();
        char quote = name.isEmpty() ? 0 : name.charAt(0);
        if (quote == '"' || quote == '`') {
            int close = name.indexOf(quote, 1);
            return close < 0 ? name.substring(1) : name.substring(1, close);
        }
        int cut = 0;
        while (cut < name.length() && name.charAt(cut) != '(' && !Character.isWhitespace(name.charAt(cut))) {
            cut++;
        }
        return name.substring(0, cut);
    }

    private static String unquote(String name) {
        return name.replace("`", "").replace("\"", "").strip();
    }
}
