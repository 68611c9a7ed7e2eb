package dev.migrate.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The history ids a look follows phase by phase read as the sorted ids, whatever the base they keep. */
class HistoryIdsTest {

    @Test
    void listsTheIdsSortedOnceEachAfterEveryChange() {
        Random random = new Random(22);
        TreeSet<String> expected = new TreeSet<>(List.of("0003", "0001", "0002"));
        HistoryIds ids = HistoryIds.of(List.of("0003", "0001", "0002", "0001"));
        // enough changes to pass several bases
        for (int i = 0; i < 1_000; i++) {
            String id = String.format("%04d", random.nextInt(300));
            if (random.nextInt(3) > 0) {
                expected.add(id);
                ids = ids.with(id);
            } else {
                expected.remove(id);
                ids = ids.without(id);
            }
            assertThat(ids).containsExactlyElementsOf(expected);
            assertThat(ids.contains(id)).isEqualTo(expected.contains(id));
            assertThat(ids).isEqualTo(HistoryIds.of(expected)).isEqualTo(new ArrayList<>(expected));
        }
    }

    @Test
    void anUpgradeUndoneAndRedoneGivesEqualIds() {
        HistoryIds upgraded = HistoryIds.of(List.of("a", "b")).with("c");
        HistoryIds downgraded = upgraded.without("c");
        HistoryIds again = downgraded.with("c");

        assertThat(downgraded).containsExactly("a", "b").isNotEqualTo(upgraded);
        assertThat(again).isEqualTo(upgraded).containsExactly("a", "b", "c");
        assertThat(again.without("b")).isNotEqualTo(upgraded).containsExactly("a", "c");
        assertThat(again.hashCode()).isEqualTo(List.of("a", "b", "c").hashCode());
    }
}
