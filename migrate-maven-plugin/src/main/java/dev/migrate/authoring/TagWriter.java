package dev.migrate.authoring;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Tags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Adds a release tag to a revision file's header ({@code migrate:tag}): to its {@code tags:} line,
 * or on a new line below {@code parents:}. Only the header changes, so the checksums of the
 * sections, and with them the history of every database, stay as they are.
 */
final class TagWriter {

    private TagWriter() {
    }

    /**
     * Tags {@code revisionOrNull} (an id, prefix or tag) or else the single head.
     *
     * @return the revision tagged, or null when it already carried the tag
     */
    static Revision tag(RevisionGraph graph, String tag, String revisionOrNull) {
        String name = tag == null ? "" : tag.strip();
        if (name.isEmpty()) {
            throw new InvalidTagException("no tag given; add -Dmigrate.tag=<tag>, for example -Dmigrate.tag=release-1.0");
        }
        String problem = Tags.problem(name);
        if (problem != null) {
            throw new InvalidTagException(problem);
        }
        Revision revision = chosen(graph, revisionOrNull);
        Map<String, Revision> tags = graph.tags();
        Revision owner = tags.get(name);
        if (owner != null && owner.id().equals(revision.id())) {
            return null;
        }
        if (owner != null) {
            throw new InvalidTagException("tag '" + name + "' is already on " + owner.describe() + " in "
                    + owner.fileName() + "; a tag names one revision: remove it there first, or choose another tag");
        }
        write(revision, name);
        return revision;
    }

    private static Revision chosen(RevisionGraph graph, String revisionOrNull) {
        if (revisionOrNull != null && !revisionOrNull.isBlank()) {
            return graph.resolve(revisionOrNull);
        }
        List<Revision> heads = graph.heads();
        if (heads.isEmpty()) {
            throw new InvalidTagException("there is no revision to tag yet; write one with migrate:revision first");
        }
        if (heads.size() > 1) {
            throw new InvalidTagException("there are " + heads.size() + " heads, so which revision to tag is not"
                    + " clear: " + heads.stream().map(Revision::describe).collect(Collectors.joining(", "))
                    + ". Name one with -Dmigrate.revision=<id>, or join them first with migrate:merge");
        }
        return heads.get(0);
    }

    private static void write(Revision revision, String tag) {
        Path file = revision.file();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String newline = text.contains("\r\n") ? "\r\n" : "\n";
            List<String> lines = List.of(text.split("\r?\n", -1));
            StringBuilder out = new StringBuilder(text.length() + tag.length() + 16);
            for (int i = 0; i < lines.size(); i++) {
                int number = i + 1;
                String line = lines.get(i);
                if (number == revision.tagsLine()) {
                    line = line.stripTrailing() + ", " + tag;
                }
                out.append(line);
                if (i < lines.size() - 1) {
                    out.append(newline);
                }
                if (revision.tagsLine() == 0 && number == revision.parentsLine()) {
                    out.append("-- tags: ").append(tag).append(newline);
                }
            }
            Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tag into " + file + "; check that the build may write"
                    + " the file", e);
        }
    }
}
