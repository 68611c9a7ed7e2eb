package dev.migrate.revision;

import dev.migrate.sql.SqlSyntax;
import dev.migrate.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * The upgrade or the downgrade part of a revision file.
 *
 * @param text the section's text as written, between its marker and the next marker or the end
 * @param firstLine the 1-based file line on which {@code text} begins (the line after the marker)
 * @param statements the statements, split as the target database's client would split them, with
 *     their file lines
 * @param checksum hex SHA-256 of the text, independent of line endings, BOM and trailing blanks
 * @param syntax the lexical rules the statements were split by, which whoever reads their words uses too
 */
public record Section(String text, int firstLine, List<Statement> statements, String checksum, SqlSyntax syntax) {

    public Section {
        statements = List.copyOf(statements);
        Objects.requireNonNull(syntax, "syntax");
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }
}
