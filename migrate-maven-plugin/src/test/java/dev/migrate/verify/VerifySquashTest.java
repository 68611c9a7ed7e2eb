package dev.migrate.verify;

import static dev.migrate.verify.VerifyFixture.errors;
import static dev.migrate.verify.VerifyFixture.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Verify on a history with a squash: the chain in the stairway, the squash in the full cycle, held together. */
class VerifySquashTest {

    static final String A = "20260101000001";
    static final String B = "20260101000002";
    static final String C = "20260101000003";
    static final String S = "20260101000009";

    @TempDir
    Path dir;

    void chain() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(A + "_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        files.add(B + "_b", A, "ALTER TABLE a ADD COLUMN n INT;", "ALTER TABLE a DROP COLUMN n;");
        files.add(C + "_c", B, "CREATE TABLE c (id INT);", "DROP TABLE c;");
    }

    @OnBothDatabases
    void passesASquashThatBuildsWhatTheChainBuilds(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        chainAndASquashFromBase("CREATE TABLE a (id INT, n INT);", "DROP TABLE a;");

        assertThat(errors(verify(db, dir))).isEmpty();
    }

    @OnBothDatabases
    void reportsASquashThatBuildsSomethingElse(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        chainAndASquashFromBase("CREATE TABLE a (id INT);", "DROP TABLE a;");

        assertThat(errors(verify(db, dir))).anySatisfy(message -> assertThat(message).contains("re-upgrade to head"));
    }

    @OnBothDatabases
    void reportsASquashWhoseDowngradeDoesNotReturnToBase(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        chainAndASquashFromBase("CREATE TABLE a (id INT, n INT);", "ALTER TABLE a DROP COLUMN n;");

        assertThat(errors(verify(db, dir))).anySatisfy(message -> assertThat(message)
                .contains("the downgrade of the squash " + S + "_squash").containsIgnoringCase("table a"));
    }

    @OnBothDatabases
    void reportsASquashWhoseDowngradeDoesNotReturnToTheRevisionItFollows(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        chainAndASquashFromA("DROP TABLE c;");

        assertThat(errors(verify(db, dir))).anySatisfy(message -> assertThat(message)
                .contains("the downgrade of the squash " + S + "_squash").containsIgnoringCase("column")
                .containsIgnoringCase("n"));
    }

    @OnBothDatabases
    void holdsASquashAgainstTheChainWhenAnIrreversibleRevisionStopsTheFullCycle(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(A + "_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        files.addWithHeader(B + "_b", "-- parents: " + A + "\n-- irreversible: true", "ALTER TABLE a ADD COLUMN n INT;",
                "");
        files.addWithHeader(S + "_squash", "-- parents: base\n-- replaces: " + A + ", " + B,
                "CREATE TABLE a (id INT);", "DROP TABLE a;");

        assertThat(errors(verify(db, dir))).anySatisfy(message -> assertThat(message)
                .contains("upgrade of a new database through the squashes").containsIgnoringCase("n"));
    }

    @OnBothDatabases
    void holdsASquashAgainstTheChainWhenADowngradeOfTheChainFailsInTheFullCycle(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        // as LemmyNet/lemmy's downgrades written for a newer server: the chain cannot go down to base
        files.add(A + "_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        files.add(B + "_b", A, "ALTER TABLE a ADD COLUMN n INT;", "ALTER TABLE nowhere DROP COLUMN n;");
        files.addWithHeader(S + "_squash", "-- parents: base\n-- replaces: " + A + ", " + B,
                "CREATE TABLE a (id INT);", "DROP TABLE a;");

        assertThat(errors(verify(db, dir))).anySatisfy(message -> assertThat(message)
                .contains("upgrade of a new database through the squashes").containsIgnoringCase("n"));
    }

    @OnBothDatabases
    void holdsASquashOnANewDatabaseWhenTheChainsDowngradeLeavesWhatTheReUpgradeFailsOn(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles files = RevisionFiles.in(dir);
        // the downgrade of b drops a table of another name: b is left, and the squash cannot create it again
        files.add(A + "_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        files.add(B + "_b", A, "CREATE TABLE b (id INT);", "DROP TABLE IF EXISTS bb;");
        files.addWithHeader(S + "_squash", "-- parents: base\n-- replaces: " + A + ", " + B,
                "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);", "DROP TABLE b;\nDROP TABLE a;");

        VerifyResult result = verify(db, dir);

        assertThat(result.rows()).filteredOn(row -> row.name().equals("full cycle")).singleElement()
                .satisfies(row -> assertThat(row.result()).isEqualTo("FAILED"));
        assertThat(result.rows()).filteredOn(row -> row.name().equals("squashes on a new database")).singleElement()
                .satisfies(row -> assertThat(row.result()).isEqualTo("ok"));
        assertThat(errors(result)).noneMatch(message -> message.contains("upgrade of a new database through the"
                + " squashes"));
    }

    @OnBothDatabases
    void reportsASquashWhoseDowngradeLosesTheRowsOfATableBeforeIt(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        // the schema comes back, the rows of a (there before the squash) do not
        chainAndASquashFromA("DROP TABLE c;\nDROP TABLE a;\nCREATE TABLE a (id INT);");

        assertThat(errors(verify(db, dir))).anySatisfy(message -> assertThat(message)
                .contains("downgrade of " + S + "_squash loses").containsIgnoringCase("table")
                .containsIgnoringCase("a held before the upgrade"));
    }

    @OnBothDatabases
    void passesASquashWhoseDowngradeKeepsTheRowsOfATableBeforeIt(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        chainAndASquashFromA("DROP TABLE c;\nALTER TABLE a DROP COLUMN n;");

        assertThat(errors(verify(db, dir))).isEmpty();
    }

    /** The chain, and a squash of A and B from base with {@code upgrade} and {@code downgrade}. */
    void chainAndASquashFromBase(String upgrade, String downgrade) {
        chain();
        RevisionFiles.in(dir).addWithHeader(S + "_squash", "-- parents: base\n-- replaces: " + A + ", " + B, upgrade,
                downgrade);
    }

    /** The chain, and a squash of B and C after A whose downgrade is {@code downgrade}. */
    void chainAndASquashFromA(String downgrade) {
        chain();
        RevisionFiles.in(dir).addWithHeader(S + "_squash", "-- parents: " + A + "\n-- replaces: " + B + ", " + C,
                "ALTER TABLE a ADD COLUMN n INT;\nCREATE TABLE c (id INT);", downgrade);
    }
}
