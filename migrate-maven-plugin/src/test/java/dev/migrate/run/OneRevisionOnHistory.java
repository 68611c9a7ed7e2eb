package dev.migrate.run;

import static dev.migrate.testing.Ids.R1;

import dev.migrate.database.Database;
import dev.migrate.database.Dialects;
import dev.migrate.database.Identifier;
import dev.migrate.graph.GraphLoader;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.revision.Placeholders;
import dev.migrate.revision.Revision;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ground of the tests that watch how a run writes the history table: a database of their
 * kind with the history table made and a connection open, and a revision written to a file of its own.
 */
abstract class OneRevisionOnHistory {

    static final Identifier HISTORY = new Identifier("migrate_history");

    private final TestDatabase.Kind kind;

    @TempDir
    Path dir;

    TestDatabase db;
    Database database;

    OneRevisionOnHistory(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void connect() throws SQLException {
        db = TestDatabase.create(kind);
        database = Database.connect(Dialects.forUrl(db.url()), db.url(), null, null);
        UncheckedRun.createHistoryTable(database, null, HISTORY);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
        db.close();
    }

    /** Revision R1 from base, with these upgrade and downgrade sections, as the graph loads it. */
    Revision revision(String upgrade, String downgrade) {
        RevisionFiles.in(dir).add(R1 + "_one", "base", upgrade, downgrade);
        RevisionGraph graph = GraphLoader.load(dir, Dialects.forUrl(db.url()).syntax(), Placeholders.NONE, null, null,
                db.url(), true);
        return graph.upgradePlan(Target.parse("head"), Set.of()).steps().get(0);
    }
}
