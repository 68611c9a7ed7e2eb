package dev.migrate.history;

import dev.migrate.common.MigrateException;
import dev.migrate.revision.Revision;
import java.util.List;
import java.util.stream.Collectors;

/** The upgrade section of applied revisions changed after they ran. */
public final class EditedRevisionsException extends MigrateException {

    private final List<String> ids;

    public EditedRevisionsException(List<Revision> edited) {
        super("the upgrade section of " + edited.size() + (edited.size() == 1 ? " applied revision was" : " applied revisions were")
                + " edited after it ran (nothing was run):\n"
                + edited.stream().map(r -> "  " + r.describe() + ": " + r.file()).collect(Collectors.joining("\n"))
                + "\n  The database ran the old text, so the files no longer say what it holds. Either revert the edit"
                + " (git checkout the file), or, if the change is deliberate and the database already matches it,"
                + " accept it with mvn migrate:repair, which re-records the checksums.");
        this.ids = edited.stream().map(Revision::id).toList();
    }

    public List<String> ids() {
        return ids;
    }
}
