package dev.migrate.revision;

import dev.migrate.sql.SqlSyntax;
import dev.migrate.common.Finding;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The revisions folder, scanned and parsed: every revision that could be read, and every problem
 * found on the way. Scanning never stops at the first problem.
 */
public final class RevisionFolder {

    private final Path folder;
    private final List<Revision> revisions;
    private final List<Revision> outlines;
    private final List<Finding> problems;
    private final Set<String> idsOfBrokenFiles;

    private RevisionFolder(Path folder, List<Revision> revisions, List<Revision> outlines, List<Finding> problems,
            Set<String> idsOfBrokenFiles) {
        this.folder = folder;
        this.revisions = List.copyOf(revisions);
        this.outlines = List.copyOf(outlines);
        this.problems = List.copyOf(problems);
        this.idsOfBrokenFiles = Set.copyOf(idsOfBrokenFiles);
    }

    /**
     * Reads every {@code .sql} file of the folder (not its subfolders). Files that are not
     * {@code .sql} are ignored. A missing folder is a single problem on the folder itself. Sections
     * are split by {@code syntax}, the target database's.
     */
    public static RevisionFolder scan(Path folder, SqlSyntax syntax) {
        if (!Files.isDirectory(folder)) {
            String what = loops(folder) ? "is a symbolic link that leads back to itself (" + chain(folder) + ")"
                    : Files.exists(folder) ? "is not a folder" : "does not exist";
            return broken(folder, "the revisions folder " + what + "; create it"
                    + " or set 'migrate.revisions' to the folder that holds your revision files");
        }
        List<Path> files = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")
                        || Files.isDirectory(entry)) {
                    continue;
                }
                // a .sql entry that cannot be read as a file is reported, never skipped
                if (Files.isRegularFile(entry)) {
                    files.add(entry);
                } else {
                    problems.add(Finding.problem(entry, 0, notAFile(entry)));
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            return broken(folder, "cannot list the revisions folder (" + e + "); check its permissions, or set"
                    + " 'migrate.revisions' to the folder that holds your revision files");
        }
        return collect(folder, files, problems, syntax);
    }

    private static String notAFile(Path entry) {
        if (loops(entry)) {
            return "the file is a symbolic link that leads back to itself (" + chain(entry) + "), so there is no"
                    + " file to read; point the link at the revision file, or delete it";
        }
        if (Files.isSymbolicLink(entry)) {
            String target;
            try {
                target = String.valueOf(Files.readSymbolicLink(entry));
            } catch (IOException | UnsupportedOperationException e) {
                target = "a file that cannot be resolved";
            }
            return "the file is a symbolic link to " + target + ", which does not exist or cannot be read; restore"
                    + " the file it points to, or delete the link";
        }
        return "the entry is not a regular file, so it cannot be read as a revision; replace it with the revision"
                + " file, or delete it";
    }

    /** Whether following {@code path}'s symbolic links comes back to a link already followed. */
    private static boolean loops(Path path) {
        return chain(path).endsWith(LOOP);
    }

    private static final String LOOP = " (again)";

    /** The links {@code path} leads through, as {@code a -> b -> a (again)} when they loop. */
    private static String chain(Path path) {
        Set<Path> seen = new HashSet<>();
        StringBuilder chain = new StringBuilder(path.toString());
        Path current = path.toAbsolutePath().normalize();
        try {
            while (Files.isSymbolicLink(current)) {
                if (!seen.add(current)) {
                    return chain + LOOP;
                }
                Path target = Files.readSymbolicLink(current);
                current = current.resolveSibling(target).normalize();
                chain.append(" -> ").append(target);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // a link that cannot be read ends the chain: it does not loop as far as can be told
        }
        return chain.toString();
    }

    private static RevisionFolder collect(Path folder, List<Path> files, List<Finding> entryProblems,
            SqlSyntax syntax) {
        List<Finding> problems = new ArrayList<>(entryProblems);
        List<Revision> outlines = new ArrayList<>();
        Set<String> broken = new HashSet<>();
        Map<String, List<RevisionFileParser.Result>> byId = new TreeMap<>();
        for (Path file : files) {
            RevisionFileParser.Result result = RevisionFileParser.parse(file, syntax);
            problems.addAll(result.problems());
            if (result.id() != null) {
                byId.computeIfAbsent(result.id(), id -> new ArrayList<>()).add(result);
                if (!result.isValid()) {
                    broken.add(result.id());
                }
            }
        }
        List<Revision> revisions = new ArrayList<>();
        for (Map.Entry<String, List<RevisionFileParser.Result>> entry : byId.entrySet()) {
            List<RevisionFileParser.Result> sameId = entry.getValue();
            if (sameId.size() > 1) {
                broken.add(entry.getKey());
                reportDuplicates(entry.getKey(), sameId, problems);
            } else if (sameId.get(0).isValid()) {
                revisions.add(sameId.get(0).revision());
            } else if (sameId.get(0).outline() != null) {
                outlines.add(sameId.get(0).outline());
            }
        }
        problems.sort(null);
        return new RevisionFolder(folder, revisions, outlines, problems, broken);
    }

    private static void reportDuplicates(String id, List<RevisionFileParser.Result> sameId, List<Finding> problems) {
        for (RevisionFileParser.Result result : sameId) {
            String others = sameId.stream()
                    .filter(other -> other != result)
                    .map(other -> other.file().getFileName().toString())
                    .sorted()
                    .collect(Collectors.joining(", "));
            problems.add(Finding.problem(result.file(), 0, "revision id " + id + " is also used by " + others
                    + "; every revision needs its own id: give one of the files a new timestamp (and update the"
                    + " parents of revisions that name it)"));
        }
    }

    private static RevisionFolder broken(Path folder, String message) {
        return new RevisionFolder(folder, List.of(), List.of(), List.of(Finding.problem(folder, 0, message)), Set.of());
    }

    public Path folder() {
        return folder;
    }

    /** The revisions that parsed cleanly, sorted by id. */
    public List<Revision> revisions() {
        return revisions;
    }

    /**
     * What the graph checks read: the revisions that parsed cleanly, and the header (parents,
     * depends-on, labels) of each broken file whose header could be read, so that an unknown parent
     * or a cycle through a broken file is reported in the same run as the file's own problems.
     */
    public List<Revision> forGraphChecks() {
        List<Revision> all = new ArrayList<>(revisions);
        all.addAll(outlines);
        return all;
    }

    /** Every problem found, in file then line order. */
    public List<Finding> problems() {
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
