package dev.migrate.run;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.database.Identifier;
import dev.migrate.graph.GraphLoader;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.history.HistoryRowChangedException;
import dev.migrate.revision.Placeholders;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history write meant for one row that changes none (the row was deleted behind the migration
 * lock) fails loudly, and the revision's transaction is rolled back instead of committed.
 */
class HistoryRowCountTest {


    @TempDir
    Path dir;

    @OnBothDatabases
    void downgradeWhoseHistoryRowVanishedIsRolledBack(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_create_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        files.add(R2 + "_fill_a", R1, "INSERT INTO a VALUES (1);", "DELETE FROM a;");
        RevisionGraph graph = GraphLoader.load(dir, dev.migrate.database.Dialects.forUrl(db.url()).syntax(), Placeholders.NONE, null, null, db.url(), true);
        MigrationRun.Planner head = (g, applied) -> g.upgradePlan(Target.parse("head"), applied);
        run(db).move(graph, MigrationRun.Mode.RUN, head, ResumeChoice.NO, "upgrade");

        MigrationRun deletedBehindTheLock = run(db).withCheckpoints(point -> {
            if (point.equals(R2 + " down: before the journal's finish")) {
                db.execute("DELETE FROM migrate_history WHERE revision = '" + R2 + "'");
            }
        });
        assertThatThrownBy(() -> deletedBehindTheLock.move(graph, MigrationRun.Mode.RUN,
                (g, applied) -> g.downgradePlan(Target.parse(R1), applied), ResumeChoice.NO, "downgrade"))
                .isInstanceOf(HistoryRowChangedException.class)
                .hasMessageContaining("revision " + R2)
                .hasMessageContaining("(delete) changed 0 rows instead of exactly one")
                .hasMessageContaining("migrate:stamp");

        assertThat(db.column("SELECT id FROM a")).containsExactly("1");
    }

    private static MigrationRun run(TestDatabase db) {
        return new MigrationRun(dev.migrate.testing.Products.target(db.url()), Duration.ofSeconds(30),
                new RecordingListener());
    }
}
