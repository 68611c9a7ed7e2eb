package dev.migrate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes revision files into a folder, the way a user would. */
public final class RevisionFiles {

    private final Path folder;

    private RevisionFiles(Path folder) {
        this.folder = folder;
    }

    public static RevisionFiles in(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RevisionFiles(folder);
    }

    public Path folder() {
        return folder;
    }

    /** A revision with the given parents ({@code base} or comma-separated ids) and sections. */
    public Path add(String name, String parents, String upgrade, String downgrade) {
        return addWithHeader(name, "-- parents: " + parents + "\n-- message: " + name.substring(15).replace('_', ' '),
                upgrade, downgrade);
    }

    /** A revision with a header written out in full (several lines, no trailing newline needed). */
    public Path addWithHeader(String name, String header, String upgrade, String downgrade) {
        return write(name + ".sql", header + "\n\n-- upgrade\n" + upgrade + "\n\n-- downgrade\n" + downgrade + "\n");
    }

    public Path write(String fileName, String content) {
        Path file = folder.resolve(fileName);
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
