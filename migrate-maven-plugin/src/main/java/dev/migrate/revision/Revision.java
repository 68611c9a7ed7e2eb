package dev.migrate.revision;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One revision file, read and checked: its identity, its place in the graph and its two sections.
 *
 * @param id the 14-digit UTC timestamp from the file name
 * @param slug the part of the file name after the id
 * @param file where it was read from
 * @param parents parent revision ids; empty for a root revision ({@code parents: base})
 * @param message the {@code message:} header, or "" when there is none
 * @param dependsOn revisions that must be applied first although they are not parents
 * @param branchLabels labels naming the branch this revision starts
 * @param transactional false when the file says {@code transactional: false}
 * @param irreversibleAcknowledged true when the file says {@code irreversible: true}
 * @param lintIgnore lint rule ids switched off for this revision
 * @param parentsLine the line of the {@code parents:} header (for error messages)
 * @param dependsOnLine the line of the {@code depends-on:} header, or 0 when there is none
 * @param upgrade the upgrade section
 * @param downgrade the downgrade section
 * @param tags release tags naming this revision as a target ({@code tags:})
 * @param replaces the revisions this squashed revision stands for ({@code replaces:}), empty for others
 * @param tagsLine the line of the {@code tags:} header, or 0 when there is none
 * @param replacesLine the line of the {@code replaces:} header, or 0 when there is none
 */
public record Revision(
        String id,
        String slug,
        Path file,
        List<String> parents,
        String message,
        List<String> dependsOn,
        List<String> branchLabels,
        boolean transactional,
        boolean irreversibleAcknowledged,
        Set<String> lintIgnore,
        int parentsLine,
        int dependsOnLine,
        Section upgrade,
        Section downgrade,
        List<String> tags,
        List<String> replaces,
        int tagsLine,
        int replacesLine) {

    public Revision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        parents = List.copyOf(parents);
        message = message == null ? "" : message;
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
        lintIgnore = Set.copyOf(lintIgnore);
        Objects.requireNonNull(upgrade, "upgrade");
        Objects.requireNonNull(downgrade, "downgrade");
        tags = List.copyOf(tags);
        replaces = List.copyOf(replaces);
    }

    /** A revision without tags and replacing nothing, as most are. */
    public Revision(String id, String slug, Path file, List<String> parents, String message, List<String> dependsOn,
            List<String> branchLabels, boolean transactional, boolean irreversibleAcknowledged, Set<String> lintIgnore,
            int parentsLine, int dependsOnLine, Section upgrade, Section downgrade) {
        this(id, slug, file, parents, message, dependsOn, branchLabels, transactional, irreversibleAcknowledged,
                lintIgnore, parentsLine, dependsOnLine, upgrade, downgrade, List.of(), List.of(), 0, 0);
    }

    /** This revision with other sections (placeholders replaced), everything else kept. */
    public Revision withSections(Section newUpgrade, Section newDowngrade) {
        return new Revision(id, slug, file, parents, message, dependsOn, branchLabels, transactional,
                irreversibleAcknowledged, lintIgnore, parentsLine, dependsOnLine, newUpgrade, newDowngrade, tags,
                replaces, tagsLine, replacesLine);
    }

    /** A squashed revision: it stands for the revisions of its {@code replaces:} header. */
    public boolean isSquash() {
        return !replaces.isEmpty();
    }

    public boolean isRoot() {
        return parents.isEmpty();
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }

    /**
     * A revision whose downgrade has no statement cannot be undone; merges are the exception, as
     * they may have empty sections, and so is a no-op (both sections empty), which has nothing to
     * undo.
     */
    public boolean isIrreversible() {
        return downgrade.isEmpty() && !isMerge() && !isNoOp();
    }

    /** Both sections have no statement: upgrading and downgrading through it record it and run nothing. */
    public boolean isNoOp() {
        return upgrade.isEmpty() && downgrade.isEmpty();
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    /** The id followed by the message, the way logs name a revision. */
    public String describe() {
        return message.isEmpty() ? id : id + " (" + message + ")";
    }
}
