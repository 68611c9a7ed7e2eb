package dev.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaSnapshotTest {

    private static DbObject table(int i) {
        return new DbObject(DbObject.Kind.TABLE, "public", null, "t" + i);
    }

    private static DbObject column(int i) {
        return new DbObject(DbObject.Kind.COLUMN, "public", "t" + i, "c");
    }

    /** The same schema read whole: what a patched snapshot must equal, difference for difference. */
    private static SchemaSnapshot whole(Map<DbObject, String> objects, Map<DbObject, List<String>> order) {
        SchemaSnapshot.Builder builder = SchemaSnapshot.builder();
        objects.forEach(builder::put);
        order.forEach((table, columns) -> columns.forEach(column -> builder.columnAt(table, column)));
        return builder.build();
    }

    @Test
    void patchedSnapshotsDifferFromTheirAncestorsAsSnapshotsReadWholeDo() {
        Map<DbObject, String> objects = new HashMap<>();
        Map<DbObject, List<String>> order = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            objects.put(table(i), "table");
            objects.put(column(i), "integer");
            order.put(table(i), List.of("c"));
        }
        SchemaSnapshot first = whole(objects, order);
        List<SchemaSnapshot> patched = new ArrayList<>(List.of(first));
        List<SchemaSnapshot> read = new ArrayList<>(List.of(first));
        // enough patches to fold the changes into new full maps more than once on the way
        for (int step = 0; step < 300; step++) {
            Map<DbObject, String> objectChanges = new HashMap<>();
            Map<DbObject, List<String>> orderChanges = new HashMap<>();
            int i = step % 3 == 2 ? step - 1 : step + 50;
            if (step % 3 == 2) {
                // drop what the step before made, which the one before that still holds
                objectChanges.put(table(i + 50), null);
                objectChanges.put(column(i + 50), null);
                orderChanges.put(table(i + 50), null);
                objects.remove(table(i + 50));
                objects.remove(column(i + 50));
                order.remove(table(i + 50));
            } else {
                objectChanges.put(table(i), "table");
                objectChanges.put(column(i), step % 2 == 0 ? "integer" : "text");
                orderChanges.put(table(i), List.of("c"));
                objects.putAll(objectChanges);
                order.putAll(orderChanges);
            }
            // a change to what stays the same is no difference
            objectChanges.put(table(0), "table");
            patched.add(patched.get(patched.size() - 1).patched(objectChanges, orderChanges));
            read.add(whole(objects, order));
        }
        for (int later = 1; later < patched.size(); later++) {
            for (int earlier = Math.max(0, later - 5); earlier < later; earlier++) {
                assertThat(SnapshotDiff.between(patched.get(earlier), patched.get(later)))
                        .as("from %d to %d", earlier, later)
                        .isEqualTo(SnapshotDiff.between(read.get(earlier), read.get(later)));
                assertThat(SnapshotDiff.between(patched.get(later), patched.get(earlier)))
                        .isEqualTo(SnapshotDiff.between(read.get(later), read.get(earlier)));
                assertThat(patched.get(later).equals(patched.get(earlier)))
                        .isEqualTo(read.get(later).equals(read.get(earlier)));
            }
        }
    }
}
