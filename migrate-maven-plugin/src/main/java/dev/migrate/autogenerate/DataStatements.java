package dev.migrate.autogenerate;

import dev.migrate.revision.Revision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data statements of a range of revisions ({@code INSERT}, {@code UPDATE}, {@code DELETE},
 * {@code MERGE}), in their order, and the tables they write, so a squash keeps reference data and
 * its proof knows which tables' rows to compare.
 *
 * @param statements the statements, as sent
 * @param targets the table each statement writes, as named in it
 */
record DataStatements(List<String> statements, List<String> targets) {

    private static final Pattern TARGET = Pattern.compile(
            "^\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+((?:\"[^\"]+\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"[^\"]+\"|[\\w$]+))?)",
            Pattern.CASE_INSENSITIVE);

    DataStatements {
        statements = List.copyOf(statements);
        targets = List.copyOf(targets);
    }

    /** The tables written, each once, in order. */
    Set<String> tables() {
        return new LinkedHashSet<>(targets);
    }

    /** Without the statements at {@code positions}. */
    DataStatements without(Set<Integer> positions) {
        List<String> s = new ArrayList<>();
        List<String> t = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            if (!positions.contains(i)) {
                s.add(statements.get(i));
                t.add(targets.get(i));
            }
        }
        return new DataStatements(s, t);
    }

    /** Only the statements that write {@code kept} tables. */
    DataStatements writing(Set<String> kept) {
        List<String> s = new ArrayList<>();
        List<String> t = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            if (kept.contains(targets.get(i))) {
                s.add(statements.get(i));
                t.add(targets.get(i));
            }
        }
        return new DataStatements(s, t);
    }

    /**
     * Whether {@code table} (as a statement names it) is one of the database's own catalog tables
     * ({@code pg_index}, {@code information_schema.tables}, ...): a revision that writes one there
     * switches something of the database's own for a while (an index not kept up to date during a
     * bulk update, and back), which is no data of the project and is undone within that revision.
     */
    static boolean isCatalog(String table) {
        String name = table.replace("\"", "").toLowerCase(java.util.Locale.ROOT);
        return name.startsWith("pg_catalog.") || name.startsWith("information_schema.")
                || (!name.contains(".") && name.startsWith("pg_"));
    }

    /** Without the statements that write the database's own catalog tables (see {@link #isCatalog}). */
    DataStatements withoutCatalogWrites() {
        Set<String> kept = new LinkedHashSet<>(targets);
        kept.removeIf(DataStatements::isCatalog);
        return writing(kept);
    }

    static DataStatements of(List<Revision> revisions) {
        List<String> statements = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        for (Revision revision : revisions) {
            for (dev.migrate.sql.Statement statement : revision.upgrade().statements()) {
                Matcher matcher = TARGET.matcher(withoutLeadingComments(statement.sql()));
                if (matcher.find()) {
                    statements.add(statement.sql().strip());
                    tables.add(matcher.group(1).replaceAll("\\s+", ""));
                }
            }
        }
        return new DataStatements(statements, tables);
    }

    /** The statements as section text, one per line ending in ';'. */
    String text() {
        if (statements.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n-- data statements of the replaced revisions, in their order\n");
        statements.forEach(sql -> out.append(sql).append(";\n"));
        return out.toString();
    }

    private static String withoutLeadingComments(String sql) {
        String text = sql.strip();
        while (text.startsWith("--") || text.startsWith("/*")) {
            int end = text.startsWith("--") ? text.indexOf('\n') : text.indexOf("*/") + 1;
            if (end <= 0) {
                return "";
            }
            text = text.substring(end + 1).strip();
        }
        return text;
    }
}
