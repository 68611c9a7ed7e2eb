package dev.migrate.fanout;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateConfig;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.Outcome;
import dev.migrate.testing.RevisionFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary row of a member credits this run only with what it moved. */
class SummaryCountsTest {

    @TempDir
    Path dir;

    @Test
    void aMemberAnotherRunMovedMeanwhileIsNotShownMovedByNoRevisions() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        files.add(R2 + "_b", R1, "CREATE TABLE b (id INT);", "DROP TABLE b;");
        MigrateConfig config = new MigrateConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null,
                null, dir, null);
        Summary summary = new FanOut(1, false).run(List.of(new Member("tenant", config)), (member, tally) -> {
            Migrator migrator = new Migrator(member.config(), MigrationListener.SILENT);
            tally.from(migrator.status());
            // another run, which this one waited for on the lock, upgrades the database first
            new Migrator(member.config(), MigrationListener.SILENT).upgrade("head");
            Outcome outcome = migrator.upgrade("head");
            tally.revisions(outcome.plan().steps().size());
            tally.to(outcome.after());
        });

        MemberResult row = summary.results().get(0);
        assertThat(row.revisions()).isZero();
        assertThat(row.from()).isEqualTo(row.to()).contains(R2);
    }
}
