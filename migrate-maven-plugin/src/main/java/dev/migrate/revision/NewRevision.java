package dev.migrate.revision;

import java.util.List;

/**
 * What a new revision file says in its header.
 *
 * @param parents full parent ids; empty for a root revision ({@code parents: base})
 * @param message one line of free text, or "" for none
 * @param branchLabels labels naming the branch the revision starts; may be empty
 * @param dependsOn full ids of revisions it depends on; may be empty
 */
public record NewRevision(List<String> parents, String message, List<String> branchLabels, List<String> dependsOn) {

    public NewRevision {
        parents = List.copyOf(parents);
        message = message == null ? "" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    /** The file's text: the header, then empty upgrade and downgrade sections. */
    public String content() {
        return content("", "");
    }

    /** The file's text with {@code upgrade} and {@code downgrade} (SQL text, may be empty) in its sections. */
    public String content(String upgrade, String downgrade) {
        StringBuilder text = new StringBuilder();
        text.append("-- parents: ").append(parents.isEmpty() ? "base" : String.join(", ", parents)).append('\n');
        if (!message.isEmpty()) {
            text.append("-- message: ").append(message).append('\n');
        }
        if (!branchLabels.isEmpty()) {
            text.append("-- branch: ").append(String.join(", ", branchLabels)).append('\n');
        }
        if (!dependsOn.isEmpty()) {
            text.append("-- depends-on: ").append(String.join(", ", dependsOn)).append('\n');
        }
        text.append("\n-- upgrade\n").append(section(upgrade)).append("\n-- downgrade\n").append(section(downgrade));
        return text.toString();
    }

    private static String section(String sql) {
        return sql == null || sql.isBlank() ? "" : sql.strip() + "\n";
    }
}
