package dev.migrate.lint;

import dev.migrate.testing.Configs;
import dev.migrate.common.Finding;
import dev.migrate.common.Severity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migrator;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule with a revision that triggers it and one that does not. The revision under test follows
 * one that creates table orders, so orders is "an existing table created by an earlier revision".
 */
class LinterTest {

    static final String BASE = "20260101000000";
    static final String UNDER_TEST = "20260102000000";

    @TempDir
    Path dir;

    List<Finding> lint(String header, String upgrade, String downgrade, LintConfig config) {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(BASE + "_create_orders", "base",
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT, total NUMERIC(10, 2));",
                "DROP TABLE orders;");
        files.addWithHeader(UNDER_TEST + "_under_test", "-- parents: " + BASE + "\n-- message: under test"
                + (header.isEmpty() ? "" : "\n" + header), upgrade, downgrade);
        Migrator migrator = new Migrator(Configs.config("jdbc:postgresql://127.0.0.1:1/unused", dir),
                new RecordingListener());
        return migrator.lint(config).stream()
                .filter(f -> f.file().getFileName().toString().startsWith(UNDER_TEST)).toList();
    }

    List<String> rules(String header, String upgrade, String downgrade) {
        return lint(header, upgrade, downgrade, LintConfig.defaults()).stream().map(Finding::ruleId).toList();
    }

    @ParameterizedTest(name = "{0} {4}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // rule | upgrade | downgrade | header | triggers
        "concurrently-in-transaction | CREATE INDEX CONCURRENTLY ix_total ON orders (total); | DROP INDEX ix_total; | | true",
        "concurrently-in-transaction | CREATE INDEX CONCURRENTLY ix_total ON orders (total); | DROP INDEX ix_total; | -- transactional: false | false",
        "concurrently-in-transaction | CREATE INDEX ix_total ON orders (total); | DROP INDEX CONCURRENTLY ix_total; | | true",
        "concurrently-in-transaction | REINDEX INDEX CONCURRENTLY orders_pkey; | SELECT 1; | | true",
        "concurrently-in-transaction | REINDEX INDEX orders_pkey; | SELECT 1; | | false",
        "concurrently-in-transaction | VACUUM ANALYZE orders; | SELECT 1; | | true",
        "concurrently-in-transaction | ANALYZE orders; | SELECT 1; | | false",
        "concurrently-in-transaction | CREATE DATABASE reports; | DROP DATABASE reports; | | true",
        "concurrently-in-transaction | ALTER SYSTEM SET work_mem = '64MB'; | ALTER SYSTEM RESET work_mem; | | true",
        "concurrently-in-transaction | CREATE TYPE mood AS ENUM ('ok'); ALTER TYPE mood ADD VALUE 'great'; | DROP TYPE mood; | | false",
        "new-enum-value-before-commit | ALTER TYPE mood ADD VALUE 'great'; UPDATE orders SET mood = 'great'; | SELECT 1; | | true",
        "new-enum-value-before-commit | ALTER TYPE mood ADD VALUE 'great'; UPDATE orders SET mood = 'great'; | SELECT 1; | -- transactional: false | false",
        "new-enum-value-before-commit | ALTER TYPE mood ADD VALUE 'great'; UPDATE orders SET note = 'fine'; | SELECT 1; | | false",
        "new-enum-value-before-commit | SELECT 1; | ALTER TYPE mood ADD VALUE IF NOT EXISTS 'x'; DELETE FROM orders WHERE mood = 'x'; | | true",
        "destructive-upgrade | DROP TABLE orders; | CREATE TABLE orders (id BIGINT); | | true",
        "destructive-upgrade | DROP TABLE IF EXISTS public.orders CASCADE; | CREATE TABLE orders (id BIGINT); | | true",
        "destructive-upgrade | ALTER TABLE orders DROP COLUMN total; | ALTER TABLE orders ADD COLUMN total NUMERIC; | | true",
        "destructive-upgrade | TRUNCATE orders; | SELECT 1; | | true",
        "destructive-upgrade | DELETE FROM orders WHERE id < 0; | SELECT 1; | | false",
        "destructive-upgrade | ALTER TABLE orders DROP CONSTRAINT orders_pkey; | SELECT 1; | | false",
        "not-null-without-default | ALTER TABLE orders ADD COLUMN status TEXT NOT NULL; | ALTER TABLE orders DROP COLUMN status; | | true",
        "not-null-without-default | ALTER TABLE IF EXISTS ONLY orders ADD COLUMN IF NOT EXISTS status TEXT NOT NULL; | ALTER TABLE orders DROP COLUMN status; | | true",
        "not-null-without-default | ALTER TABLE orders ADD COLUMN status TEXT NOT NULL DEFAULT 'new'; | ALTER TABLE orders DROP COLUMN status; | | false",
        "not-null-without-default | ALTER TABLE orders ADD COLUMN status TEXT; | ALTER TABLE orders DROP COLUMN status; | | false",
        "not-null-without-default | CREATE TABLE items (id BIGINT); ALTER TABLE items ADD COLUMN sku TEXT NOT NULL; | DROP TABLE items; | | false",
        "constraint-without-not-valid | ALTER TABLE orders ADD CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES orders (id); | ALTER TABLE orders DROP CONSTRAINT fk_customer; | | true",
        "constraint-without-not-valid | ALTER TABLE orders ADD CONSTRAINT ck_total CHECK (total >= 0); | ALTER TABLE orders DROP CONSTRAINT ck_total; | | true",
        "constraint-without-not-valid | ALTER TABLE orders ADD CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES orders (id) NOT VALID; | ALTER TABLE orders DROP CONSTRAINT fk_customer; | | false",
        "constraint-without-not-valid | ALTER TABLE orders ADD CONSTRAINT ck_total CHECK (total >= 0) NOT VALID; | ALTER TABLE orders DROP CONSTRAINT ck_total; | | false",
        "constraint-without-not-valid | ALTER TABLE orders ADD CONSTRAINT uq_total UNIQUE (total); | ALTER TABLE orders DROP CONSTRAINT uq_total; | | false",
        "index-without-concurrently | CREATE INDEX ix_total ON orders (total); | DROP INDEX ix_total; | | true",
        "index-without-concurrently | CREATE UNIQUE INDEX IF NOT EXISTS ix_total ON public.orders USING btree (total); | DROP INDEX ix_total; | | true",
        "index-without-concurrently | CREATE INDEX CONCURRENTLY ix_total ON orders (total); | DROP INDEX CONCURRENTLY ix_total; | -- transactional: false | false",
        "index-without-concurrently | CREATE TABLE items (id BIGINT); CREATE INDEX ix_items ON items (id); | DROP TABLE items; | | false",
        "index-without-concurrently | CREATE INDEX ix_elsewhere ON unknown_table (id); | DROP INDEX ix_elsewhere; | | false",
        "rename | ALTER TABLE orders RENAME COLUMN total TO amount; | ALTER TABLE orders RENAME COLUMN amount TO total; | | true",
        "rename | ALTER TABLE orders RENAME TO purchases; | ALTER TABLE purchases RENAME TO orders; | | true",
        "rename | ALTER INDEX orders_pkey RENAME TO orders_pk; | ALTER INDEX orders_pk RENAME TO orders_pkey; | | false",
        "column-type-change | ALTER TABLE orders ALTER COLUMN total TYPE NUMERIC(12, 2); | ALTER TABLE orders ALTER COLUMN total TYPE NUMERIC(10, 2); | | true",
        "column-type-change | ALTER TABLE orders ALTER COLUMN total SET DATA TYPE NUMERIC(12, 2); | ALTER TABLE orders ALTER COLUMN total TYPE NUMERIC(10, 2); | | true",
        "column-type-change | ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0; | ALTER TABLE orders ALTER COLUMN total DROP DEFAULT; | | false",
        "column-type-change | ALTER TABLE orders ALTER COLUMN total SET NOT NULL; | ALTER TABLE orders ALTER COLUMN total DROP NOT NULL; | | false",
        "downgrade-forgets-object | CREATE TABLE items (id BIGINT); CREATE TABLE notes (id BIGINT); | DROP TABLE items; | | true",
        "downgrade-forgets-object | CREATE INDEX CONCURRENTLY ix_total ON orders (total); | SELECT 1; | -- transactional: false | true",
        "downgrade-forgets-object | ALTER TABLE orders ADD COLUMN note TEXT; | ALTER TABLE orders DROP COLUMN total; | | true",
        "downgrade-forgets-object | CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100; | SELECT 1; | | true",
        "downgrade-forgets-object | CREATE TABLE items (id BIGINT); CREATE INDEX ix_items ON items (id); ALTER TABLE items ADD COLUMN sku TEXT; | DROP TABLE items; | | false",
        "downgrade-forgets-object | CREATE MATERIALIZED VIEW counts AS SELECT 1 AS n; CREATE UNIQUE INDEX ix_counts ON counts (n); | DROP MATERIALIZED VIEW counts; | | false",
        "downgrade-forgets-object | CREATE MATERIALIZED VIEW counts AS SELECT 1 AS n; CREATE UNIQUE INDEX ix_counts ON counts (n); | DROP MATERIALIZED VIEW IF EXISTS other; | | true",
        "downgrade-forgets-object | CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100; | DROP VIEW big_orders; | | false",
        "downgrade-forgets-object | CREATE TABLE items (id BIGINT); | | -- irreversible: true | false",
        "downgrade-forgets-object | CREATE PROCEDURE refresh_counts() LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$; CALL refresh_counts(); DROP PROCEDURE refresh_counts(); | SELECT 1; | | false",
        "downgrade-forgets-object | CREATE TABLE scratch_ids (id BIGINT); INSERT INTO scratch_ids SELECT id FROM orders; DROP TABLE scratch_ids; | SELECT 1; | | false",
        "downgrade-forgets-object | ALTER TABLE orders ADD COLUMN scratch TEXT; UPDATE orders SET scratch = 'x'; ALTER TABLE orders DROP COLUMN scratch; | SELECT 1; | | false",
        "downgrade-forgets-object | CREATE INDEX ix_scratch ON orders (total); DROP INDEX ix_scratch; | SELECT 1; | | false",
        "downgrade-forgets-object | DROP TABLE IF EXISTS notes; CREATE TABLE notes (id BIGINT); | SELECT 1; | | true",
        "downgrade-forgets-object | CREATE TABLE notes (id BIGINT); DROP TABLE notes; CREATE TABLE notes (id BIGINT); | SELECT 1; | | true",
        "unknown-rule | SELECT 1; | SELECT 1; | -- lint-ignore: renmae | true",
        "unknown-rule | SELECT 1; | SELECT 1; | -- lint-ignore: rename | false",
        "unparsed-statement | CREATE TYPE mood AS ENUM ('ok'); | DROP TYPE mood; | | true",
        "unparsed-statement | CREATE TABLE items (id BIGINT); | DROP TABLE items; | | false",
    })
    void ruleTriggersOnlyWhereItShould(String rule, String upgrade, String downgrade, String header, boolean triggers) {
        List<String> rules = rules(header == null ? "" : header, upgrade, downgrade == null ? "" : downgrade);

        if (triggers) {
            assertThat(rules).contains(rule);
        } else {
            assertThat(rules).doesNotContain(rule);
        }
    }

    @Test
    void alterTypeAddValueIsAnErrorOnlyBeforePostgresql12() {
        String upgrade = "ALTER TYPE mood ADD VALUE 'great';";

        assertThat(lint("", upgrade, "SELECT 1;", new LintConfig(Set.of(), 11))).extracting(Finding::ruleId)
                .contains("concurrently-in-transaction");
        assertThat(lint("", upgrade, "SELECT 1;", new LintConfig(Set.of(), 12))).extracting(Finding::ruleId)
                .doesNotContain("concurrently-in-transaction");
    }

    @Test
    void aFindingNamesFileLineRuleSeverityAndFix() {
        List<Finding> findings = lint("", "SELECT 1;\n\nCREATE INDEX CONCURRENTLY ix_total\n  ON orders (total);",
                "DROP INDEX ix_total;", LintConfig.defaults());

        Finding finding = findings.stream().filter(f -> f.ruleId().equals("concurrently-in-transaction"))
                .findFirst().orElseThrow();
        assertThat(finding.file().getFileName().toString()).isEqualTo(UNDER_TEST + "_under_test.sql");
        assertThat(finding.line()).isEqualTo(7);
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message()).contains("CREATE INDEX CONCURRENTLY").contains("transaction");
        assertThat(finding.fix()).contains("transactional: false");
        assertThat(finding.toString()).startsWith(finding.file() + ":7: error [concurrently-in-transaction] ");
    }

    @Nested
    class SwitchingOff {

        static final String DROP = "DROP TABLE orders;";
        static final String UNDO = "CREATE TABLE orders (id BIGINT);";

        @Test
        void perRevisionWithLintIgnore() {
            assertThat(rules("-- lint-ignore: destructive-upgrade", DROP, UNDO)).doesNotContain("destructive-upgrade");
        }

        @Test
        void perProjectWithTheDisabledList() {
            List<Finding> findings = lint("", DROP, UNDO, new LintConfig(Set.of("destructive-upgrade"), 15));

            assertThat(findings).extracting(Finding::ruleId).doesNotContain("destructive-upgrade");
        }

        @Test
        void otherRulesStayOn() {
            assertThat(rules("-- lint-ignore: rename", DROP + "\nALTER TABLE x RENAME TO y;", UNDO))
                    .contains("destructive-upgrade").doesNotContain("rename");
        }
    }

    @Test
    void anIndexIsOnAnEarlierTableOnlyWhenAnAncestorCreatedIt() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add("20260101000000_orders", "base", "CREATE TABLE orders (id BIGINT);", "DROP TABLE orders;");
        files.add("20260102000000_items", "20260101000000", "CREATE TABLE items (id BIGINT);", "DROP TABLE items;");
        // a branch beside the line: its table is no earlier table of the line's revisions
        files.add("20260103000000_side", "20260101000000", "CREATE TABLE side (id BIGINT);", "DROP TABLE side;");
        files.add("20260104000000_indexes", "20260102000000", "CREATE INDEX ix_orders ON orders (id);\n"
                + "CREATE INDEX ix_items ON items (id);\nCREATE INDEX ix_side ON side (id);",
                "DROP INDEX ix_side;\nDROP INDEX ix_items;\nDROP INDEX ix_orders;");
        Migrator migrator = new Migrator(Configs.config("jdbc:postgresql://127.0.0.1:1/unused", dir),
                new RecordingListener());

        List<Finding> findings = migrator.lint(LintConfig.defaults()).stream()
                .filter(f -> f.ruleId().equals("index-without-concurrently")).toList();

        assertThat(findings).extracting(Finding::message).hasSize(2)
                .anyMatch(m -> m.contains("on orders")).anyMatch(m -> m.contains("on items"))
                .noneMatch(m -> m.contains("on side"));
    }

    @Test
    void handsOverEachRevisionsFindingsInRunOrderAsItGoes() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add("20260101000000_orders", "base", "CREATE TABLE orders (id BIGINT, total NUMERIC);",
                "DROP TABLE orders;");
        files.add("20260102000000_items", "20260101000000", "CREATE TABLE items (id BIGINT);\n"
                + "CREATE INDEX ix_orders ON orders (id);\nALTER TABLE orders ALTER COLUMN total TYPE TEXT;",
                "DROP INDEX ix_orders;\nDROP TABLE items;");
        files.add("20260103000000_side", "20260101000000", "CREATE INDEX ix_total ON orders (total);",
                "SELECT 1;");
        files.add("20260104000000_indexes", "20260102000000", "CREATE INDEX ix_items ON items (id);\n"
                + "ALTER TABLE items ADD COLUMN sku TEXT NOT NULL;", "ALTER TABLE items DROP COLUMN sku;\nDROP INDEX ix_items;");
        RevisionGraph graph = new Migrator(Configs.config("jdbc:postgresql://127.0.0.1:1/unused", dir),
                new RecordingListener()).load();
        List<String> order = new ArrayList<>();
        Map<String, List<Finding>> handedOver = new LinkedHashMap<>();

        List<Finding> all = Linter.lint(graph, LintConfig.defaults(), (revision, findings) -> {
            order.add(revision.id());
            handedOver.put(revision.id(), findings);
        });

        assertThat(all).isEqualTo(Linter.lint(graph, LintConfig.defaults())).isNotEmpty();
        assertThat(order).containsExactlyElementsOf(graph.ordered().stream().map(Revision::id).toList());
        handedOver.forEach((id, findings) -> assertThat(findings).as(id)
                .allMatch(f -> f.file().equals(graph.resolve(id).file()))
                .isSortedAccordingTo(java.util.Comparator.comparingInt(Finding::line)));
        assertThat(handedOver.values().stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrderElementsOf(all);
        // each revision's part of the whole, as it was when the whole was linted
        assertThat(handedOver.get("20260104000000")).extracting(Finding::ruleId)
                .containsExactly("index-without-concurrently", "not-null-without-default");
    }

    @Test
    void aRevisionsFindingsAreKnownBeforeTheNextIsLinted() {
        RevisionFiles files = RevisionFiles.in(dir);
        files.add("20260101000000_orders", "base", "CREATE TABLE orders (id BIGINT);", "DROP TABLE orders;");
        files.add("20260102000000_index", "20260101000000", "CREATE INDEX ix_orders ON orders (id);",
                "DROP INDEX ix_orders;");
        files.add("20260103000000_broken", "20260102000000", "ALTER TABLE orders ADD COLUMN sku TEXT NOT NULL;",
                "ALTER TABLE orders DROP COLUMN sku;");
        RevisionGraph graph = new Migrator(Configs.config("jdbc:postgresql://127.0.0.1:1/unused", dir),
                new RecordingListener()).load();
        Map<String, List<Finding>> handedOver = new LinkedHashMap<>();
        RuntimeException stop = new RuntimeException("stop after the second revision");

        // the reader stops lint once it has the second revision: the third is never linted
        assertThatThrownBy(() -> Linter.lint(graph, LintConfig.defaults(), (revision, findings) -> {
            handedOver.put(revision.id(), findings);
            if (handedOver.size() == 2) {
                throw stop;
            }
        })).isSameAs(stop);

        assertThat(handedOver).containsOnlyKeys("20260101000000", "20260102000000");
        assertThat(handedOver.get("20260102000000")).extracting(Finding::ruleId)
                .containsExactly("index-without-concurrently");
        assertThat(handedOver.get("20260102000000")).isEqualTo(Linter.lint(graph, LintConfig.defaults()).stream()
                .filter(f -> f.file().getFileName().toString().startsWith("20260102000000")).toList());
    }

    @Test
    void neverThrowsOnStatementsItCannotRead() {
        String upgrade = """
                DO $$ BEGIN RAISE NOTICE 'x; y'; END $$;
                CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;
                COMMENT ON TABLE orders IS E'it''s \\\\ fine';
                ALTER TABLE;
                CREATE;
                GRANT SELECT ON orders TO PUBLIC;
                """;

        List<Finding> findings = lint("", upgrade, "DROP FUNCTION f;", LintConfig.defaults());

        assertThat(findings).extracting(Finding::severity).doesNotContain(Severity.ERROR);
        assertThat(findings).extracting(Finding::ruleId).contains("unparsed-statement");
    }
}
