package dev.migrate.history;

import dev.migrate.revision.Checksums;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Section;
import dev.migrate.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a revision that stopped halfway had already run: one short checksum per executed statement,
 * kept in its history row. Resuming it compares them with the file, so a statement that already ran
 * cannot be edited behind the database's back; statements that have not run yet may change.
 */
public final class ExecutedStatements {

    /** Hex digits kept of each statement's SHA-256: enough to notice an edit, short enough for long revisions. */
    static final int DIGITS = 8;
    /** At most this many are recorded, so the column fits every database's text type; later ones go unchecked. */
    static final int MAX_RECORDED = 400;

    private ExecutedStatements() {
    }

    /** The checksums of the first {@code count} statements of {@code section}, comma separated. */
    public static String checksums(Section section, int count) {
        List<Statement> statements = section.statements();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(Math.min(count, statements.size()), MAX_RECORDED); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(of(statements.get(i)));
        }
        return out.toString();
    }

    /**
     * The statements among those {@code row} records as executed that differ in {@code section}
     * now, as messages naming each; empty when none changed or the row predates the record.
     */
    public static List<String> edited(Revision revision, Section section, AppliedRevision row) {
        if (row.doneChecksums() == null) {
            return List.of();
        }
        String[] recorded = row.doneChecksums().isEmpty() ? new String[0] : row.doneChecksums().split(",");
        List<Statement> statements = section.statements();
        List<String> edited = new ArrayList<>();
        if (statements.size() < row.statementsDone()) {
            edited.add(revision.fileName() + " now has " + statements.size() + " statement(s) in that section, but "
                    + row.statementsDone() + " had already run");
        }
        for (int i = 0; i < Math.min(recorded.length, statements.size()); i++) {
            if (!recorded[i].equals(of(statements.get(i)))) {
                edited.add("statement " + (i + 1) + " (" + revision.fileName() + ":" + statements.get(i).line()
                        + ") ran before the revision stopped, and was edited since");
            }
        }
        return edited;
    }

    private static String of(Statement statement) {
        return Checksums.sha256(statement.sql()).substring(0, DIGITS);
    }
}
