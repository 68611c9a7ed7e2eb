package dev.migrate.sql;

import java.util.BitSet;
import java.util.List;

/**
 * A whole file scanned once: its top-level lines, and the statements of any run of its lines that
 * the scan can vouch for, so that a parser need not scan each part of the file a second time.
 */
public final class ScannedFile {

    private final BitSet topLevelLines;
    private final SqlScanner scan;

    ScannedFile(BitSet topLevelLines, SqlScanner scan) {
        this.topLevelLines = topLevelLines;
        this.scan = scan;
    }

    /** As {@link StatementSplitter#topLevelLines(String, SqlSyntax, java.util.function.Predicate)} gives them. */
    public BitSet topLevelLines() {
        return topLevelLines;
    }

    /**
     * What {@link StatementSplitter#split} would give for the text of lines {@code firstLine} up to
     * (not including) {@code endLine}, split on its own; {@code endLine} past the last line means to
     * the end of the text. Null when this scan cannot tell, and the caller splits that text itself:
     * the scan failed somewhere, or it had something open (a statement, a parenthesis, a changed
     * separator ...) at the start of either line, so that the part alone would be read differently.
     */
    public List<Statement> statementsOfLines(int firstLine, int endLine) {
        BitSet resting = scan.restingLines();
        boolean toTheEnd = endLine > scan.lastLine();
        if (scan.failure() != null || !resting.get(firstLine) || !(toTheEnd || resting.get(endLine))) {
            return null;
        }
        List<Statement> all = scan.statements();
        int from = 0;
        while (from < all.size() && all.get(from).line() < firstLine) {
            from++;
        }
        int to = from;
        while (to < all.size() && (toTheEnd || all.get(to).line() < endLine)) {
            to++;
        }
        return List.copyOf(all.subList(from, to));
    }
}
