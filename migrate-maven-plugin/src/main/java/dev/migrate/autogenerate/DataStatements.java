package dev.migrate.autogenerate;

import dev.migrate.revision.Revision;
import dev.migrate.sql.SqlSyntax;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data statements of a range of revisions ({@code INSERT}, {@code UPDATE}, {@code DELETE},
 * {@code MERGE}, MySQL's {@code REPLACE}, {@code COPY ... FROM}, each maybe led by a {@code WITH}
 * list), in their order, and the tables they write, so a squash keeps reference data and its proof
 * knows which tables' rows to compare.
 *
 * @param statements the statements, as sent
 * @param targets the table each statement writes, as named in it (of one that writes more, through
 *     a {@code WITH} list, one: see {@link StatementTokens#writtenTable})
 */
record DataStatements(List<String> statements, List<String> targets) {

    private static final Pattern PART = Pattern.compile("\"([^\"]+)\"|`([^`]+)`|([\\w$]+)");

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

    /** Only the statements at {@code positions}. */
    DataStatements at(Set<Integer> positions) {
        List<String> s = new ArrayList<>();
        List<String> t = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            if (positions.contains(i)) {
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
     * ({@code pg_index}, {@code pg_catalog.pg_index}, ...): a revision that writes one there switches
     * something of the database's own for a while (an index not kept up to date during a bulk update,
     * and back), which is no data of the project and is undone within that revision. The database
     * says so through {@code metadata}: it lists the name as a system table ({@code SYSTEM TABLE}) and
     * not also as a table of the user's, which a name alone cannot tell ({@code public.pg_things}).
     */
    static boolean isCatalog(DatabaseMetaData metadata, String table) throws SQLException {
        List<String> parts = parts(table, metadata);
        String name = parts.get(parts.size() - 1);
        String schema = parts.size() > 1 ? parts.get(0) : null;
        // MySQL and MariaDB qualify a table with its database, which JDBC calls the catalog
        boolean byCatalog = schema != null && !metadata.supportsSchemasInDataManipulation();
        boolean system = false;
        try (ResultSet tables = metadata.getTables(byCatalog ? schema : null, byCatalog ? null : pattern(schema,
                metadata), pattern(name, metadata), null)) {
            // the pattern matches the name alone, by the database's own rules of case
            while (tables.next()) {
                String type = tables.getString("TABLE_TYPE");
                if (type == null || !type.toUpperCase(java.util.Locale.ROOT).startsWith("SYSTEM")) {
                    return false;
                }
                system = true;
            }
        }
        return system;
    }

    /** Without the statements that write the database's own catalog tables (see {@link #isCatalog}). */
    DataStatements withoutCatalogWrites(Connection connection) throws SQLException {
        if (statements.isEmpty()) {
            return this;
        }
        DatabaseMetaData metadata = connection.getMetaData();
        // the names of the system's tables in one read; only a table named as one of them is looked up
        List<String> types = new ArrayList<>();
        try (ResultSet rs = metadata.getTableTypes()) {
            while (rs.next()) {
                String type = rs.getString(1).strip();
                if (type.toUpperCase(java.util.Locale.ROOT).startsWith("SYSTEM")) {
                    types.add(type);
                }
            }
        }
        Set<String> system = new java.util.HashSet<>();
        if (!types.isEmpty()) {
            try (ResultSet rs = metadata.getTables(null, null, "%", types.toArray(String[]::new))) {
                while (rs.next()) {
                    system.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String table : tables()) {
            List<String> parts = parts(table, metadata);
            // that read covers every schema, but only the current database where a database qualifies a name
            boolean otherDatabase = parts.size() > 1 && !metadata.supportsSchemasInDataManipulation();
            boolean named = system.contains(parts.get(parts.size() - 1).toLowerCase(java.util.Locale.ROOT));
            if (!(otherDatabase || named) || !isCatalog(metadata, table)) {
                kept.add(table);
            }
        }
        return writing(kept);
    }

    /** The parts of a name as a statement writes it, as the catalog stores them: quoted as written, else folded. */
    private static List<String> parts(String table, DatabaseMetaData metadata) throws SQLException {
        List<String> parts = new ArrayList<>();
        Matcher part = PART.matcher(table);
        while (part.find()) {
            String quoted = part.group(1) != null ? part.group(1) : part.group(2);
            if (quoted != null) {
                parts.add(quoted);
            } else if (metadata.storesLowerCaseIdentifiers()) {
                parts.add(part.group(3).toLowerCase(java.util.Locale.ROOT));
            } else if (metadata.storesUpperCaseIdentifiers()) {
                parts.add(part.group(3).toUpperCase(java.util.Locale.ROOT));
            } else {
                parts.add(part.group(3));
            }
        }
        return parts;
    }

    /** {@code name} as a catalog search pattern that matches it only ({@code _} and {@code %} escaped). */
    private static String pattern(String name, DatabaseMetaData metadata) throws SQLException {
        if (name == null) {
            return null;
        }
        String escape = metadata.getSearchStringEscape();
        return escape == null || escape.isEmpty() ? name
                : name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    /** The data statements of {@code revisions}' upgrades, read by {@code syntax}. */
    static DataStatements of(List<Revision> revisions, SqlSyntax syntax) {
        List<String> statements = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        for (Revision revision : revisions) {
            for (dev.migrate.sql.Statement statement : revision.upgrade().statements()) {
                String table = target(statement.sql(), syntax);
                if (table != null) {
                    statements.add(statement.sql().strip());
                    tables.add(table);
                }
            }
        }
        return new DataStatements(statements, tables);
    }

    /**
     * The table {@code sql} writes, as the statement names it, when it is a data statement (as
     * {@link #of} takes them, see {@link StatementTokens#writtenTable}); else null. Read as the
     * lexer of {@code syntax} reads it, so that neither a comment nor a quoted name reads as a keyword.
     */
    static String target(String sql, SqlSyntax syntax) {
        StatementTokens words = StatementTokens.of(sql, syntax);
        int table = words.writtenTable();
        return table < 0 ? null : words.written(table);
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
}
