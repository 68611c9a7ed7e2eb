package dev.migrate.revision;

import dev.migrate.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The revisions folder, scanned and parsed: every revision that could be read, and every problem
 * found on the way. Scanning never stops at the first problem.
 */
public final class RevisionFolder {

    private final Path folder;
    private final List<Revision> revisions;
    private final List<Problem> problems;
    private final Set<String> idsOfBrokenFiles;

    private RevisionFolder(Path folder, List<Revision> revisions, List<Problem> problems, Set<String> idsOfBrokenFiles) {
        this.folder = folder;
        this.revisions = List.copyOf(revisions);
        this.problems = List.copyOf(problems);
        this.idsOfBrokenFiles = Set.copyOf(idsOfBrokenFiles);
    }

    /**
     * Reads every {@code .sql} file of the folder (not its subfolders). Files that are not
     * {@code .sql} are ignored. A missing folder is a single problem on the folder itself.
     */
    public static RevisionFolder scan(Path folder) {
        throw new UnsupportedOperationException("TODO");
    }

    public Path folder() {
        return folder;
    }

    /** The revisions that parsed cleanly, sorted by id. */
    public List<Revision> revisions() {
        return revisions;
    }

    /** Every problem found, in file then line order. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * Ids (from well-formed file names) of files that had problems, so the graph does not also
     * report them as unknown parents.
     */
    public Set<String> idsOfBrokenFiles() {
        return idsOfBrokenFiles;
    }
}
