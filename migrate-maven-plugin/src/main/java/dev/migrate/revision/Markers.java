package dev.migrate.revision;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the {@code -- upgrade} and {@code -- downgrade} markers are, with the problems of missing,
 * repeated or misordered markers reported.
 *
 * @param upgrade the line of the (first) upgrade marker, 0 when there is none
 * @param downgrade the line of the (first) downgrade marker, 0 when there is none
 * @param headerEnd the first line that is no longer header
 */
record Markers(int upgrade, int downgrade, int headerEnd) {

    static Markers find(RevisionText lines, HeaderParser.Problems problems) {
        List<Integer> upgrades = new ArrayList<>();
        List<Integer> downgrades = new ArrayList<>();
        int upgradeLookalike = 0;
        int downgradeLookalike = 0;
        int firstContent = 0;
        for (int line = 1; line <= lines.count(); line++) {
            RevisionText.Kind kind = lines.kind(line);
            if (kind == RevisionText.Kind.CONTENT && firstContent == 0) {
                firstContent = line;
            } else if (kind == RevisionText.Kind.COMMENT) {
                // read once: most lines of a file can be comments, of the header or among the SQL
                String body = lines.commentBody(line);
                if (RevisionText.isMarker(body, "upgrade")) {
                    upgrades.add(line);
                } else if (RevisionText.isMarker(body, "downgrade")) {
                    downgrades.add(line);
                } else if (upgradeLookalike == 0 && RevisionText.looksLikeMarker(body, "upgrade")) {
                    upgradeLookalike = line;
                } else if (downgradeLookalike == 0 && RevisionText.looksLikeMarker(body, "downgrade")) {
                    downgradeLookalike = line;
                }
            }
        }
        reportRepeats(upgrades, "upgrade", problems);
        reportRepeats(downgrades, "downgrade", problems);
        int upgrade = upgrades.isEmpty() ? 0 : upgrades.get(0);
        int downgrade = downgrades.isEmpty() ? 0 : downgrades.get(0);

        if (upgrade == 0) {
            int where = firstContent > 0 ? firstContent : downgrade > 0 ? downgrade : lines.lastLine();
            problems.add(where, "there is no '-- upgrade' marker; add a line '-- upgrade' between the header and the"
                    + " first upgrade statement" + lookalike(upgradeLookalike, "upgrade"));
        }
        if (downgrade == 0) {
            problems.add(lines.lastLine(), "there is no '-- downgrade' marker; add a line '-- downgrade' after the"
                    + " upgrade statements, followed by the statements that undo them (if they cannot be undone,"
                    + " leave the section empty and add '-- irreversible: true' to the header)"
                    + lookalike(downgradeLookalike, "downgrade"));
        }
        if (upgrade > 0 && downgrade > 0 && downgrade < upgrade) {
            problems.add(downgrade, "the '-- downgrade' marker on line " + downgrade + " comes before the"
                    + " '-- upgrade' marker on line " + upgrade + "; put the upgrade section first, then the"
                    + " downgrade section");
        }
        int headerEnd;
        if (upgrade > 0) {
            headerEnd = downgrade > 0 ? Math.min(upgrade, downgrade) : upgrade;
        } else {
            headerEnd = lines.lastLine() + 1;
            if (firstContent > 0) {
                headerEnd = Math.min(headerEnd, firstContent);
            }
            if (downgrade > 0) {
                headerEnd = Math.min(headerEnd, downgrade);
            }
        }
        return new Markers(upgrade, downgrade, headerEnd);
    }

    private static void reportRepeats(List<Integer> lines, String word, HeaderParser.Problems problems) {
        for (int i = 1; i < lines.size(); i++) {
            problems.add(lines.get(i), "the '-- " + word + "' marker appears twice, on lines " + lines.get(0)
                    + " and " + lines.get(i) + "; each marker must appear exactly once: remove or merge the second"
                    + " one");
        }
    }

    private static String lookalike(int line, String word) {
        return line == 0 ? "" : " (line " + line + " starts with '" + word + "' but a marker is the word alone on"
                + " its line: '-- " + word + "')";
    }
}
