package dev.migrate;

import dev.migrate.testing.Configs;
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
import java.util.List;
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
        return new Migrator(Configs.config(db.url(), folder), listener);
    }

    @Test
    void verifyFindsNoErrorAndNamesOnlyRealWarnings() throws Exception {
        VerifyResult result = migrator().verify(VerifyOptions.defaults(), LintConfig.defaults());

        assertThat(result.findings()).filteredOn(Finding::isError).isEmpty();
        List<String> warnings = result.findings().stream().filter(f -> f.severity() == Severity.WARNING)
                .map(Finding::message).toList();
        assertThat(warnings).filteredOn(message -> !message.startsWith("upgrade of "))
                .singleElement().asString().contains("column-type-change").contains("users.email");
        // the locks measured with 3 rows per table: foreign keys to existing tables, a new column, a type change
        // that PostgreSQL does without a rewrite (varchar to text), which lint could only guess
        assertThat(warnings).filteredOn(message -> message.startsWith("upgrade of ")).extracting(message ->
                message.replaceAll(" at \\S+/", " at ").replaceAll(": (reads and )?writes.*?commits", ""))
                .containsExactly(
                        "upgrade of 20240102000000_posts at 20240102000000_posts.sql:5 takes SHARE ROW EXCLUSIVE on"
                                + " table public.users (3 rows); lint did not flag this statement",
                        "upgrade of 20240106000000_tags at 20240106000000_tags.sql:7 takes SHARE ROW EXCLUSIVE on"
                                + " table public.posts (3 rows); lint did not flag this statement",
                        "upgrade of 20240106000000_tags at 20240106000000_tags.sql:12 takes ACCESS EXCLUSIVE on table"
                                + " public.posts (3 rows); lint did not flag this statement",
                        "upgrade of 20240108000000_sql_function at 20240108000000_sql_function.sql:11 takes ACCESS"
                                + " EXCLUSIVE on table public.users (3 rows); lint's column-type-change warning expects"
                                + " a rewrite, but the table kept its storage");
        assertThat(result.costs()).extracting(VerifyResult.Cost::check)
                .containsExactly("synthetic rows", "lock sampling", "merge order");
    }

    @Test
    void rowsChangeNoSchemaVerdict() throws Exception {
        VerifyResult withRows = migrator().verify(VerifyOptions.defaults().withLocks(false), null);
        VerifyResult without = migrator().verify(VerifyOptions.defaults().withRows(0).withLocks(false), null);

        assertThat(withRows.findings()).extracting(Finding::message)
                .containsExactlyElementsOf(without.findings().stream().map(Finding::message).toList());
        assertThat(withRows.rows()).extracting(VerifyResult.Row::result)
                .containsExactlyElementsOf(without.rows().stream().map(VerifyResult.Row::result).toList());
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
