package dev.migrate.fanout;

import java.time.Duration;

/**
 * What a run over many databases did on one of them: a row of the summary table.
 *
 * @param name the member's name
 * @param from where it stood before ({@code base}, revision ids, or {@code ?} when unknown)
 * @param to where it stands afterwards, also after a failure
 * @param revisions how many revisions ran (or were recorded, for stamp)
 * @param took wall time of this member's run
 * @param state how it ended
 * @param failure why it failed, or null
 */
public record MemberResult(String name, String from, String to, int revisions, Duration took, State state,
        Exception failure) {

    /** How one member's run ended. */
    public enum State {
        OK, FAILED, SKIPPED;

        /** The word in the summary table. */
        public String word() {
            return this == OK ? "ok" : this == FAILED ? "FAILED" : "skipped (fail fast)";
        }
    }

    public boolean failed() {
        return state == State.FAILED;
    }
}
