package dev.migrate.autogenerate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What autogenerate did.
 *
 * @param file the new revision file, or null when the schemas do not differ
 * @param changes the proven changes, failed ones as TODOs
 * @param warnings what the user must look at: TODOs, possible renames, destructive steps
 * @param notes remarks (columns that come back in another order)
 * @param took how long it took
 */
public record AutogenerateResult(Path file, SchemaChanges changes, List<String> warnings, List<String> notes,
        Duration took) {

    public AutogenerateResult {
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    public boolean noDifference() {
        return file == null;
    }
}
