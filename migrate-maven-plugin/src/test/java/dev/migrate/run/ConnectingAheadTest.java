package dev.migrate.run;

import static dev.migrate.testing.Ids.R1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateConfig;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.graph.GraphLoader;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.revision.InvalidRevisionsException;
import dev.migrate.revision.Placeholders;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run can open its connections (its own and the migration lock's) while the caller still reads
 * the revision files: the server starts both sessions meanwhile, the move takes them, and whatever
 * no move took is closed, also when the files cannot be read.
 */
class ConnectingAheadTest {

    @TempDir
    Path dir;

    private static final String OURS = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND application_name = 'migrate-maven-plugin'";

    private MigrationRun run(TestDatabase db) {
        return new MigrationRun(dev.migrate.testing.Products.target(db.url()), Duration.ofSeconds(30),
                new RecordingListener());
    }

    private RevisionGraph oneRevision(TestDatabase db) {
        RevisionFiles.in(dir).add(R1 + "_create_seen", "base", "CREATE TABLE seen (n INT);", "DROP TABLE seen;");
        return GraphLoader.load(dir, dev.migrate.database.Dialects.forUrl(db.url()).syntax(), Placeholders.NONE, null,
                null, db.url(), true);
    }

    /** The plugin's sessions on {@code db} once they number {@code expected}, or after 10 s. */
    private static int sessionsOnceThere(TestDatabase db, int expected) throws InterruptedException {
        int sessions = -1;
        for (int i = 0; i < 200 && sessions != expected; i++) {
            sessions = sessions(db);
            if (sessions != expected) {
                Thread.sleep(50);
            }
        }
        return sessions;
    }

    /**
     * The plugin's sessions on {@code db} once none has been seen for 2 s in a row (a session still
     * starting shows within that), or the count after 10 s.
     */
    private static int sessionsOnceNoneFor2Seconds(TestDatabase db) throws InterruptedException {
        int sessions = -1;
        for (int i = 0, quiet = 0; i < 100 && quiet < 20; i++) {
            sessions = sessions(db);
            quiet = sessions == 0 ? quiet + 1 : 0;
            Thread.sleep(100);
        }
        return sessions;
    }

    private static int sessions(TestDatabase db) {
        return Integer.parseInt(db.column(OURS).get(0));
    }

    @Test
    void bothSessionsStartBeforeTheMoveWhichThenRunsOnThemAndClosesThem() throws InterruptedException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionGraph graph = oneRevision(db);
            try (MigrationRun run = run(db).connectingAhead()) {
                assertThat(sessionsOnceThere(db, 2)).isEqualTo(2);

                MigrationRun.Result result = run.move(graph, MigrationRun.Mode.RUN,
                        (g, applied) -> g.upgradePlan(Target.parse("head"), applied), ResumeChoice.NO, "upgrade");

                assertThat(result.after().appliedIds()).containsExactly(R1);
            }
            assertThat(db.column("SELECT revision || ' ' || state FROM migrate_history")).containsExactly(R1 + " applied");
            assertThat(sessionsOnceThere(db, 0)).isZero();
        }
    }

    @Test
    void sessionsOpenedAheadThatNoMoveTookAreClosed() throws InterruptedException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            try (MigrationRun run = run(db).connectingAhead()) {
                assertThat(sessionsOnceThere(db, 2)).isEqualTo(2);
            }
            assertThat(sessionsOnceThere(db, 0)).isZero();
        }
    }

    @Test
    void anUpgradeRefusedForItsFilesIsRefusedAsBeforeAndLeavesNoSessionOpen() throws InterruptedException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles.in(dir).add(R1 + "_orphan", "20200101000000", "CREATE TABLE seen (n INT);", "DROP TABLE seen;");
            Migrator migrator = new Migrator(new MigrateConfig(db.url(), null, null, null, dir, null),
                    MigrationListener.SILENT);

            assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(InvalidRevisionsException.class)
                    .hasMessageContaining("20200101000000");

            assertThat(sessionsOnceNoneFor2Seconds(db)).isZero();
            assertThat(db.tables()).isEmpty();
        }
    }
}
