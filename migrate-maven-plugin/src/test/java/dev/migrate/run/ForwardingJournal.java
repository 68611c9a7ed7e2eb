package dev.migrate.run;

import dev.migrate.database.Identifier;
import dev.migrate.graph.Direction;
import dev.migrate.revision.Revision;
import java.sql.SQLException;
import java.util.List;

/** A journal that hands every call to {@code journal}: a test overrides the calls it notes. */
class ForwardingJournal implements PlanRunner.Journal {

    private final PlanRunner.Journal journal;

    ForwardingJournal(PlanRunner.Journal journal) {
        this.journal = journal;
    }

    @Override
    public void starting(Revision revision, Direction direction, int first, boolean resumed) throws SQLException {
        journal.starting(revision, direction, first, resumed);
    }

    @Override
    public void started(Revision revision, Direction direction, int index) throws SQLException {
        journal.started(revision, direction, index);
    }

    @Override
    public void progressed(Revision revision, Direction direction, int done) throws SQLException {
        journal.progressed(revision, direction, done);
    }

    @Override
    public void failed(Revision revision, Direction direction, int index, String error) throws SQLException {
        journal.failed(revision, direction, index, error);
    }

    @Override
    public boolean finished(Revision revision, Direction direction, int statements, boolean rowWritten, long millis,
            boolean commit) throws SQLException {
        return journal.finished(revision, direction, statements, rowWritten, millis, commit);
    }

    @Override
    public List<String> finishingTexts(Revision revision, Direction direction) throws SQLException {
        return journal.finishingTexts(revision, direction);
    }

    @Override
    public void finishedInBatch(Revision revision, Direction direction, int rows) throws SQLException {
        journal.finishedInBatch(revision, direction, rows);
    }

    @Override
    public Identifier home() {
        return journal.home();
    }
}
