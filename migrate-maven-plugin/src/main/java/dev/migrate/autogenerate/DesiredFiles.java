package dev.migrate.autogenerate;

import dev.migrate.common.Finding;
import dev.migrate.database.Database;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.scratch.Workbench;
import dev.migrate.revision.Placeholders;
import dev.migrate.sql.Statement;
import dev.migrate.sql.StatementSplitter;
import dev.migrate.sql.SqlSyntax;
import dev.migrate.sql.UnsplittableSqlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SQL files of a desired schema, read as revisions are: placeholders replaced with the same
 * values, split by the target database's rules. Every problem of every file is reported at once; the values the
 * placeholders received are kept, so a generated revision writes {@code ${name}} back.
 *
 * @param source the folder (or file) as configured
 * @param statements every statement, in file-name order, with its file
 * @param used value by placeholder name, as the files used them
 */
record DesiredFiles(Path source, List<Located> statements, Map<String, String> used) {

    /** One statement of the desired schema and the file it came from. */
    record Located(Path file, Statement statement) {
    }

    DesiredFiles {
        statements = List.copyOf(statements);
        used = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(used));
    }

    /** Reads every {@code *.sql} file of {@code source} (a folder, in name order, or one file). */
    static DesiredFiles read(Path source, Placeholders placeholders, String schema, String user, String url,
            SqlSyntax syntax) {
        List<Path> files;
        try (Stream<Path> entries = Files.isDirectory(source) ? Files.list(source) : Stream.of(source)) {
            files = entries.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DesiredSchemaException("cannot list the desired schema at " + source + " (" + e + "); check that"
                    + " migrate.desired names a readable folder or file of SQL", e);
        }
        List<Located> statements = new ArrayList<>();
        Map<String, String> used = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new DesiredSchemaException("cannot read " + file + " of the desired schema (" + e + "); check that"
                        + " it is a readable UTF-8 file", e);
            }
            Placeholders.ReplacedText replaced = placeholders.replaceText(file, text, schema, user, url);
            replaced.problems().stream().map(Finding::toString).forEach(problems::add);
            used.putAll(replaced.used());
            try {
                StatementSplitter.split(replaced.text(), 1, syntax).forEach(s -> statements.add(new Located(file, s)));
            } catch (UnsplittableSqlException e) {
                problems.add(file + ":" + e.line() + ": " + e.getMessage() + "; close it in the desired schema's file");
            }
        }
        if (!problems.isEmpty()) {
            throw new DesiredSchemaException(problems.size() + " problem(s) in the desired schema at " + source + ":\n"
                    + String.join("\n", problems), null);
        }
        return new DesiredFiles(source, statements, used);
    }

    /**
     * Runs every statement in {@code workbench}. A failing statement does not stop the others:
     * every one that fails is reported together, with its file and line, as revision files are.
     */
    void applyIn(Workbench workbench) {
        List<String> failures = new ArrayList<>();
        try (Database database = workbench.open();
                java.sql.Statement statement = database.connection().createStatement()) {
            for (Located located : statements) {
                try {
                    statement.execute(located.statement().sql());
                } catch (SQLException e) {
                    failures.add(located.file() + ":" + located.statement().line() + ": " + e.getMessage().strip()
                            + " (SQL state " + e.getSQLState() + ")");
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot use " + workbench.description() + ": " + e.getMessage(), e);
        }
        if (!failures.isEmpty()) {
            throw new DesiredSchemaException("the desired schema fails at " + (failures.size() == 1 ? failures.get(0)
                    : failures.size() + " statements:\n" + String.join("\n", failures)) + "\nfix "
                    + (failures.size() == 1 ? "the statement" : "them") + " (they ran in " + workbench.description()
                    + "; a statement that fails because an earlier one did goes away with it)", null);
        }
    }

    /**
     * {@code sql} generated from these files with each placeholder's value written back as
     * {@code ${name}}, where the value stands as a whole word (longest values first, so a value
     * inside another is not cut out of it).
     */
    String restorePlaceholders(String sql) {
        String result = sql;
        List<Map.Entry<String, String>> byLength = used.entrySet().stream().filter(e -> !e.getValue().isBlank())
                .sorted((a, b) -> b.getValue().length() - a.getValue().length()).collect(Collectors.toList());
        for (Map.Entry<String, String> entry : byLength) {
            Pattern value = Pattern.compile("(?<![\\w$])" + Pattern.quote(entry.getValue()) + "(?![\\w])");
            result = value.matcher(result).replaceAll(Matcher.quoteReplacement("${" + entry.getKey() + "}"));
        }
        return result;
    }
}
