package dev.migrate.database.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.common.Finding;
import dev.migrate.common.Severity;
import dev.migrate.database.LockMode;
import dev.migrate.testing.FreshMariaDb;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify's lock report on MariaDB: which ALTER copied a table with rows, which rebuilt it in place, which did neither. */
class MariaDbLockReportTest {

    static final String R1 = "20260101000000";
    static final String R2 = "20260102000000";

    @TempDir
    Path dir;

    @FreshMariaDb.Each
    TestDatabase db;

    List<String> lockWarnings(String upgrade, String downgrade) {
        return verify(upgrade, downgrade).stream().filter(f -> f.message().contains(" takes "))
                .map(f -> f.severity() + " " + f.message()).toList();
    }

    /** verify's findings, none of them an error, for a table with rows and a second revision that changes it. */
    List<Finding> verify(String upgrade, String downgrade) {
        return verify("orders", upgrade, downgrade);
    }

    List<Finding> verify(String table, String upgrade, String downgrade) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_orders", "base", "CREATE TABLE " + table + " (id INT NOT NULL PRIMARY KEY, total DECIMAL(10,2) NOT NULL,"
                + " note VARCHAR(20)) ENGINE=InnoDB;", "DROP TABLE " + table + ";");
        files.add(R2 + "_change", R1, upgrade, downgrade);
        List<Finding> findings = MariaDbVerifyRun.verify(db, dir, null).findings();
        assertThat(findings).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
        return findings;
    }

    @Test
    void alterThatCopiesTheTableIsReportedAsBlockingWrites() {
        assertThat(lockWarnings("ALTER TABLE orders MODIFY note VARCHAR(10);",
                "ALTER TABLE orders MODIFY note VARCHAR(20);")).singleElement().asString()
                .startsWith("WARNING upgrade of " + R2 + "_change at ")
                .contains(" takes EXCLUSIVE on table orders (3 rows) and rewrites it: writes of the table wait while the"
                        + " statement runs (the server commits each DDL statement on its own)");
    }

    @Test
    void aTableWhoseNameHasCapitalsIsSampledAsNamed() {
        // the sampler looks up only the tables a revision names, by the words of its statements in lower case
        assertThat(verify("Orders", "ALTER TABLE Orders MODIFY note VARCHAR(10);",
                "ALTER TABLE Orders MODIFY note VARCHAR(20);").stream().filter(f -> f.message().contains(" takes "))
                .map(Finding::message).toList()).singleElement().asString()
                .contains(" takes EXCLUSIVE on table Orders (3 rows) and rewrites it");
    }

    @Test
    void aTableRenamedAndThenCopiedIsFollowedByItsId() {
        assertThat(lockWarnings("RENAME TABLE orders TO archive;\nALTER TABLE archive MODIFY note VARCHAR(10);",
                "ALTER TABLE archive MODIFY note VARCHAR(20);\nRENAME TABLE archive TO orders;")).singleElement()
                .asString().contains(" takes EXCLUSIVE on table archive (3 rows) and rewrites it");
    }

    @Test
    void alterThatRebuildsInPlaceIsToldAsLettingWritesOn() {
        assertThat(lockWarnings("ALTER TABLE orders FORCE, ALGORITHM=INPLACE;", "SELECT 1;")).singleElement()
                .asString().startsWith("INFO ").contains(" takes SHARE UPDATE EXCLUSIVE on table orders (3 rows) and rewrites it: other"
                        + " sessions' reads and writes go on meanwhile");
    }

    @Test
    void instantAlterIsNotReported() {
        assertThat(lockWarnings("ALTER TABLE orders ADD COLUMN paid_at DATETIME NULL, ALGORITHM=INSTANT;\n"
                + "ALTER TABLE orders RENAME COLUMN note TO remark;",
                "ALTER TABLE orders RENAME COLUMN remark TO note;\nALTER TABLE orders DROP COLUMN paid_at;")).isEmpty();
    }

    @Test
    void indexOnAnExistingTableGetsNoPostgresAdvice() {
        assertThat(verify("CREATE INDEX orders_total ON orders (total);", "DROP INDEX orders_total ON orders;"))
                .extracting(Finding::message).noneMatch(message -> message.toLowerCase().contains("concurrently"));
    }

    @Test
    void metadataLocksReadAsTheLevelsThatBlockTheSame() {
        assertThat(MysqlLockSampler.mode("MDL_SHARED_WRITE")).contains(LockMode.ROW_EXCLUSIVE);
        assertThat(MysqlLockSampler.mode("MDL_SHARED_NO_WRITE")).contains(LockMode.EXCLUSIVE);
        assertThat(MysqlLockSampler.mode("MDL_EXCLUSIVE")).contains(LockMode.ACCESS_EXCLUSIVE);
        assertThat(MysqlLockSampler.mode("MDL_INTENTION_EXCLUSIVE")).isEmpty();
    }
}
