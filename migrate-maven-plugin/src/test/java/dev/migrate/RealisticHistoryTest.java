package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.graph.IrreversibleRevisionException;
import dev.migrate.lint.LintConfig;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.TestDatabase;
import dev.migrate.common.Finding;
import dev.migrate.common.Severity;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A history written the way real PostgreSQL projects write them: an extension, an enum and a value
 * added to it outside a transaction, serial and identity columns, expression and partial indexes,
 * a PL/pgSQL trigger function, CREATE INDEX CONCURRENTLY, a materialized view, a second schema,
 * a DO block, a branch and merge, depends-on, a domain and a BEGIN ATOMIC function body.
 */
class RealisticHistoryTest {

    TestDatabase db;
    final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    Migrator migrator() throws URISyntaxException {
        Path folder = Path.of(getClass().getResource("/histories/postgres-realistic").toURI());
        return new Migrator(new MigrateConfig(db.url(), null, null, null, folder, null), listener);
    }

    @Test
    void verifyFindsNoErrorAndNamesOnlyRealWarnings() throws Exception {
        VerifyResult result = migrator().verify(VerifyOptions.defaults(), LintConfig.defaults());

        assertThat(result.findings()).filteredOn(Finding::isError).isEmpty();
        assertThat(result.findings()).filteredOn(f -> f.severity() == Severity.WARNING)
                .extracting(Finding::message)
                .singleElement().asString().contains("column-type-change").contains("users.email");
    }

    @Test
    void upgradesToHeadAndDowngradesUntilTheIrreversibleRevision() throws Exception {
        migrator().upgrade("head");
        assertThat(db.column("SELECT COUNT(*) FROM migrate_history")).containsExactly("8");
        assertThat(db.column("SELECT unnest(enum_range(NULL::user_role))::text")).containsExactly("admin", "member",
                "moderator");

        migrator().downgrade("20240104000000");
        assertThat(db.tables()).containsExactly("migrate_history", "posts", "users");
        assertThatThrownBy(() -> migrator().downgrade("base"))
                .isInstanceOf(IrreversibleRevisionException.class)
                .hasMessageContaining("20240103000000");
        assertThat(db.column("SELECT COUNT(*) FROM migrate_history")).containsExactly("4");
    }
}
