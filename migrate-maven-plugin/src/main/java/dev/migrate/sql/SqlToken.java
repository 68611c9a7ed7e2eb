package dev.migrate.sql;

/**
 * A word or a punctuation mark of SQL as psql's lexical rules see it. String literals, dollar
 * quotes and comments are not tokens.
 *
 * @param text a word lower-cased, a quoted identifier without its quotes (as written), or the
 *     punctuation or number as written
 * @param word whether it is a keyword or identifier (quoted or not)
 * @param written the token as the text has it: its case, a quoted identifier with its quotes
 */
public record SqlToken(String text, boolean word, String written) {

    /** Whether it is a quoted identifier, which never reads as a keyword. */
    public boolean quoted() {
        return word && (written.endsWith("\"") || written.endsWith("`"));
    }
}
