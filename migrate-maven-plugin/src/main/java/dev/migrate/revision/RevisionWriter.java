package dev.migrate.revision;

import dev.migrate.common.FileWriteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes new revision files. The id is the current UTC second, or the next free one when a file
 * already uses it; a file is never overwritten.
 */
public final class RevisionWriter {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern ID_PREFIX = Pattern.compile("(\\d{14})_.*\\.(?i:sql)");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> KEYWORDS = Set.of("head", "heads", "base");
    private static final int ATTEMPTS = 1000;

    private RevisionWriter() {
    }

    /**
     * Writes {@code revision} into {@code folder} (created when missing) and returns the new file.
     *
     * @throws InvalidNewRevisionException when a branch label is not a valid label
     * @throws FileWriteException when the folder cannot be written
     */
    public static Path write(Path folder, NewRevision revision, Instant now) {
        return write(folder, revision, now, "", "");
    }

    /** {@link #write(Path, NewRevision, Instant)} with SQL in the upgrade and downgrade sections. */
    public static Path write(Path folder, NewRevision revision, Instant now, String upgrade, String downgrade) {
        checkLabels(revision.branchLabels());
        String slug = Slug.of(revision.message());
        byte[] content = revision.content(upgrade, downgrade).getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(folder);
            Set<String> taken = idsIn(folder);
            Instant at = now;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++, at = at.plusSeconds(1)) {
                String id = ID.format(at);
                if (taken.contains(id)) {
                    continue;
                }
                Path file = folder.resolve(id + "_" + slug + ".sql");
                try {
                    Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    return file;
                } catch (FileAlreadyExistsException e) {
                    // written by someone else in the meantime: move on to the next second
                }
            }
            throw new FileWriteException("found no free revision id within " + ATTEMPTS + " seconds of "
                    + ID.format(now) + " in " + folder, null);
        } catch (IOException e) {
            throw new FileWriteException("cannot write a revision file into " + folder + " (" + e
                    + "); check that the folder is writable", e);
        }
    }

    /** The revision ids used by file names in {@code folder}, well formed or not. */
    static Set<String> idsIn(Path folder) throws IOException {
        Set<String> ids = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                var m = ID_PREFIX.matcher(entry.getFileName().toString());
                if (m.matches()) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    private static void checkLabels(List<String> labels) {
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidNewRevisionException("branch label '" + label + "' may only use letters, digits,"
                        + " '_', '-' and '.'; choose another label");
            }
            if (KEYWORDS.contains(label.toLowerCase(Locale.ROOT))) {
                throw new InvalidNewRevisionException("branch label '" + label + "' is a target keyword; choose"
                        + " another label");
            }
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            throw new InvalidNewRevisionException("a branch label is given twice (" + String.join(", ", labels)
                    + "); give each once");
        }
    }
}
