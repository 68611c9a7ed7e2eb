package dev.migrate.run;

import dev.migrate.database.Dialects;
import dev.migrate.database.postgres.PostgresSyntax;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.database.Dialect;
import dev.migrate.graph.Plan;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.revision.RevisionFolder;
import dev.migrate.sql.NoTransactionStatement;
import dev.migrate.testing.RevisionFiles;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Statements a database refuses inside a transaction are refused while planning, per database and version. */
class PlanChecksTest {

    static final Dialect POSTGRES = Dialects.forUrl("jdbc:postgresql://localhost/app");
    static final Dialect H2 = Dialects.forUrl("jdbc:h2:mem:app");

    @TempDir
    Path dir;

    Plan upgradeWith(String statement, boolean transactional) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add("20260101000000_create_a", "base", "CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;");
        files.addWithHeader("20260102000000_maintain_a", "-- parents: 20260101000000\n-- message: maintain a"
                + (transactional ? "" : "\n-- transactional: false"), "INSERT INTO a VALUES (1);\n" + statement + ";",
                "DELETE FROM a;");
        RevisionGraph graph = RevisionGraph.of(RevisionFolder.scan(dir, PostgresSyntax.INSTANCE).revisions());
        return graph.upgradePlan(Target.parse("head"), Set.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE INDEX CONCURRENTLY ix_a ON a (id)", "create unique index concurrently ix_a on a (id)",
        "DROP INDEX CONCURRENTLY ix_a", "REINDEX TABLE CONCURRENTLY a", "REINDEX SCHEMA public", "VACUUM ANALYZE a",
        "CREATE DATABASE other", "DROP DATABASE IF EXISTS other", "ALTER SYSTEM SET work_mem = '8MB'",
        "CREATE TABLESPACE fast LOCATION '/ssd'"})
    void postgresRefusesEveryStatementTheLintRuleKnowsInATransactionalRevision(String statement) {
        Plan plan = upgradeWith(statement, true);

        assertThatThrownBy(() -> PlanChecks.check(plan, POSTGRES, 15))
                .isInstanceOf(RefusedInTransactionException.class)
                .hasMessageContaining("20260102000000_maintain_a.sql:6: PostgreSQL refuses ")
                .hasMessageContaining("inside a transaction, and revision 20260102000000 runs in one")
                .hasMessageContaining("'-- transactional: false'")
                .hasMessageContaining("nothing was run");
    }

    /** Odd spellings too: lower case, quoted names, comments between words, newlines. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.migrate.lint.NoTransactionStatementsTest#spellings")
    void postgresOlderThan12RefusesEveryKindHoweverItIsSpelled(NoTransactionStatement kind, String statement) {
        Plan plan = upgradeWith(statement, true);

        assertThatThrownBy(() -> PlanChecks.check(plan, POSTGRES, 11))
                .isInstanceOf(RefusedInTransactionException.class)
                .hasMessageContaining("PostgreSQL refuses " + kind.label() + " inside a transaction");
    }

    @Test
    void theSameStatementsPassInARevisionMarkedNonTransactional() {
        assertThatCode(() -> PlanChecks.check(upgradeWith("CREATE INDEX CONCURRENTLY ix_a ON a (id)", false),
                POSTGRES, 15)).doesNotThrowAnyException();
        assertThatCode(() -> PlanChecks.check(upgradeWith("VACUUM a", false), POSTGRES, 15))
                .doesNotThrowAnyException();
    }

    @Test
    void h2RefusesNoneOfThem() {
        assertThatCode(() -> PlanChecks.check(upgradeWith("CREATE INDEX CONCURRENTLY ix_a ON a (id)", true), H2, 2))
                .doesNotThrowAnyException();
    }

    @Test
    void alterTypeAddValueIsRefusedOnlyWhereTheServerIsKnownToBeOlderThan12() {
        Plan plan = upgradeWith("ALTER TYPE mood ADD VALUE 'calm'", true);

        assertThatThrownBy(() -> PlanChecks.check(plan, POSTGRES, 11))
                .isInstanceOf(RefusedInTransactionException.class)
                .hasMessageContaining("ALTER TYPE ... ADD VALUE");
        assertThatCode(() -> PlanChecks.check(plan, POSTGRES, 12)).doesNotThrowAnyException();
        assertThatCode(() -> PlanChecks.check(plan, POSTGRES, 0)).doesNotThrowAnyException();
    }

    @Test
    void ordinaryStatementsAndLookalikesPass() {
        assertThatCode(() -> PlanChecks.check(upgradeWith("CREATE INDEX ix_a ON a (id)", true), POSTGRES, 15))
                .doesNotThrowAnyException();
        assertThatCode(() -> PlanChecks.check(upgradeWith("INSERT INTO a VALUES (2) /* VACUUM */", true), POSTGRES,
                15)).doesNotThrowAnyException();
        assertThatCode(() -> PlanChecks.check(upgradeWith("REINDEX TABLE a", true), POSTGRES, 15))
                .doesNotThrowAnyException();
    }

    @Test
    void everyRefusedStatementIsListedAtOnce() {
        Plan plan = upgradeWith("CREATE INDEX CONCURRENTLY ix_a ON a (id);\nVACUUM a", true);

        assertThatThrownBy(() -> PlanChecks.check(plan, POSTGRES, 15))
                .isInstanceOfSatisfying(RefusedInTransactionException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line()).containsExactly(6, 7));
    }
}
