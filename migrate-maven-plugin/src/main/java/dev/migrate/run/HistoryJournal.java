package dev.migrate.run;

import dev.migrate.graph.Direction;
import dev.migrate.history.ExecutedStatements;
import dev.migrate.history.RowState;
import dev.migrate.revision.Revision;
import java.sql.SQLException;

/**
 * The history writes a plan's revisions make as they run: the one place a run writes the history
 * table while revisions run, in whatever transaction {@link PlanRunner} has open.
 *
 * @param strict whether a row that is not there to remove stops the run (a real run: the table was
 *     changed behind the lock); verify's scratch runs are not strict, since a revision that removes
 *     history rows is what verify reports, from its own reading of the table
 * @param squashRows the rows of squashes counted as applied, written with the run's writes
 */
record HistoryJournal(HistoryTable history, boolean strict, SquashRows squashRows) implements PlanRunner.Journal {

    HistoryJournal(HistoryTable history, SquashRows squashRows) {
        this(history, true, squashRows);
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
    }

    @Override
    public void started(Revision revision, Direction direction, int index) throws SQLException {
        squashRows.beforeWrite(history);
        history.update(revision, direction == Direction.UP ? RowState.STARTED : RowState.STARTED_DOWN, index,
                done(revision, direction, index), null, 0);
    }

    @Override
    public void progressed(Revision revision, Direction direction, int done) throws SQLException {
        squashRows.beforeWrite(history);
        history.update(revision, direction == Direction.UP ? RowState.RUNNING : RowState.RUNNING_DOWN, done,
                done(revision, direction, done), null, 0);
    }

    @Override
    public void failed(Revision revision, Direction direction, int index, String error) throws SQLException {
        squashRows.beforeWrite(history);
        history.update(revision, direction == Direction.UP ? RowState.FAILED : RowState.FAILED_DOWN, index,
                done(revision, direction, index), error, 0);
    }

    @Override
    public void finished(Revision revision, Direction direction, int statements, boolean rowWritten, long millis)
            throws SQLException {
        squashRows.beforeWrite(history);
        if (direction == Direction.DOWN) {
            recordCountedSquash(revision);
            if (strict) {
                history.delete(revision.id());
            } else {
                history.deleteIfPresent(revision.id());
            }
            for (String replaced : revision.replaces()) {
                history.deleteIfPresent(replaced);
            }
        } else if (rowWritten) {
            history.update(revision, RowState.APPLIED, statements, null, millis);
        } else {
            history.insert(revision, millis, RowState.APPLIED);
        }
        squashRows.written(revision, direction, history);
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

    /** What a resume will hold the file against: the statements that completed. */
    private static String done(Revision revision, Direction direction, int count) {
        return ExecutedStatements.checksums(direction == Direction.UP ? revision.upgrade() : revision.downgrade(),
                count);
    }
}
