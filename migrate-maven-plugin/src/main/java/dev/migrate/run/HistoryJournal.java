package dev.migrate.run;

import dev.migrate.database.Identifier;
import dev.migrate.graph.Direction;
import dev.migrate.history.ExecutedStatements;
import dev.migrate.history.RowState;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Section;
import java.sql.SQLException;

/**
 * The history writes a plan's revisions make as they run: the one place a run writes the history
 * table while revisions run, in whatever transaction {@link PlanRunner} has open.
 *
 * <p>A scratch journal (verify's and autogenerate's databases, thrown away after the run) writes
 * only what a crash could not lose anyway: a revision run statement by statement gets its first
 * write (which finds a row that should not be there, or misses one that should, as before) and its
 * last, but not the writes between its statements. Where DDL commits on its own each of those is a
 * commit of its own, and they only matter to a resume, which no scratch database gets. A revision
 * whose statements may name the history table gets every write, so that what it does to the table
 * meets the journal as in a real run.
 */
final class HistoryJournal implements PlanRunner.Journal {

    private final HistoryTable history;
    /**
     * Whether a row that is not there to remove stops the run (a real run: the table was changed
     * behind the lock); verify's scratch runs are not strict, since a revision that removes history
     * rows is what verify reports, from its own reading of the table.
     */
    private final boolean strict;
    /** Whether the database is thrown away after the run: no progress between first and last write is kept. */
    private final boolean scratch;
    /** The rows of squashes counted as applied, written with the run's writes. */
    private final SquashRows squashRows;
    /** The revision and direction running without the writes between its statements, or null. */
    private String unjournaled;

    /** The journal of a real run: every write, for exactly-once. */
    HistoryJournal(HistoryTable history, SquashRows squashRows) {
        this(history, true, false, squashRows);
    }

    private HistoryJournal(HistoryTable history, boolean strict, boolean scratch, SquashRows squashRows) {
        this.history = history;
        this.strict = strict;
        this.scratch = scratch;
        this.squashRows = squashRows;
    }

    /** The journal of a database thrown away after the run (see the class comment). */
    static HistoryJournal forScratch(HistoryTable history) {
        return new HistoryJournal(history, false, true, SquashRows.NONE);
    }

    @Override
    public Identifier home() {
        return history.home();
    }

    @Override
    public void starting(Revision revision, Direction direction, int first, boolean resumed) throws SQLException {
        squashRows.beforeWrite(history);
        boolean up = direction == Direction.UP;
        if (!up) {
            recordCountedSquash(revision);
        }
        if (up && !resumed) {
            history.insert(revision, 0, RowState.RUNNING);
        } else {
            history.update(revision, up ? RowState.RUNNING : RowState.RUNNING_DOWN, first,
                    done(revision, direction, first), null, 0);
        }
        unjournaled = scratch && !resumed && section(revision, direction).statements().stream()
                .noneMatch(statement -> history.mayBeNamedIn(statement.sql())) ? key(revision, direction) : null;
    }

    @Override
    public void started(Revision revision, Direction direction, int index) throws SQLException {
        if (key(revision, direction).equals(unjournaled)) {
            return;
        }
        squashRows.beforeWrite(history);
        history.update(revision, direction == Direction.UP ? RowState.STARTED : RowState.STARTED_DOWN, index,
                done(revision, direction, index), null, 0);
    }

    @Override
    public void progressed(Revision revision, Direction direction, int done) throws SQLException {
        if (key(revision, direction).equals(unjournaled)) {
            return;
        }
        squashRows.beforeWrite(history);
        history.update(revision, direction == Direction.UP ? RowState.RUNNING : RowState.RUNNING_DOWN, done,
                done(revision, direction, done), null, 0);
    }

    @Override
    public void failed(Revision revision, Direction direction, int index, String error) throws SQLException {
        unjournaled = null;
        squashRows.beforeWrite(history);
        history.update(revision, direction == Direction.UP ? RowState.FAILED : RowState.FAILED_DOWN, index,
                done(revision, direction, index), error, 0);
    }

    @Override
    public boolean finished(Revision revision, Direction direction, int statements, boolean rowWritten, long millis,
            boolean commit) throws SQLException {
        unjournaled = null;
        squashRows.beforeWrite(history);
        boolean committing = commit && commitsWithLastWrite(revision, direction, rowWritten);
        if (direction == Direction.DOWN) {
            recordCountedSquash(revision);
            if (strict) {
                history.delete(revision.id());
            } else {
                history.deleteIfPresent(revision.id(), committing);
            }
            for (String replaced : revision.replaces()) {
                history.deleteIfPresent(replaced);
            }
        } else if (rowWritten) {
            history.update(revision, RowState.APPLIED, statements, null, millis);
        } else {
            history.insert(revision, millis, RowState.APPLIED, 0, committing);
        }
        squashRows.written(revision, direction, history);
        return committing;
    }

    /**
     * A scratch run's last write, where it commits with the revision ({@link #commitsWithLastWrite})
     * and the revision's statements do not name the table: as text, to go in the batch of the
     * statements. Only a scratch run's: its row records no duration (see {@link HistoryTable#insertText}).
     */
    @Override
    public java.util.List<String> finishingTexts(Revision revision, Direction direction) throws SQLException {
        if (!scratch || !commitsWithLastWrite(revision, direction, false) || section(revision, direction).statements()
                .stream().anyMatch(statement -> history.mayBeNamedIn(statement.sql()))) {
            return java.util.List.of();
        }
        String write = direction == Direction.DOWN ? history.deleteText(revision.id())
                : history.insertText(revision, RowState.APPLIED);
        return write == null ? java.util.List.of() : java.util.List.of(write, "COMMIT");
    }

    @Override
    public void finishedInBatch(Revision revision, Direction direction, int rows) throws SQLException {
        unjournaled = null;
        if (direction == Direction.DOWN) {
            history.deletedAsText(revision.id(), rows);
        }
        squashRows.written(revision, direction, history);
    }

    /**
     * Whether the commit can go with the revision's last history write, in one round trip: where
     * that write is the last one (no squash row or replaced rows follow it) and no check of its
     * count has to stop the commit. That is an insert, which fails on its own, or a scratch run's
     * removal, on a table whose key the revision's statements leave alone (they do not name it).
     * A strict removal or an update counts its rows after the write, before the commit.
     */
    private boolean commitsWithLastWrite(Revision revision, Direction direction, boolean rowWritten) {
        if (!history.database().dialect().commitsWithWrite() || !revision.replaces().isEmpty()
                || squashRows.mayWriteAfter(revision)) {
            return false;
        }
        if (direction == Direction.UP) {
            return !rowWritten;
        }
        return !strict && section(revision, direction).statements().stream()
                .noneMatch(statement -> history.mayBeNamedIn(statement.sql()));
    }

    /**
     * A squash counted as applied because the database ran the revisions it replaces has no row of
     * its own yet: it gets one now, in the transaction of the first run that writes for it (its
     * downgrade), so the journal has a row to follow and to remove with the replaced ones.
     */
    private void recordCountedSquash(Revision revision) throws SQLException {
        if (!revision.replaces().isEmpty() && !history.hasRow(revision.id())) {
            history.insert(revision, 0, RowState.APPLIED);
        }
    }

    private static String key(Revision revision, Direction direction) {
        return revision.id() + " " + direction;
    }

    private static Section section(Revision revision, Direction direction) {
        return direction == Direction.UP ? revision.upgrade() : revision.downgrade();
    }

    /** What a resume will hold the file against: the statements that completed. */
    private static String done(Revision revision, Direction direction, int count) {
        return ExecutedStatements.checksums(section(revision, direction), count);
    }
}
