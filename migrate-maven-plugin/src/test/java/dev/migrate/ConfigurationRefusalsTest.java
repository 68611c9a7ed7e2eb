package dev.migrate;

import static dev.migrate.testing.Ids.R1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.common.InvalidSettingException;
import dev.migrate.database.InvalidIdentifierException;
import dev.migrate.testing.BothDatabases;
import dev.migrate.testing.OnBothDatabases;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings that cannot work are refused up front, naming the parameter, instead of failing halfway. */
class ConfigurationRefusalsTest {


    @TempDir
    Path dir;

    Migrator migrator(String url, String schema, String table) {
        return new Migrator(new MigrateConfig(url, null, null, schema, dir, table), new RecordingListener());
    }

    @Test
    void aNegativeLockTimeoutIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new MigrateConfig("jdbc:h2:mem:x", null, null, null, dir, null, Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("migrate.lockTimeout is -1 seconds")
                .hasMessageContaining("set it to 0");
        assertThat(new MigrateConfig("jdbc:h2:mem:x", null, null, null, dir, null, Duration.ZERO).lockTimeout())
                .isZero();
    }

    @OnBothDatabases
    void aReservedWordAsHistoryTableIsRefusedBeforeAnythingRuns(BothDatabases.Lazy lazy) {
        TestDatabase db = lazy.get();
        RevisionFiles.in(dir).add(R1 + "_create_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");

        assertThatThrownBy(() -> migrator(db.url(), null, "user").upgrade("head"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("migrate.table is 'user', a reserved word in " + db)
                .hasMessageContaining("choose another name, e.g. migrate.table=user_history");
        assertThatThrownBy(() -> migrator(db.url(), "Select", null).upgrade("head"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("migrate.schema is 'Select', a reserved word");
        assertThat(db.tables()).isEmpty();
    }

    @Test
    void theReservedWordsAreEachDatabasesOwn() {
        try (TestDatabase pg = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            RevisionFiles.in(dir).add(R1 + "_create_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");

            // YEAR is reserved in H2 only, ANALYSE in PostgreSQL only
            assertThatThrownBy(() -> migrator("jdbc:h2:mem:words", null, "year"))
                    .hasMessageContaining("a reserved word in H2");
            assertThatThrownBy(() -> migrator(pg.url(), null, "analyse"))
                    .hasMessageContaining("a reserved word in PostgreSQL");

            migrator(pg.url(), null, "year").upgrade("head");
            assertThat(pg.column("SELECT revision FROM year")).containsExactly(R1);
        }
    }
}
