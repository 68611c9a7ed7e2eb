package dev.migrate;

import dev.migrate.testing.Configs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.graph.InvalidTargetException;
import dev.migrate.report.HistoryGraph;
import dev.migrate.report.Reports;
import dev.migrate.history.Status;
import dev.migrate.revision.Revision;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release tags as targets of every goal, and a squash beside the chain it replaces, on real
 * databases: A (table a) &lt;- B (table b, tagged release-1.0) &lt;- C (a row in a) &lt;- D (table d),
 * and S (parents: base) replacing A B C.
 */
class TagsAndSquashOnDatabasesTest {

    static final String A = "20260101000001";
    static final String B = "20260101000002";
    static final String C = "20260101000003";
    static final String D = "20260101000004";
    static final String S = "20260101000005";

    @TempDir
    Path dir;

    Migrator migrator(TestDatabase db) {
        return new Migrator(Configs.config(db.url(), dir), new RecordingListener());
    }

    void chain(boolean withSquash) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(A + "_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.addWithHeader(B + "_b", "-- parents: " + A + "\n-- tags: release-1.0", "CREATE TABLE b (id INT);",
                "DROP TABLE b;");
        files.add(C + "_c", B, "INSERT INTO a (id) VALUES (7);", "DELETE FROM a WHERE id = 7;");
        files.addWithHeader(D + "_d", "-- parents: " + C + "\n-- tags: 2026.11", "CREATE TABLE d (id INT);",
                "DROP TABLE d;");
        if (withSquash) {
            files.addWithHeader(S + "_squash", "-- parents: base\n-- message: squash\n-- replaces: " + A + ", " + B
                    + ", " + C, "CREATE TABLE a (id INT PRIMARY KEY);\nCREATE TABLE b (id INT);\n"
                            + "INSERT INTO a (id) VALUES (7);", "DROP TABLE b;\nDROP TABLE a;");
        }
    }

    void pruneReplacedFiles() throws java.io.IOException {
        for (String file : List.of(A + "_a.sql", B + "_b.sql", C + "_c.sql")) {
            Files.delete(dir.resolve(file));
        }
    }

    List<String> history(TestDatabase db) {
        return db.column("SELECT revision FROM migrate_history ORDER BY revision");
    }

    List<String> tables(TestDatabase db) {
        return db.tables().stream().map(String::toLowerCase).filter(t -> !t.startsWith("migrate")).sorted().toList();
    }

    @OnBothDatabases
    void movesToTagsInUpgradeDowngradeAndStamp(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        chain(false);
        Migrator migrator = migrator(db);

        migrator.upgrade("release-1.0");
        assertThat(tables(db)).containsExactly("a", "b");
        migrator.upgrade("2026.11");
        assertThat(tables(db)).containsExactly("a", "b", "d");
        migrator.downgrade("release-1.0");
        assertThat(tables(db)).containsExactly("a", "b");
        assertThat(history(db)).containsExactly(A, B);
        migrator.stamp("2026.11");
        assertThat(history(db)).containsExactly(A, B, C, D);
        assertThat(tables(db)).containsExactly("a", "b");

        Status status = migrator.status();
        assertThat(Reports.current(status)).anySatisfy(line -> assertThat(line).startsWith(D).contains("[tags: 2026.11]"));
        assertThat(Reports.history(status)).anySatisfy(line -> assertThat(line).contains(B).contains("tags release-1.0"));
        assertThat(HistoryGraph.select(status, "release-1.0:2026.11")).containsExactly(B, C, D);
        assertThat(Reports.show(status, status.graph().resolve("release-1.0"), true)).contains("Tags:          release-1.0");
    }

    @OnBothDatabases
    void aNewDatabaseRunsTheSquashAndGoesOnAfterIt(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        chain(true);
        Migrator migrator = migrator(db);

        Outcome outcome = migrator.upgrade("head");

        assertThat(outcome.plan().steps()).extracting(Revision::id).containsExactly(S, D);
        assertThat(history(db)).containsExactlyInAnyOrder(S, D);
        assertThat(tables(db)).containsExactly("a", "b", "d");
        assertThat(db.column("SELECT id FROM a")).containsExactly("7");
        Status status = migrator.status();
        assertThat(status.pending()).isEmpty();
        assertThat(status.isApplied(B)).isTrue();
        assertThat(Reports.where(status)).isEqualTo(D + " (head)");

        assertThatThrownBy(() -> migrator.downgrade("release-1.0")).isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("built by the squash " + S);
        assertThat(tables(db)).containsExactly("a", "b", "d");
        migrator.downgrade("base");
        assertThat(tables(db)).isEmpty();
        assertThat(history(db)).isEmpty();
    }

    @OnBothDatabases
    void aDatabaseInsideTheRangeRunsTheRestOfTheChain(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        chain(false);
        migrator(db).upgrade("release-1.0");
        chain(true);

        Outcome outcome = migrator(db).upgrade("head");

        assertThat(outcome.plan().steps()).extracting(Revision::id).containsExactly(C, D);
        // the revision that completes the range records the squash with it
        assertThat(history(db)).containsExactly(A, B, C, D, S);
        assertThat(db.column("SELECT id FROM a")).containsExactly("7");
        assertThat(migrator(db).status().isApplied(S)).isTrue();
        migrator(db).downgrade("release-1.0");
        assertThat(history(db)).containsExactly(A, B);
        assertThat(db.column("SELECT COUNT(*) FROM a")).containsExactly("0");
    }

    @OnBothDatabases
    void aDatabasePastTheRangeCountsTheSquashAsAppliedAndSurvivesPruning(BothDatabases.Lazy lazy) throws Exception {
        TestDatabase db = lazy.get();
        chain(false);
        migrator(db).upgrade("head");
        chain(true);

        assertThat(migrator(db).upgrade("head").plan().steps()).isEmpty();
        assertThat(migrator(db).status().isApplied(S)).isTrue();

        pruneReplacedFiles();
        assertThat(migrator(db).upgrade("head").plan().steps()).isEmpty();
        assertThat(migrator(db).validate(true).pending()).isEmpty();

        migrator(db).downgrade("base");
        assertThat(tables(db)).isEmpty();
        assertThat(history(db)).isEmpty();
    }

    static final String E = "20260101000006";

    void afterTheRange() {
        RevisionFiles.in(dir).add(E + "_e", D, "CREATE TABLE e (id INT);", "DROP TABLE e;");
    }

    @OnBothDatabases
    void aDatabasePastTheRangeRecordsTheSquashWithItsNextUpgrade(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        chain(false);
        migrator(db).upgrade("head");
        chain(true);
        afterTheRange();

        assertThat(migrator(db).upgrade("head").plan().steps()).extracting(Revision::id).containsExactly(E);

        assertThat(history(db)).containsExactly(A, B, C, D, S, E);
        // a revision of the range that goes down takes the squash's row with it
        migrator(db).downgrade("release-1.0");
        assertThat(history(db)).containsExactly(A, B);
        assertThat(migrator(db).status().isApplied(S)).isFalse();
        assertThat(migrator(db).upgrade("head").plan().steps()).extracting(Revision::id).containsExactly(C, D, E);
        assertThat(history(db)).containsExactly(A, B, C, D, S, E);
        assertThat(db.column("SELECT id FROM a")).containsExactly("7");
    }

    @OnBothDatabases
    void aDatabasePastTheRangeRecordsTheSquashWithItsNextStamp(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        chain(false);
        migrator(db).upgrade(C);
        chain(true);

        migrator(db).stamp("head");

        assertThat(history(db)).containsExactly(A, B, C, D, S);
        migrator(db).stamp(B);
        assertThat(history(db)).containsExactly(A, B);
    }

    /** The chain run to head, the squash written and its replaced files pruned, then E run: the squash gets its row. */
    void prunedAfterTheChainThenUpgraded(TestDatabase db) throws Exception {
        chain(false);
        migrator(db).upgrade("head");
        chain(true);
        pruneReplacedFiles();
        afterTheRange();
        migrator(db).upgrade("head");
        assertThat(history(db)).containsExactly(A, B, C, D, S, E);
    }

    @OnBothDatabases
    void aPrunedSquashIsRecordedWithTheNextUpgradeAndUndoneAsAWhole(BothDatabases.Lazy lazy) throws Exception {
        TestDatabase db = lazy.get();

        prunedAfterTheChainThenUpgraded(db);

        migrator(db).downgrade("base");
        assertThat(tables(db)).isEmpty();
        assertThat(history(db)).isEmpty();
    }

    @OnBothDatabases
    void aStampDownThroughAPrunedSquashTakesTheReplacedRevisionsRowsWithIt(BothDatabases.Lazy lazy) throws Exception {
        TestDatabase db = lazy.get();
        chain(false);
        migrator(db).upgrade("head");
        chain(true);
        pruneReplacedFiles();

        // the squash has no row of its own yet: the replaced revisions' rows stand for it
        stampedToBaseThenHead(db, D, S);
    }

    @OnBothDatabases
    void aStampDownThroughARecordedPrunedSquashLeavesNoRowOfTheRange(BothDatabases.Lazy lazy) throws Exception {
        TestDatabase db = lazy.get();
        prunedAfterTheChainThenUpgraded(db);

        stampedToBaseThenHead(db, D, S, E);
    }

    /** A stamp to base leaves no row and the squash not applied; a stamp back to head leaves {@code rows}. */
    void stampedToBaseThenHead(TestDatabase db, String... rows) {
        migrator(db).stamp("base");

        assertThat(history(db)).isEmpty();
        assertThat(migrator(db).status().isApplied(S)).isFalse();
        migrator(db).stamp("head");
        assertThat(history(db)).containsExactly(rows);
    }

    @OnBothDatabases
    void aStampDownThroughASquashBesideItsChainLeavesTheHistoryConsistent(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        chain(true);
        migrator(db).upgrade("head");
        assertThat(history(db)).containsExactly(D, S);

        migrator(db).stamp("base");

        assertThat(history(db)).isEmpty();
        migrator(db).stamp(C);
        assertThat(history(db)).containsExactly(S);
        migrator(db).stamp("base");
        assertThat(history(db)).isEmpty();
    }
}
