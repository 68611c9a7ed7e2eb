package dev.migrate.authoring;

import dev.migrate.database.Dialect;
import dev.migrate.database.Identifier;
import dev.migrate.run.UncheckedRun;
import dev.migrate.common.FileWriteException;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.sql.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A plan written out as one SQL script for a DBA to review or to run by hand ({@code psql -f}):
 * the history table's DDL, then per revision its statements exactly as the plugin would send them,
 * each ended by {@code ;}, and the history write, inside {@code BEGIN; ... COMMIT;} unless the
 * revision says {@code transactional: false}.
 *
 * @param plan the revisions, in the order the script runs them
 * @param description what the script does, for its first lines (e.g. "upgrade from base to head")
 * @param dialect the database the script is written for
 * @param text the script
 */
public record OfflineScript(Plan plan, String description, Dialect dialect, String text) {

    private static final String COLUMNS = "revision, parents, message, upgrade_checksum, downgrade_checksum,"
            + " applied_at, applied_by, duration_ms, state";

    /**
     * Writes {@code plan} for {@code dialect}. {@code schema} (a plain identifier, or null) is created
     * and made current first, as the online goals do; {@code table} is the history table's name.
     */
    public static OfflineScript of(Plan plan, String description, Dialect dialect, Identifier schema,
            Identifier table) {
        String history = UncheckedRun.historyTableName(schema, table);
        StringBuilder out = new StringBuilder();
        int count = plan.steps().size();
        out.append("-- Written by migrate-maven-plugin: ").append(description).append(", ").append(count)
                .append(count == 1 ? " revision" : " revisions").append(", for ").append(dialect.displayName())
                .append(".\n");
        out.append(dialect.offlineScriptHint());
        out.append("-- Each transactional revision commits together with its history row; revisions marked\n")
                .append("-- 'transactional: false' run statement by statement, as the plugin runs them.\n\n");
        if (schema != null) {
            out.append("CREATE SCHEMA IF NOT EXISTS ").append(schema.name()).append(";\n");
            out.append(dialect.setSchemaSql(schema)).append(";\n");
        }
        out.append(dialect.createHistoryTableSql(history)).append(";\n");
        for (Revision revision : plan.steps()) {
            out.append('\n');
            appendRevision(out, revision, plan.direction(), history);
        }
        return new OfflineScript(plan, description, dialect, out.toString());
    }

    private static void appendRevision(StringBuilder out, Revision revision, Direction direction, String history) {
        boolean up = direction == Direction.UP;
        out.append("-- ").append(up ? "upgrade " : "downgrade ").append(revision.describe().replace('\n', ' '))
                .append(" (").append(revision.fileName()).append(")\n");
        if (!revision.transactional()) {
            out.append("-- transactional: false: no BEGIN/COMMIT, each statement commits on its own\n");
        } else {
            out.append("BEGIN;\n");
        }
        List<Statement> statements = (up ? revision.upgrade() : revision.downgrade()).statements();
        for (Statement statement : statements) {
            out.append(terminated(statement.sql())).append('\n');
        }
        if (up) {
            out.append("INSERT INTO ").append(history).append(" (").append(COLUMNS).append(") VALUES (")
                    .append(literal(revision.id())).append(", ")
                    .append(literal(String.join(",", revision.parents()))).append(", ")
                    .append(literal(revision.message())).append(", ")
                    .append(literal(revision.upgrade().checksum())).append(", ")
                    .append(literal(revision.downgrade().checksum()))
                    .append(", CURRENT_TIMESTAMP, CURRENT_USER, 0, 'applied');\n");
        } else {
            out.append("DELETE FROM ").append(history).append(" WHERE revision = ").append(literal(revision.id()))
                    .append(";\n");
        }
        if (revision.transactional()) {
            out.append("COMMIT;\n");
        }
    }

    /** Writes the script to {@code file}, creating its folder, replacing an older script. */
    public void writeTo(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FileWriteException("cannot write the script " + file + " (" + e + "); check that the"
                    + " folder is writable, or set migrate.sqlFile", e);
        }
    }

    /** The statement with its {@code ;}, on a line of its own when the last line ends in a comment. */
    static String terminated(String sql) {
        int lastLine = sql.lastIndexOf('\n') + 1;
        return sql.indexOf("--", lastLine) >= 0 ? sql + "\n;" : sql + ";";
    }

    /** A standard SQL string literal: single quotes doubled, nothing else escaped. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
