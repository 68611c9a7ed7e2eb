package dev.migrate.autogenerate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A squash's foreign keys written inside the {@code CREATE TABLE} of the table that holds them,
 * the tables created in an order where each one's referenced tables come first: one statement,
 * one round trip, where the planner writes a table and then an {@code ALTER TABLE} per key. A key
 * whose tables reference each other in a circle stays an {@code ALTER TABLE}. The result is proven
 * like the rest of the squash before it is used.
 */
final class InlineForeignKeys {

    private static final Pattern CREATE = Pattern.compile("(?is)^CREATE TABLE\\s+(\\S+)\\s*\\(.*\\n\\)$");
    private static final Pattern ADD = Pattern.compile(
            "(?is)^ALTER TABLE\\s+(\\S+)\\s+ADD\\s+(CONSTRAINT\\s+\\S+\\s+FOREIGN KEY\\s*\\(.*?\\)\\s*REFERENCES\\s+([^\\s(]+).*)$");

    private InlineForeignKeys() {
    }

    /** {@code changes} with the foreign keys of the tables it creates inside their statements; itself when none moves. */
    static SchemaChanges of(SchemaChanges changes) {
        Map<String, Change> creates = new LinkedHashMap<>();
        for (Change change : changes.changes()) {
            if (!change.isTodo() && change.upStep() == Step.CREATE_TABLE && change.up().size() == 1) {
                Matcher matcher = CREATE.matcher(change.up().get(0).strip());
                if (matcher.matches()) {
                    creates.put(matcher.group(1), change);
                }
            }
        }
        // per table, its keys: the change and the clause, and the tables they reference
        Map<String, List<Change>> keys = new HashMap<>();
        Map<Change, String[]> parsed = new HashMap<>();
        for (Change change : changes.changes()) {
            if (change.isTodo() || change.upStep() != Step.ADD_FOREIGN_KEY || change.up().size() != 1) {
                continue;
            }
            Matcher matcher = ADD.matcher(change.up().get(0).strip());
            if (matcher.matches() && creates.containsKey(matcher.group(1))) {
                keys.computeIfAbsent(matcher.group(1), t -> new ArrayList<>()).add(change);
                parsed.put(change, new String[] {matcher.group(2), matcher.group(3)});
            }
        }
        if (parsed.isEmpty()) {
            return changes;
        }
        // referenced tables first, in the planner's order otherwise; a circle is broken where it is met
        List<String> order = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<String> waiting = new ArrayList<>(creates.keySet());
        while (!waiting.isEmpty()) {
            String next = waiting.stream().filter(table -> keys.getOrDefault(table, List.of()).stream()
                    .map(key -> parsed.get(key)[1]).allMatch(r -> r.equals(table) || placed.contains(r)
                            || !creates.containsKey(r))).findFirst().orElse(waiting.get(0));
            waiting.remove(next);
            order.add(next);
            placed.add(next);
        }
        Map<Change, Change> replaced = new HashMap<>();
        Set<String> before = new HashSet<>();
        for (int rank = 0; rank < order.size(); rank++) {
            String table = order.get(rank);
            before.add(table);
            Change create = creates.get(table);
            StringBuilder clauses = new StringBuilder();
            for (Change key : keys.getOrDefault(table, List.of())) {
                String[] clause = parsed.get(key);
                if (before.contains(clause[1]) || !creates.containsKey(clause[1])) {
                    clauses.append(",\n    ").append(clause[0].strip());
                    replaced.put(key, new Change(key.object(), key.summary(), key.upStep(), key.upRank(), List.of(),
                            key.downStep(), key.downRank(), key.down(), key.todo(), key.warning()));
                }
            }
            String sql = create.up().get(0).strip();
            int close = sql.lastIndexOf("\n)");
            String up = clauses.isEmpty() ? sql : sql.substring(0, close) + clauses + sql.substring(close);
            replaced.put(create, new Change(create.object(), create.summary(), create.upStep(), rank + 1, List.of(up),
                    create.downStep(), create.downRank(), create.down(), create.todo(), create.warning()));
        }
        return new SchemaChanges(changes.changes().stream().map(c -> replaced.getOrDefault(c, c)).toList());
    }
}
