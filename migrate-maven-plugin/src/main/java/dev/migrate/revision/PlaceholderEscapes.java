package dev.migrate.revision;

import dev.migrate.sql.SqlSyntax;
import dev.migrate.sql.SqlToken;
import dev.migrate.sql.Statement;
import dev.migrate.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

/**
 * Finds placeholder values that change the shape of the SQL they are put into: a value that adds a
 * statement ({@code x'; DROP TABLE t; --}) or closes the quote or comment it stands in
 * ({@code a', 'b}). The split of the replaced text is compared with the split of the text as
 * written: the same number of statements, and in each the same words and punctuation, but for a
 * placeholder written outside any quote, whose value's own words stand in for it.
 */
final class PlaceholderEscapes {

    private PlaceholderEscapes() {
    }

    /**
     * The names of the placeholders, in order, of the first statement whose shape their values
     * change; empty when every value stays where it was written.
     *
     * @param text the section as written
     * @param written the section's statements as written ({@code ${name}} in place)
     * @param replaced the statements with the placeholders replaced
     * @param value a placeholder's value by name, null for {@code $${name}} or one without a value
     */
    static List<String> find(String text, List<Statement> written, List<Statement> replaced,
            UnaryOperator<String> value, SqlSyntax syntax) {
        int common = Math.min(written.size(), replaced.size());
        for (int i = 0; i < common; i++) {
            String sql = written.get(i).sql();
            if (sql.indexOf("${") >= 0 && !sameShape(sql, replaced.get(i).sql(), value, syntax)) {
                return names(sql);
            }
        }
        if (written.size() != replaced.size()) {
            // the statements agree up to the last one that was written: its values added more
            for (int i = Math.min(common, written.size() - 1); i >= 0; i--) {
                if (written.get(i).sql().indexOf("${") >= 0) {
                    return names(written.get(i).sql());
                }
            }
            return names(text); // the placeholders stand between statements (in comments)
        }
        return List.of();
    }

    private static boolean sameShape(String written, String replaced, UnaryOperator<String> value, SqlSyntax syntax) {
        List<SqlToken> expected = new ArrayList<>();
        List<SqlToken> tokens = StatementSplitter.tokens(written, syntax);
        for (int i = 0; i < tokens.size(); i++) {
            int end = placeholderEnd(tokens, i);
            if (end < 0) {
                SqlToken token = tokens.get(i);
                // a quoted identifier keeps its placeholders inside its one token
                expected.add(token.text().indexOf("${") < 0 ? token
                        : new SqlToken(replaceIn(token.text(), value), token.word(),
                                replaceIn(token.written(), value)));
                continue;
            }
            String name = nameOf(written, tokens, i, end);
            String replacement = name == null ? null : value.apply(name);
            if (replacement == null) {
                return true; // a literal $${name} or a missing value: not this check's business
            }
            expected.addAll(StatementSplitter.tokens(replacement, syntax));
            i = end;
        }
        return expected.equals(StatementSplitter.tokens(replaced, syntax));
    }

    private static String replaceIn(String text, UnaryOperator<String> value) {
        Matcher matcher = Placeholders.PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = matcher.group(1).isEmpty() ? value.apply(matcher.group(2)) : null;
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? matcher.group() : replacement));
        }
        return matcher.appendTail(out).toString();
    }

    /** The index of the {@code }} that closes a {@code ${...}} starting at {@code i}, or -1. */
    private static int placeholderEnd(List<SqlToken> tokens, int i) {
        if (i + 2 >= tokens.size() || !tokens.get(i).text().equals("$") || !tokens.get(i + 1).text().equals("{")) {
            return -1;
        }
        for (int j = i + 2; j < tokens.size(); j++) {
            if (tokens.get(j).text().equals("}")) {
                return j;
            }
        }
        return -1;
    }

    /** The placeholder name (as written) whose lower-cased tokens lie between {@code i} and {@code end}. */
    private static String nameOf(String written, List<SqlToken> tokens, int i, int end) {
        StringBuilder joined = new StringBuilder();
        for (int j = i + 2; j < end; j++) {
            joined.append(tokens.get(j).text());
        }
        for (String name : names(written)) {
            if (name.toLowerCase(Locale.ROOT).equals(joined.toString().toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
        return null;
    }

    private static List<String> names(String sql) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = Placeholders.PLACEHOLDER.matcher(sql);
        while (matcher.find()) {
            if (matcher.group(1).isEmpty()) {
                names.add(matcher.group(2));
            }
        }
        return List.copyOf(names);
    }
}
