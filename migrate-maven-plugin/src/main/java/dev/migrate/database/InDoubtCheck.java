package dev.migrate.database;

/**
 * What a resume found out about a statement that was started outside any transaction and never
 * recorded as done (its run died in between): whether it completed, as far as the product can tell.
 *
 * @param answer what to do with the statement
 * @param detail what was looked at and found, for the log or the message that stops the run
 */
public record InDoubtCheck(Answer answer, String detail) {

    /** What the resume does with the statement. */
    public enum Answer {
        /** It completed: continue after it. */
        DONE,
        /** It did not complete, or repeating it changes nothing: run it. */
        RUN,
        /** The product cannot tell: stop and let the user decide. */
        ASK
    }

    public static InDoubtCheck done(String detail) {
        return new InDoubtCheck(Answer.DONE, detail);
    }

    public static InDoubtCheck run(String detail) {
        return new InDoubtCheck(Answer.RUN, detail);
    }

    public static InDoubtCheck ask(String detail) {
        return new InDoubtCheck(Answer.ASK, detail);
    }
}
