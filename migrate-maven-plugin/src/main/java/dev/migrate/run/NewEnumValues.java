package dev.migrate.run;

import dev.migrate.common.Finding;
import dev.migrate.revision.Revision;
import dev.migrate.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value added with {@code ALTER TYPE ... ADD VALUE} and used by a later statement of the same
 * transactional revision: PostgreSQL refuses the use until the transaction commits (SQL state
 * 55P04), so the revision would fail after the ones before it were committed. Found while planning.
 */
final class NewEnumValues {

    private static final Pattern ADD_VALUE = Pattern.compile("(?is)^\\s*ALTER\\s+TYPE\\s+(\\S+)\\s+ADD\\s+VALUE\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?'((?:[^']|'')*)'");

    private NewEnumValues() {
    }

    /** One problem for each statement that uses a value an earlier statement of {@code statements} added. */
    static List<Finding> usedBeforeCommit(Revision revision, List<Statement> statements) {
        Map<String, String> added = new LinkedHashMap<>(); // 'literal' -> type
        List<Finding> problems = new ArrayList<>();
        for (Statement statement : statements) {
            Matcher matcher = ADD_VALUE.matcher(statement.sql());
            if (matcher.find()) {
                added.put("'" + matcher.group(2) + "'", matcher.group(1));
                continue;
            }
            for (Map.Entry<String, String> value : added.entrySet()) {
                if (statement.sql().contains(value.getKey())) {
                    problems.add(Finding.problem(revision.file(), statement.line(), "PostgreSQL refuses the use of "
                            + value.getKey() + ", added to " + value.getValue() + " earlier in revision "
                            + revision.id() + ", before the transaction that added it commits (SQL state 55P04);"
                            + " move the ALTER TYPE ... ADD VALUE into a revision of its own before this one, or add"
                            + " '-- transactional: false' to this revision's header"));
                    break;
                }
            }
        }
        return problems;
    }
}
