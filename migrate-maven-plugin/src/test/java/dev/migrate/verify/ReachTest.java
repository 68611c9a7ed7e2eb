package dev.migrate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.schema.DbObject.Kind;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tables a phase's statements can have changed the rows of. */
class ReachTest {

    private static final SchemaSnapshot SCHEMA = SchemaSnapshot.builder()
            .put(Kind.TABLE, "public", null, "orders", "table")
            .put(Kind.TABLE, "public", null, "audit", "table")
            .put(Kind.TABLE, "public", null, "plain", "table")
            .put(Kind.FUNCTION, "public", null, "purge(integer)", "function")
            .put(Kind.VIEW, "public", null, "recent_orders", "view")
            .put(Kind.TRIGGER, "public", "table audit", "audit_touch", "trigger")
            .build();

    private static Reach reach(String... sql) {
        List<Statement> statements = Arrays.stream(sql).map(text -> new Statement(text, 1)).toList();
        return Reach.of(statements, SCHEMA, SCHEMA);
    }

    @Test
    void namedTablesAreReachedWhateverTheirCaseOrQuotes() {
        Reach reach = reach("UPDATE \"Orders\" SET total = 0", "DELETE FROM public.PLAIN");

        assertThat(reach.all()).isFalse();
        assertThat(reach.contains("orders")).isTrue();
        assertThat(reach.contains("plain")).isTrue();
        assertThat(reach.contains("audit")).isFalse();
    }

    @Test
    void tablesWhoseDefinitionChangedAreReachedUnnamed() {
        SchemaSnapshot after = SchemaSnapshot.builder()
                .put(Kind.TABLE, "public", null, "orders", "table")
                .put(Kind.TABLE, "public", null, "plain", "table")
                .put(Kind.FUNCTION, "public", null, "purge(integer)", "function")
                .put(Kind.VIEW, "public", null, "recent_orders", "view")
                .build();

        Reach reach = Reach.of(List.of(new Statement("DROP SCHEMA extra CASCADE", 1)), SCHEMA, after);

        assertThat(reach.all()).isFalse();
        assertThat(reach.contains("audit")).isTrue();
        assertThat(reach.contains("orders")).isFalse();
    }

    @Test
    void blocksRoutinesViewsAndTriggeredTablesReachEveryTable() {
        assertThat(reach("DO $$ BEGIN DELETE FROM plain; END $$").all()).isTrue();
        assertThat(reach("SELECT purge(3)").all()).isTrue();
        assertThat(reach("DELETE FROM recent_orders").all()).isTrue();
        assertThat(reach("INSERT INTO audit VALUES (1)").all()).isTrue();
    }

    @Test
    void definingARoutineOrViewRunsNothing() {
        Reach reach = reach("CREATE OR REPLACE FUNCTION purge(n integer) RETURNS void LANGUAGE sql AS 'DELETE FROM plain'",
                "DROP VIEW recent_orders", "CREATE TRIGGER audit_touch AFTER INSERT ON audit FOR EACH ROW EXECUTE FUNCTION purge()");

        assertThat(reach.all()).isFalse();
        assertThat(reach.contains("plain")).isTrue();
        assertThat(reach.contains("orders")).isFalse();
    }

    @Test
    void scansRememberTheWordsButNotWhatTheSnapshotsMakeOfThem() {
        Reach.Scans scans = new Reach.Scans();
        List<Statement> statements = List.of(new Statement("SELECT purge(1)", 1));
        SchemaSnapshot withoutPurge = SchemaSnapshot.builder().put(Kind.TABLE, "public", null, "orders", "table").build();

        assertThat(scans.of(statements, SCHEMA, SCHEMA).all()).isTrue();
        // the same statements between snapshots without the routine reach only what they name
        Reach again = scans.of(statements, withoutPurge, withoutPurge);
        assertThat(again.all()).isFalse();
        assertThat(again.contains("purge")).isTrue();
        assertThat(again.contains("orders")).isFalse();
        assertThat(scans.named(statements).names()).isEqualTo(Reach.named(statements).names());
    }
}
