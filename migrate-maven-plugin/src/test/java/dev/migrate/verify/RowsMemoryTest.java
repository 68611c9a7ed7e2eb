package dev.migrate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.SeedTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rows remembered as they were before an upgrade stay readable after the upgrade's tables are
 * read again, and the tables a phase reached are found without the others.
 */
class RowsMemoryTest {

    private static TableRows rows(String name, long id, String... values) {
        SeedTable table = new SeedTable("public", name, List.of(), List.of(), List.of(), List.of(), id);
        List<List<String>> all = java.util.Arrays.stream(values).map(List::of).toList();
        return new TableRows(table, List.of("v"), Map.of(), all, false);
    }

    @Test
    void rowsAtTheMarkStayAfterTheTablesChange() {
        RowsMemory memory = new RowsMemory();
        TableRows orders = rows("orders", 7, "1", "2");
        TableRows users = rows("users", 8, "x");
        TableRows empty = rows("audit", 9);
        memory.put("public.orders", orders);
        memory.put("public.users", users);
        memory.put("public.audit", empty);
        memory.mark();

        // the upgrade renames orders to purchases, whose rows are read again
        memory.forget(Reach.of(Set.of("orders", "purchases")));
        TableRows purchases = rows("purchases", 7, "1");
        memory.put("public.purchases", purchases);

        assertThat(memory.atMark("public.orders")).isSameAs(orders);
        assertThat(memory.atMark("public.users")).isSameAs(users);
        assertThat(memory.atMark("public.purchases")).isNull();
        assertThat(memory.atMarkById(7)).isSameAs(orders);
        assertThat(memory.atMarkById(8)).isSameAs(users);
        assertThat(memory.byId(7)).isSameAs(purchases);
        assertThat(memory.atMarkKeys(Reach.of(Set.of("orders", "purchases")))).containsExactly("public.orders");
        assertThat(memory.atMarkKeys(Reach.ALL)).containsExactlyInAnyOrder("public.orders", "public.users",
                "public.audit");
        assertThat(memory.empty()).containsExactly("public.audit");
        assertThat(memory.anyRows()).isTrue();

        memory.unmark();
        assertThat(memory.atMark("public.users")).isNull();
        assertThat(memory.atMarkKeys(Reach.ALL)).isEmpty();
    }
}
