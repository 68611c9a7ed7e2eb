package dev.migrate.common;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a revision file: where it is and what is wrong with it.
 *
 * @param file the file, never null
 * @param line 1-based line, or 0 when the problem concerns the whole file (its name, say)
 * @param message what is wrong and what to do, in one sentence or two
 */
public record Problem(Path file, int line, String message) implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.file().getFileName().toString())
            .thenComparingInt(Problem::line)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line: message}, the shape compilers use, so IDEs and terminals link it. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }
}
