package dev.migrate.database;

import dev.migrate.sql.LeadingKeyword;
import java.util.Set;

/** What the seam can tell of a statement from its first word, for every product alike. */
final class StatementKinds {

    /** Statements that change rows and nothing else, in every product the plugin knows. */
    private static final Set<String> DATA_CHANGES = Set.of("insert", "update", "delete", "merge", "upsert");

    private StatementKinds() {
    }

    /**
     * Whether {@code sql} starts with a data-change keyword; a statement that starts with anything
     * else (a comment, {@code WITH}, {@code CALL}) may do more and does not count.
     */
    static boolean changesDataOnly(String sql) {
        return DATA_CHANGES.contains(LeadingKeyword.whole(sql));
    }
}
