package dev.migrate.graph;

import dev.migrate.common.Finding;
import dev.migrate.revision.InvalidRevisionsException;
import dev.migrate.revision.Placeholders;
import dev.migrate.revision.RevisionFolder;
import dev.migrate.sql.SqlSyntax;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads a revisions folder into a graph: every problem of the files and the graph at once, then placeholders. */
public final class GraphLoader {

    private GraphLoader() {
    }

    /**
     * Reads and checks the files in {@code revisions}, and replaces the placeholders of their SQL.
     * With {@code valuesNeeded}, a placeholder without a value is one of the problems; without it
     * (goals that read no SQL), its section is left as written. Statements are split once, here,
     * by {@code syntax}: the target database's client's rules.
     *
     * @throws InvalidRevisionsException naming every problem found
     */
    public static RevisionGraph load(Path revisions, SqlSyntax syntax, Placeholders placeholders, String schema,
            String user, String url, boolean valuesNeeded) {
        return load(revisions, syntax, placeholders, schema, user, url, valuesNeeded, warning -> { });
    }

    /**
     * {@link #load(Path, SqlSyntax, Placeholders, String, String, String, boolean)}, telling {@code warn}
     * of each placeholder value that changes the SQL around it (an error instead, when strict).
     */
    public static RevisionGraph load(Path revisions, SqlSyntax syntax, Placeholders placeholders, String schema,
            String user, String url, boolean valuesNeeded, Consumer<String> warn) {
        RevisionFolder folder = RevisionFolder.scan(revisions, syntax);
        List<Finding> problems = new ArrayList<>(folder.problems());
        problems.addAll(RevisionGraph.problems(folder.forGraphChecks(), folder.idsOfBrokenFiles()));
        // checksums stay those of the text as written: a new placeholder value is not an edit
        Placeholders.Replaced replaced = placeholders.replace(folder.revisions(), schema, user, url);
        if (valuesNeeded) {
            problems.addAll(replaced.problems());
            replaced.warnings().forEach(warning -> warn.accept(warning.toString()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRevisionsException(problems);
        }
        // the ids, parents, labels and replaces the graph checks are the same after the placeholders
        return RevisionGraph.ofChecked(replaced.revisions());
    }
}
