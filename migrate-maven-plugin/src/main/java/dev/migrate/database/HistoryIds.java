package dev.migrate.database;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeSet;

/**
 * The revision ids a history table lists, sorted and distinct, as an immutable list that follows
 * the history phase by phase: each list is a shared sorted base and the few ids added to it or
 * removed from it since. Two lists on the same base compare by those few ids, so comparing the
 * history after each phase costs what the phase wrote, not how long the history is; a list is
 * spelled out id by id only when it is read as a list.
 */
public final class HistoryIds extends AbstractList<String> implements RandomAccess {

    /** How many ids added or removed a list keeps beside its base before it becomes a base itself. */
    private static final int REBASE = 64;

    private final String[] base;
    private final TreeSet<String> added;
    private final Set<String> removed;
    /** The ids in order, once asked for. */
    private String[] spelled;

    private HistoryIds(String[] base, TreeSet<String> added, Set<String> removed) {
        this.base = base;
        this.added = added;
        this.removed = removed;
    }

    /** The ids, sorted, each once. */
    public static HistoryIds of(Collection<String> ids) {
        return new HistoryIds(new TreeSet<>(ids).toArray(String[]::new), new TreeSet<>(), Set.of());
    }

    /** These ids and {@code id}. */
    public HistoryIds with(String id) {
        if (contains(id)) {
            return this;
        }
        TreeSet<String> more = new TreeSet<>(added);
        Set<String> fewer = new TreeSet<>(removed);
        if (!fewer.remove(id)) {
            more.add(id);
        }
        return derived(more, fewer);
    }

    /** These ids without {@code id}. */
    public HistoryIds without(String id) {
        if (!contains(id)) {
            return this;
        }
        TreeSet<String> more = new TreeSet<>(added);
        Set<String> fewer = new TreeSet<>(removed);
        if (!more.remove(id)) {
            fewer.add(id);
        }
        return derived(more, fewer);
    }

    private HistoryIds derived(TreeSet<String> more, Set<String> fewer) {
        HistoryIds next = new HistoryIds(base, more, fewer);
        return more.size() + fewer.size() > REBASE ? new HistoryIds(next.spelled(), new TreeSet<>(), Set.of()) : next;
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof String id)) {
            return false;
        }
        return added.contains(id) || !removed.contains(id) && Arrays.binarySearch(base, id) >= 0;
    }

    @Override
    public int size() {
        return base.length - removed.size() + added.size();
    }

    @Override
    public String get(int index) {
        return spelled()[index];
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (o instanceof HistoryIds other && other.base == base) {
            return added.equals(other.added) && removed.equals(other.removed);
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    /** The base without the removed ids, merged with the added ones, in order. */
    private String[] spelled() {
        if (spelled == null) {
            if (added.isEmpty() && removed.isEmpty()) {
                spelled = base;
            } else {
                String[] ids = new String[size()];
                int at = 0;
                int from = 0;
                for (String id : added) {
                    while (from < base.length && base[from].compareTo(id) < 0) {
                        if (!removed.contains(base[from])) {
                            ids[at++] = base[from];
                        }
                        from++;
                    }
                    ids[at++] = id;
                }
                for (; from < base.length; from++) {
                    if (!removed.contains(base[from])) {
                        ids[at++] = base[from];
                    }
                }
                spelled = ids;
            }
        }
        return spelled;
    }
}
