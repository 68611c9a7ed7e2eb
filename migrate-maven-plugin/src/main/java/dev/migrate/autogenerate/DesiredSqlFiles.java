package dev.migrate.autogenerate;

import dev.migrate.database.Database;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.scratch.Workbench;
import dev.migrate.sql.StatementSplitter;
import dev.migrate.sql.UnterminatedSqlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** A desired schema given as SQL files, run into a scratch database; a failing statement is named by file and line. */
final class DesiredSqlFiles {

    private DesiredSqlFiles() {
    }

    /** Runs every {@code *.sql} file of {@code source} (a folder, in name order, or one file) in {@code workbench}. */
    static void apply(Workbench workbench, Path source) {
        List<Path> files;
        try (Stream<Path> entries = Files.isDirectory(source) ? Files.list(source) : Stream.of(source)) {
            files = entries.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DesiredSchemaException("cannot list the desired schema at " + source + " (" + e + "); check that"
                    + " migrate.desired names a readable folder or file of SQL", e);
        }
        try (Database database = workbench.open(); Statement statement = database.connection().createStatement()) {
            for (Path file : files) {
                for (dev.migrate.sql.Statement sql : statements(file)) {
                    try {
                        statement.execute(sql.sql());
                    } catch (SQLException e) {
                        throw new DesiredSchemaException("the desired schema fails at " + file + ":" + sql.line() + ": "
                                + e.getMessage() + " (SQL state " + e.getSQLState() + "); fix the statement, it ran"
                                + " in " + workbench.description(), e);
                    }
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot use " + workbench.description() + ": " + e.getMessage(), e);
        }
    }

    /** The statements of one file of the desired schema, split as psql splits them. */
    private static List<dev.migrate.sql.Statement> statements(Path file) {
        try {
            return StatementSplitter.split(Files.readString(file, StandardCharsets.UTF_8), 1);
        } catch (IOException e) {
            throw new DesiredSchemaException("cannot read " + file + " of the desired schema (" + e + "); check that it"
                    + " is a readable UTF-8 file", e);
        } catch (UnterminatedSqlException e) {
            throw new DesiredSchemaException(file + ":" + e.line() + ": " + e.getMessage() + "; close it in the"
                    + " desired schema's file", e);
        }
    }
}
