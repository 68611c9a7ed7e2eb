package dev.migrate.graph;

/**
 * Where a goal should move the database: {@code head}, {@code heads}, {@code base}, a revision id
 * or unique prefix, {@code +N}, {@code -N}, or {@code label@head}.
 */
public sealed interface Target permits Target.Head, Target.Heads, Target.Base, Target.Revision, Target.Relative, Target.BranchHead {

    /**
     * Parses the text a user typed; surrounding blanks are ignored.
     *
     * @throws InvalidTargetException for anything that is none of the target kinds
     */
    static Target parse(String text) {
        throw new UnsupportedOperationException("TODO");
    }

    record Head() implements Target {
    }

    record Heads() implements Target {
    }

    record Base() implements Target {
    }

    /** A full id or a prefix of one, resolved against the graph when planning. */
    record Revision(String idOrPrefix) implements Target {
    }

    /** {@code +N} (steps &gt; 0) or {@code -N} (steps &lt; 0). */
    record Relative(int steps) implements Target {
    }

    record BranchHead(String label) implements Target {
    }
}
