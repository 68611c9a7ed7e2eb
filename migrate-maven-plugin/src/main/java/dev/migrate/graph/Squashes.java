package dev.migrate.graph;

import dev.migrate.revision.Revision;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The squashed revisions of a graph ({@code replaces:}) as sets of positions, and the rules that
 * make a squash an alternative path: a database at the squash's parent runs it instead of the
 * revisions it replaces, a database that applied all of them counts it as applied, and one that
 * applied only some of them goes on with the rest of them.
 */
final class Squashes {

    /**
     * One squash beside the revisions it replaces.
     *
     * @param squash the squash's position
     * @param replaced the positions of the replaced revisions that are files
     * @param last the replaced revision every other one comes before (the range's end)
     */
    record Entry(int squash, BitSet replaced, int last) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<Integer, Entry> bySquash = new HashMap<>();

    Squashes(EdgeIndex edges) {
        for (int i = 0; i < edges.size(); i++) {
            Revision revision = edges.revisions.get(i);
            if (!revision.isSquash()) {
                continue;
            }
            BitSet replaced = new BitSet(edges.size());
            for (String id : revision.replaces()) {
                Integer position = edges.index.get(id);
                if (position != null && position != i) {
                    replaced.set(position);
                }
            }
            if (!replaced.isEmpty()) {
                Entry entry = new Entry(i, replaced, replaced.length() - 1);
                entries.add(entry);
                bySquash.put(i, entry);
            }
        }
    }

    List<Entry> entries() {
        return entries;
    }

    boolean isAlternative(int position) {
        return bySquash.containsKey(position);
    }

    /** Where a target naming {@code position} leads: a squash leads to the end of its range. */
    int target(int position) {
        Entry entry = bySquash.get(position);
        return entry == null ? position : entry.last();
    }

    /**
     * {@code recorded} and what it counts as: the replaced revisions of a recorded squash, and each
     * squash all of whose replaced revisions are recorded.
     */
    BitSet counted(BitSet recorded) {
        BitSet counted = (BitSet) recorded.clone();
        for (Entry entry : entries) {
            if (recorded.get(entry.squash())) {
                counted.or(entry.replaced());
            } else if (contains(recorded, entry.replaced())) {
                counted.set(entry.squash());
            }
        }
        return counted;
    }

    /** True when the history records the squash and none of the revisions it replaces: it was run. */
    static boolean ranSquash(Entry entry, BitSet recorded) {
        return recorded.get(entry.squash()) && !entry.replaced().intersects(recorded);
    }

    static boolean contains(BitSet outer, BitSet inner) {
        BitSet missing = (BitSet) inner.clone();
        missing.andNot(outer);
        return missing.isEmpty();
    }
}
