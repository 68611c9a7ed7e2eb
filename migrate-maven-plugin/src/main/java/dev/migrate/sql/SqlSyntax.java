package dev.migrate.sql;

import java.util.List;

/**
 * The lexical rules of one database product's own client, which decide where its statements end:
 * the splitter and the tokenizer in this package know no product and ask this instead. A product
 * package supplies one (its client's rules), so that a file is split as that client would split it.
 */
public interface SqlSyntax {

    /** The lexical rules a syntax may switch on; each is off unless the syntax lists it. */
    enum Feature {
        /** {@code "..."} is a quoted identifier with {@code ""} for a quote. */
        DOUBLE_QUOTED_IDENTIFIERS,
        /** {@code "..."} is a string literal (MySQL without ANSI_QUOTES). */
        DOUBLE_QUOTED_STRINGS,
        /** {@code `...`} is a quoted identifier with {@code ``} for a backtick. */
        BACKTICK_IDENTIFIERS,
        /** A backslash escapes the next character in every string literal (MySQL). */
        BACKSLASH_ESCAPES,
        /** {@code E'...'} strings with backslash escapes, {@code B'', X'', N'', U&''} and PostgreSQL's
         * joining of string literals separated by a line break. */
        PREFIXED_STRINGS,
        /** {@code $tag$ ... $tag$} bodies, any tag (PostgreSQL). */
        DOLLAR_QUOTES,
        /** {@code $$ ... $$} strings only, without tags (H2). */
        DOUBLE_DOLLAR_STRINGS,
        /** {@code /* /* * / * /} block comments nest. */
        NESTED_BLOCK_COMMENTS,
        /** {@code #} starts a comment to the end of the line. */
        HASH_COMMENTS,
        /** {@code --} starts a comment only when followed by a blank, a control character or the end. */
        DASH_DASH_NEEDS_SPACE,
        /** {@code //} starts a comment to the end of the line (H2). */
        SLASH_SLASH_COMMENTS,
        /** {@code /*!NNNNN ... * /} and {@code /*M!NNNNN ... * /} are SQL to the server, not comments. */
        EXECUTABLE_COMMENTS,
        /** Semicolons inside parentheses do not end a statement (psql). */
        PARENTHESES_HOLD_SEMICOLONS,
        /** Semicolons inside an SQL-standard routine body ({@code BEGIN ATOMIC ... END}) do not end it. */
        BEGIN_ATOMIC_BODIES,
        /** Client {@code DELIMITER x} lines change the statement separator until the next one. */
        DELIMITER_COMMAND
    }

    /** How messages name these rules ({@code "PostgreSQL (psql)"}). */
    String name();

    /** Whether this syntax has {@code feature}. */
    boolean has(Feature feature);

    /**
     * Whether the statement is top-level transaction control (BEGIN, START TRANSACTION, COMMIT,
     * END, ROLLBACK, ABORT, PREPARE TRANSACTION ...), which would end the plugin's own transaction.
     * {@code ROLLBACK TO SAVEPOINT}, {@code SAVEPOINT} and {@code RELEASE} are not; a product whose
     * server knows more such statements adds them.
     */
    default boolean isTransactionControl(Statement statement) {
        List<String> words = StatementSplitter.leadingWords(statement.sql(), this, 3);
        String first = word(words, 0);
        String second = word(words, 1);
        switch (first) {
            case "begin":
                return !second.equals("atomic");
            case "start":
            case "prepare":
                return second.equals("transaction");
            case "commit":
            case "end":
            case "abort":
                return true;
            case "rollback":
                if (second.equals("work") || second.equals("transaction")) {
                    second = word(words, 2);
                }
                return !second.equals("to");
            default:
                return false;
        }
    }

    /** The {@code index}th of {@code words}, or "" past the end. */
    static String word(List<String> words, int index) {
        return index < words.size() ? words.get(index) : "";
    }
}
