package dev.migrate.lint;

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
 * 55P04), so the revision would fail after the ones before it were committed. The one detection
 * behind both planning's refusal ({@code run.PlanChecks}, on products whose dialect says so) and
 * lint's rule {@link Rule#NEW_ENUM_VALUE_BEFORE_COMMIT}.
 */
public final class NewEnumValues {

    /** What to do about a {@link Use}, in the words of a finding's fix. */
    public static final String FIX = "move the ALTER TYPE ... ADD VALUE into a revision of its own before this one,"
            + " or add '-- transactional: false' to this revision's header";

    private static final Pattern ADD_VALUE = Pattern.compile("(?is)^\\s*ALTER\\s+TYPE\\s+(\\S+)\\s+ADD\\s+VALUE\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?'((?:[^']|'')*)'");

    private NewEnumValues() {
    }

    /**
     * A statement that uses a value an earlier statement of the same section added.
     *
     * @param statement the statement using the value
     * @param value the value as a quoted literal, {@code 'happy'}
     * @param type the enum type as written in the {@code ALTER TYPE}
     */
    public record Use(Statement statement, String value, String type) {

        /** What goes wrong, for revision {@code revisionId}. */
        public String problem(String revisionId) {
            return "PostgreSQL refuses the use of " + value + ", added to " + type + " earlier in revision "
                    + revisionId + ", before the transaction that added it commits (SQL state 55P04)";
        }
    }

    /** Each statement of {@code statements} that uses a value an earlier one added, with the first such value. */
    public static List<Use> usedBeforeCommit(List<Statement> statements) {
        Map<String, String> added = new LinkedHashMap<>(); // 'literal' -> type
        List<Use> uses = new ArrayList<>();
        for (Statement statement : statements) {
            Matcher matcher = ADD_VALUE.matcher(statement.sql());
            if (matcher.find()) {
                added.put("'" + matcher.group(2) + "'", matcher.group(1));
                continue;
            }
            for (Map.Entry<String, String> value : added.entrySet()) {
                if (statement.sql().contains(value.getKey())) {
                    uses.add(new Use(statement, value.getKey(), value.getValue()));
                    break;
                }
            }
        }
        return uses;
    }
}
