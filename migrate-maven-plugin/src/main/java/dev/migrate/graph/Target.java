package dev.migrate.graph;

import java.util.Objects;

/**
 * Where a goal should move the database: {@code head}, {@code heads}, {@code base}, a revision id
 * or unique prefix, a release tag, {@code +N}, {@code -N}, or {@code label@head}. Each kind prints itself the way
 * a user writes it, so messages can quote it.
 */
public sealed interface Target permits Target.Head, Target.Heads, Target.Base, Target.Revision, Target.Relative, Target.BranchHead {

    /**
     * Parses the text a user typed; surrounding blanks are ignored. {@code head}, {@code heads} and
     * {@code base} are case-insensitive.
     *
     * @throws InvalidTargetException for anything that is none of the target kinds, listing them
     */
    static Target parse(String text) {
        return TargetParser.parse(text);
    }

    /** The single head of the graph. */
    record Head() implements Target {
        @Override
        public String toString() {
            return "head";
        }
    }

    /** Every head of the graph. */
    record Heads() implements Target {
        @Override
        public String toString() {
            return "heads";
        }
    }

    /** Nothing applied. */
    record Base() implements Target {
        @Override
        public String toString() {
            return "base";
        }
    }

    /** A full id, a release tag or a prefix of an id, resolved against the graph when planning. */
    record Revision(String idOrPrefix) implements Target {
        public Revision {
            Objects.requireNonNull(idOrPrefix, "idOrPrefix");
        }

        @Override
        public String toString() {
            return idOrPrefix;
        }
    }

    /** {@code +N} (steps &gt; 0) or {@code -N} (steps &lt; 0). */
    record Relative(int steps) implements Target {
        public Relative {
            if (steps == 0) {
                throw new IllegalArgumentException("a relative target moves at least one revision");
            }
        }

        @Override
        public String toString() {
            return steps > 0 ? "+" + steps : Integer.toString(steps);
        }
    }

    /** The head of the branch that the revision carrying {@code label} starts. */
    record BranchHead(String label) implements Target {
        public BranchHead {
            Objects.requireNonNull(label, "label");
        }

        @Override
        public String toString() {
            return label + "@head";
        }
    }
}
