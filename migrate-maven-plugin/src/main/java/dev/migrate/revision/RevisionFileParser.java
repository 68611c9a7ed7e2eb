package dev.migrate.revision;

import dev.migrate.common.Finding;
import dev.migrate.sql.ScannedFile;
import dev.migrate.sql.SqlSyntax;
import dev.migrate.sql.Statement;
import dev.migrate.sql.StatementSplitter;
import dev.migrate.sql.UnsplittableSqlException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one revision file: its name, encoding, header, markers and sections. Every problem found is
 * collected; a {@link Revision} comes out only when there is none.
 */
public final class RevisionFileParser {

    /**
     * What reading one file gave.
     *
     * @param file the file
     * @param id the revision id from a well-formed file name, or null
     * @param revision the revision, or null when there are problems
     * @param problems every problem found in the file, in line order
     * @param outline when there are problems but the name and the header's parents could be read: a
     *     revision with the header's links and empty sections, for the graph checks only; else null
     */
    public record Result(Path file, String id, Revision revision, List<Finding> problems, Revision outline) {

        public Result {
            problems = List.copyOf(problems);
        }

        public Result(Path file, String id, Revision revision, List<Finding> problems) {
            this(file, id, revision, problems, null);
        }

        public boolean isValid() {
            return revision != null;
        }
    }

    private final Path file;
    private final SqlSyntax syntax;
    private final List<Finding> problems = new ArrayList<>();
    private Revision revision;
    private Revision outline;

    private RevisionFileParser(Path file, SqlSyntax syntax) {
        this.file = file;
        this.syntax = syntax;
    }

    /**
     * Reads and parses {@code file}, splitting its sections by {@code syntax}, the target database's;
     * an unreadable file is a problem, not an exception.
     */
    public static Result parse(Path file, SqlSyntax syntax) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            RevisionFileName name = RevisionFileName.parse(file.getFileName().toString());
            return new Result(file, name.id(), null, List.of(Finding.problem(file, 0, "cannot read the file ("
                    + e + "); check that it exists and that its permissions let the build read it")));
        }
        return parse(file, content, syntax);
    }

    /** Parses {@code content} as the revision file {@code file} (whose name is checked too). */
    public static Result parse(Path file, byte[] content, SqlSyntax syntax) {
        return new RevisionFileParser(file, syntax).run(content);
    }

    private Result run(byte[] content) {
        RevisionFileName name = RevisionFileName.parse(file.getFileName().toString());
        if (!name.isValid()) {
            problem(0, name.problem());
        }
        String text = decode(content);
        if (text != null) {
            parseText(text, name);
        }
        problems.sort(null);
        if (!problems.isEmpty()) {
            return new Result(file, name.id(), null, problems, outline);
        }
        return new Result(file, name.id(), revision, problems);
    }

    private void parseText(String text, RevisionFileName name) {
        if (text.isBlank()) {
            problem(0, "the file is empty; write a header ('-- parents: ...'), a '-- upgrade' and a '-- downgrade'"
                    + " section, or delete the file");
            return;
        }
        // one scan finds the markers outside strings and, most often, every section's statements too
        ScannedFile scan = StatementSplitter.scanFile(text, syntax, RevisionText::looksLikeMarkerText);
        RevisionText lines = new RevisionText(text, scan.topLevelLines());
        Markers markers = Markers.find(lines, this::problem);

        HeaderParser header = new HeaderParser(name.id(), this::problem);
        readHeader(lines, markers, header);
        header.finish();

        Section upgrade = null;
        Section downgrade = null;
        if (markers.upgrade() > 0 && markers.downgrade() > markers.upgrade()) {
            upgrade = section(lines, scan, markers.upgrade(), markers.downgrade(), "upgrade");
            downgrade = section(lines, scan, markers.downgrade(), lines.count() + 1, "downgrade");
        } else if (markers.upgrade() > 0 && markers.downgrade() == 0) {
            section(lines, scan, markers.upgrade(), lines.count() + 1, "upgrade");
        }
        if (problems.isEmpty() && name.isValid()) {
            revision = new Revision(name.id(), name.slug(), file, header.parents, header.message, header.dependsOn,
                    header.branchLabels, header.transactional, header.irreversible, header.lintIgnore,
                    header.parentsLine, header.dependsOnLine, upgrade, downgrade, header.tags, header.replaces,
                    header.tagsLine, header.replacesLine);
        } else if (name.isValid() && header.parents != null) {
            Section none = new Section("", 0, List.of(), Checksums.sha256(""), syntax);
            outline = new Revision(name.id(), name.slug(), file, header.parents, header.message, header.dependsOn,
                    header.branchLabels, header.transactional, header.irreversible, header.lintIgnore,
                    header.parentsLine, header.dependsOnLine, none, none, header.tags, header.replaces,
                    header.tagsLine, header.replacesLine);
        }
    }

    /** Header lines are blank or '--' comments; content there is reported once per run of lines. */
    private void readHeader(RevisionText lines, Markers markers, HeaderParser header) {
        boolean inContent = false;
        for (int line = 1; line < markers.headerEnd(); line++) {
            switch (lines.kind(line)) {
                case BLANK:
                    inContent = false;
                    break;
                case COMMENT:
                    inContent = false;
                    header.comment(line, lines.commentBody(line));
                    break;
                default:
                    if (!inContent) {
                        problem(line, "only '--' comments and blank lines may come before the '-- upgrade' marker"
                                + " (line " + markers.upgrade() + "); move this SQL below '-- upgrade', or make it a"
                                + " '--' comment");
                    }
                    inContent = true;
            }
        }
    }

    private Section section(RevisionText lines, ScannedFile scan, int markerLine, int endLine, String which) {
        int firstLine = markerLine + 1;
        String text = lines.between(firstLine, endLine);
        List<Statement> statements = scan.statementsOfLines(firstLine, endLine);
        if (statements == null) {
            // the file's scan cannot vouch for this section on its own: split it, and report what that finds
            statements = List.of();
            try {
                statements = StatementSplitter.split(text, firstLine, syntax);
            } catch (UnsplittableSqlException e) {
                problem(e.line(), "in the " + which + " section, " + e.getMessage() + " (split by " + syntax.name()
                        + " rules)");
            }
        }
        for (Statement statement : statements) {
            String kind = StatementSplitter.cutRoutineBody(statement.sql(), syntax);
            if (kind != null) {
                problem(statement.line(), "in the " + which + " section, the BEGIN ... END body of this CREATE " + kind
                        + " ends at its first ';' (by " + syntax.name() + " rules every ';' ends a statement): put a line"
                        + " 'DELIMITER //' before it, end it with 'END//' and put a line 'DELIMITER ;' after it");
            }
        }
        return new Section(text, firstLine, statements, Checksums.sha256(text), syntax);
    }

    /** Strict UTF-8 with the BOM dropped and line breaks turned into LF; null after reporting a bad byte. */
    private String decode(byte[] content) {
        // the lenient decoding is the JDK's fast one; it puts U+FFFD where a byte is not UTF-8, and only
        // then (or for a U+FFFD written in the file) does the strict decoder have to find the byte
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            text = decodeStrictly(content);
            if (text == null) {
                return null;
            }
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            // a NUL would reach the server inside a statement, and drivers refuse or cut text there
            problem((int) text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1, "the file holds a NUL"
                    + " byte (0x00) on this line: a binary file or one saved as UTF-16? Save it as UTF-8 text");
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        return text;
    }

    /** The strict decoder's text, or null after reporting the first byte that is not UTF-8. */
    private String decodeStrictly(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            problem(line, String.format("the file is not valid UTF-8 (byte 0x%02X on this line); save it as UTF-8,"
                    + " for example with your editor's 'Save with Encoding' or 'iconv -f <encoding> -t UTF-8'",
                    content[at] & 0xFF));
            return null;
        }
        out.flip();
        return out.toString();
    }

    private void problem(int line, String message) {
        problems.add(Finding.problem(file, line, message));
    }
}
